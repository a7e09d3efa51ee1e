/**
 * Deleting imported AES material can lose every ciphertext under the key for ever: it needs an
 * explicit acknowledgement, journaled right before the deletion; without it nothing is deleted.
 * The online journal records the custody copy the wrapped bundle named: with none, the refusal says
 * so (the journal entry) and the key ID must be typed as well. The app reads the same facts first
 * (`deletionWarning`): the command line's words, and whether the key ID must be typed.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { airGapSide, createFixture, onlineDayOne, receiptDigestOf, type Fixture } from '../ceremony-fixture';
import { deletionWarning } from '../../../../src-main/core/ceremony/online/loss-acknowledgement';
import type { OnlineKeyState, RecordedCustody } from '../../../../src-main/core/ceremony/online/state';
import { translator } from '../../../../src-main/i18n/translate';
import { phraseText } from '../../../../src-main/i18n/phrase';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

describe('delete imported material: acknowledged loss', () => {
  it('refuses without the acknowledgement (nothing deleted), then journals it before deleting', async () => {
    const plan = f.plan(['AES_256']);
    const { params, created } = await onlineDayOne(f, plan);
    await airGapSide(f, plan, params);
    const keyId = created[0]?.keyId as string;
    const journal = await f.journal('online.jsonl');
    const day2 = await f.online(journal, plan);
    await day2.connect();
    await day2.checkWrappedBundle(path.join(f.dir, 'wrapped'), await receiptDigestOf(path.join(f.dir, 'wrapped')));
    await day2.importMaterial();
    await day2.verifyKeys();

    const checkedSeq = journal.entries.find((e) => e.event === 'wrapped-bundle.checked')?.seq;
    // What the app shows before it offers the deletion: the refusal's words, and the key ID to type.
    const warning = day2.deletionWarning(keyId);
    expect(warning.keyIdToType).toBe(true);
    expect(phraseText(translator('en'), warning.warning)).toContain(
      `Key ${keyId} has NO custody copy (online journal entry ${checkedSeq}: the air-gapped side kept none). Deleting its imported material destroys it for ever`,
    );
    await expect(day2.deleteMaterial(keyId)).rejects.toMatchObject({
      code: 'NO_CUSTODY_COPY_DELETE',
      message: expect.stringContaining(
        `Key ${keyId} has NO custody copy (online journal entry ${checkedSeq}: the air-gapped side kept none)`,
      ),
    });
    await expect(day2.deleteMaterial(keyId, { lossAcknowledged: true })).rejects.toMatchObject({
      code: 'NO_CUSTODY_COPY_DELETE',
    });
    // One character off: the last digit changed (never to itself, whatever the simulator's key ID ends in).
    const mistyped = `${keyId.slice(0, -1)}${keyId.endsWith('0') ? '1' : '0'}`;
    await expect(
      day2.deleteMaterial(keyId, { lossAcknowledged: true, confirmedKeyId: mistyped }),
    ).rejects.toMatchObject({ code: 'DELETE_KEY_ID_MISTYPED' });
    // In the app: its tick box and field named, never the command line's options; upper case said as such.
    await expect(day2.deleteMaterial(keyId, { lossAcknowledged: false, where: 'app' })).rejects.toMatchObject({
      code: 'NO_CUSTODY_COPY_DELETE',
      nextStep: expect.stringContaining(
        `tick the box that acknowledges the loss and type the key ID again (${keyId}) in the field beside it`,
      ),
    });
    const upper = day2.deleteMaterial(keyId, {
      lossAcknowledged: true,
      confirmedKeyId: keyId.toUpperCase(),
      where: 'app',
    });
    await expect(upper).rejects.toMatchObject({
      code: 'DELETE_KEY_ID_MISTYPED',
      nextStep: `Only the letter case differs: type the key ID in lower case, ${keyId}.`,
    });
    for (const refused of [
      await day2.deleteMaterial(keyId, { lossAcknowledged: false, where: 'app' }).catch((e: unknown) => e),
      await day2
        .deleteMaterial(keyId, { lossAcknowledged: true, confirmedKeyId: mistyped, where: 'app' })
        .catch((e: unknown) => e),
    ])
      expect((refused as { nextStep: string }).nextStep).not.toMatch(/--(acknowledge-loss|confirm-key-id|key-id)/);
    expect((await f.kms.describeKey(keyId)).stateName).toBe('Enabled');
    expect(journal.entries.map((e) => e.event)).not.toContain('material.loss-acknowledged');

    await day2.deleteMaterial(keyId, { lossAcknowledged: true, confirmedKeyId: ` ${keyId} ` });
    const events = journal.entries.map((e) => e.event);
    const acknowledged = events.indexOf('material.loss-acknowledged');
    expect(acknowledged).toBeGreaterThan(0);
    expect(events.slice(acknowledged + 1)).toContain('key.material-deleted');
    expect(journal.entries[acknowledged]?.data).toMatchObject({ keyId, action: 'delete-imported-material' });
  });
});

/** An imported AES key whose checked bundle named `custody` at journal entry 7. */
function importedKey(custody?: RecordedCustody['arrangement']): OnlineKeyState {
  return {
    keyId: 'k1',
    alias: 'a',
    spec: 'AES_256',
    usage: 'ENCRYPT_DECRYPT',
    description: '',
    issued: [],
    imported: {
      expiresAt: null,
      importTokenSha256: 'x',
      ...(custody ? { custody: { arrangement: custody, seq: 7 } } : {}),
    },
  };
}

describe("the app's warning before a deletion (what the journal recorded of the custody copy)", () => {
  it('names the shares and their holders, and asks for no typed key ID', () => {
    const warning = deletionWarning(
      'k1',
      importedKey({ kind: 'shares', threshold: 2, total: 3, custodians: ['Carol', 'Dan', 'Eve'] }),
    );
    expect(warning.keyIdToType).toBe(false);
    expect(phraseText(translator('en'), warning.warning)).toContain(
      'Online journal entry 7 records its custody copy: 2 of 3 shares, held by Carol, Dan, Eve; without 2 of them',
    );
    expect(phraseText(translator('zh-CN'), warning.warning)).toContain(
      '3 份中任意 2 份保管份额，由 Carol、Dan、Eve 保管',
    );
  });

  it('says when the air-gapped side acknowledged keeping no copy, and when the journal recorded nothing', () => {
    const none = deletionWarning('k1', importedKey({ kind: 'none', acknowledged: true }));
    expect(none.keyIdToType).toBe(true);
    expect(phraseText(translator('en'), none.warning)).toContain('the air-gapped side kept none, acknowledged there)');
    const unknown = deletionWarning('k1', importedKey());
    expect(unknown.keyIdToType).toBe(false);
    expect(phraseText(translator('en'), unknown.warning)).toContain('unless custody shares of the same material exist');
  });
});
