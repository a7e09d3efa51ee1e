/**
 * Deleting imported AES material can lose every ciphertext under the key for ever: it needs an
 * explicit acknowledgement, journaled right before the deletion; without it nothing is deleted.
 * The online journal records the custody copy the wrapped bundle named: with none, the refusal says
 * so (the journal entry) and the key ID must be typed as well.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { airGapSide, createFixture, onlineDayOne, receiptDigestOf, type Fixture } from '../ceremony-fixture';

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
    await expect(day2.deleteMaterial(keyId)).rejects.toMatchObject({
      code: 'NO_CUSTODY_COPY_DELETE',
      message: expect.stringContaining(
        `Key ${keyId} has NO custody copy (online journal entry ${checkedSeq}: the air-gapped side kept none)`,
      ),
    });
    await expect(day2.deleteMaterial(keyId, { lossAcknowledged: true })).rejects.toMatchObject({
      code: 'NO_CUSTODY_COPY_DELETE',
    });
    await expect(
      day2.deleteMaterial(keyId, { lossAcknowledged: true, confirmedKeyId: `${keyId.slice(0, -1)}0` }),
    ).rejects.toMatchObject({ code: 'DELETE_KEY_ID_MISTYPED' });
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
