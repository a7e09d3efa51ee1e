/**
 * Deleting imported AES material can lose every ciphertext under the key for ever (the online
 * workstation cannot know whether custody shares exist): it needs an explicit acknowledgement,
 * journaled right before the deletion; without it nothing is deleted.
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

    await expect(day2.deleteMaterial(keyId)).rejects.toMatchObject({
      code: 'LOSS_NOT_ACKNOWLEDGED',
      message: expect.stringContaining('unless custody shares of the same material exist'),
    });
    expect((await f.kms.describeKey(keyId)).stateName).toBe('Enabled');
    expect(journal.entries.map((e) => e.event)).not.toContain('material.loss-acknowledged');

    await day2.deleteMaterial(keyId, { lossAcknowledged: true });
    const events = journal.entries.map((e) => e.event);
    const acknowledged = events.indexOf('material.loss-acknowledged');
    expect(acknowledged).toBeGreaterThan(0);
    expect(events.slice(acknowledged + 1)).toContain('key.material-deleted');
    expect(journal.entries[acknowledged]?.data).toMatchObject({ keyId, action: 'delete-imported-material' });
  });
});
