/**
 * A deletion of imported material whose outcome the journal never recorded: a trial killed
 * `online delete-material` after the KMS deleted the material and before key.material-deleted was
 * written; the next status journaled the key as lapsed (its material expired), asked for an expiry
 * to restore it with, and the receipt called the deletion an expiry. The journal cut right after
 * the acknowledgement (what a kill in that moment leaves), against the simulator: the next look
 * records the deletion, late, and no lapse; a key found back in Pending import with no deletion
 * sent is still a lapse.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFixture, importedOnDayTwo, type Fixture } from '../ceremony-fixture';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

const journalFile = () => path.join(f.dir, 'online.jsonl');

async function events(): Promise<{ event: string; data: Record<string, unknown> }[]> {
  const lines = (await readFile(journalFile(), 'utf8')).trim().split('\n');
  return lines.map((l) => JSON.parse(l) as { event: string; data: Record<string, unknown> });
}

describe('a deletion sent whose outcome was not journaled', () => {
  it('is recorded as that deletion, late, at the next look: not as material that expired', async () => {
    const plan = f.plan(['AES_256', 'AES_256']);
    const { journal, day2, imported } = await importedOnDayTwo(f, plan);
    const [deleted, other] = imported.map((k) => k.keyId) as [string, string];
    await day2.deleteMaterial(deleted, { lossAcknowledged: true, confirmedKeyId: deleted });
    await journal.close();
    // Cut the journal after the acknowledgement: the KMS deleted, nothing after it was written.
    const lines = (await readFile(journalFile(), 'utf8')).trim().split('\n');
    const ack = lines.findIndex((l) => l.includes('"event":"material.loss-acknowledged"'));
    expect(ack).toBeGreaterThan(0);
    await writeFile(journalFile(), `${lines.slice(0, ack + 1).join('\n')}\n`);
    // The other key's material is deleted outside Keyferry: that one did lapse, as far as the journal can tell.
    await f.kms.deleteImportedKeyMaterial(other);

    const day3 = await f.online(await f.journal('online.jsonl'), plan);
    await day3.connect();
    await day3.status();
    const gone = (await events()).filter((e) => ['key.material-deleted', 'key.material-lapsed'].includes(e.event));
    expect(gone.map((e) => [e.event, e.data['keyId'], e.data['recordedLate'] ?? null])).toEqual([
      ['key.material-deleted', deleted, true],
      ['key.material-lapsed', other, null],
    ]);
    const keys = day3.keys();
    expect(keys.find((k) => k.keyId === deleted)).toMatchObject({ deleted: true, lapsed: false });
    expect(keys.find((k) => k.keyId === other)).toMatchObject({ deleted: false, lapsed: true });
  });

  it('is not taken for the loss once a look found the key still holding its material', async () => {
    const plan = f.plan(['AES_256']);
    const { day2, imported } = await importedOnDayTwo(f, plan);
    const [key] = imported.map((k) => k.keyId) as [string];
    // The KMS refuses the deletion (acknowledged, sent, answered): the key still holds its material.
    vi.spyOn(f.kms, 'deleteImportedKeyMaterial').mockRejectedValueOnce(new Error('refused by the KMS'));
    await expect(day2.deleteMaterial(key, { lossAcknowledged: true, confirmedKeyId: key })).rejects.toThrow();
    vi.restoreAllMocks();
    await day2.status();
    // Later its material goes outside Keyferry: a lapse as far as the journal can tell, not that deletion.
    await f.kms.deleteImportedKeyMaterial(key);
    await day2.status();
    const gone = (await events()).filter((e) => ['key.material-deleted', 'key.material-lapsed'].includes(e.event));
    expect(gone.map((e) => e.event)).toEqual(['key.material-lapsed']);
  });
});
