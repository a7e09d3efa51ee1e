/**
 * An import sent and its answer lost (the KMS took it, the key's state could not be read after),
 * then the import run again with ANOTHER wrapped bundle of the same ceremony (a wrap again from the
 * same parameters, as its session printed): the key is Enabled with the first bundle's material, and
 * AES material cannot be compared in the KMS. Before, the second bundle was recorded as imported (its
 * KCV and custody set on the receipt, the real set later destroyed as "not imported"). Now its
 * check looks the key up (describe-key) and refuses it, journaled, naming the bundle the send came
 * from, before it is vouched for; the import of that bundle then records what the KMS holds. While
 * the key is still Pending import (that send did not take effect), the other bundle is checked and
 * imported as any. Real simulator over HTTP, real files and journals.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupHex } from '../../../../src-main/core/hex-groups';
import { journalFileEntries } from '../../../helpers/journal-entries';
import { airGapSide, createFixture, onlineWithFirstBundle, receiptDigestOf, type Fixture } from '../ceremony-fixture';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

/**
 * Two wraps of the ceremony's one parameters bundle in one air-gapped journal (the second a wrap
 * again), the first checked and its import sent with the connection dropped `when` (before: the KMS
 * never saw it; after: it took it) and the key's state unreadable after: its outcome unknown.
 */
async function secondWrapAfterLostSend(when: 'before' | 'after') {
  const plan = f.plan(['AES_256']);
  const { journal, online, first } = await onlineWithFirstBundle(f, plan);
  const one = await airGapSide(f, plan, first.dir, path.join(f.dir, 'wrapped-1'));
  const two = await airGapSide(f, plan, first.dir, path.join(f.dir, 'wrapped-2'), 'airgap.jsonl', 'stick lost');
  const digestOne = await receiptDigestOf(one.out);
  await online.checkWrappedBundle(one.out, digestOne);
  f.sim.faults.dropConnection('import-key-material', when);
  f.sim.faults.failWith('describe-key', 503, 'before', 1000, 1);
  await expect(online.importMaterial()).rejects.toMatchObject({ code: 'KMS_IMPORT_OUTCOME_UNKNOWN' });
  f.sim.faults.clear();
  return { journal, online, one, two, digestOne };
}

describe('an import whose answer was lost, run again with another wrapped bundle', () => {
  it('is refused naming the bundle the KMS took; that bundle is then recorded, with its own KCV', async () => {
    // The KMS takes the import, its answer is lost, and the key's state cannot be read after it.
    const { journal, online, one, two, digestOne } = await secondWrapAfterLostSend('after');

    // Refused at the check, before it is vouched for: the earlier bundle stays the one to import.
    await expect(online.checkWrappedBundle(two.out, await receiptDigestOf(two.out))).rejects.toMatchObject({
      code: 'IMPORT_LANDED_FROM_OTHER_BUNDLE',
      values: { folder: path.resolve(one.out), digest: groupHex(one.bundle.manifestSha256) },
    });
    const events = await journalFileEntries(journal.path);
    expect(events.filter((e) => e.event === 'key.imported')).toEqual([]);
    expect(events.at(-1)).toMatchObject({
      event: 'wrapped-bundle.refused',
      data: { code: 'IMPORT_LANDED_FROM_OTHER_BUNDLE', manifestSha256: two.bundle.manifestSha256 },
    });

    // The bundle the KMS took: recorded, with its own check value, and proven.
    await online.checkWrappedBundle(one.out, digestOne);
    const [imported] = await online.importMaterial();
    expect(imported).toMatchObject({ confirmation: 'reconciled' });
    const proofs = await online.verifyKeys();
    expect(proofs.every((p) => p.ok)).toBe(true);
    const after = await journalFileEntries(journal.path);
    const lastCheck = after.findLast((e) => e.event === 'wrapped-bundle.checked');
    expect(lastCheck?.data.manifestSha256).toBe(one.bundle.manifestSha256);
    expect(after.filter((e) => e.event === 'key.imported')).toHaveLength(1);
  });

  it('the earlier send did not take effect (the key still Pending import): the other bundle is checked and imported', async () => {
    // The connection drops before the KMS sees the import, and the key's state cannot be read after it.
    const { journal, online, two } = await secondWrapAfterLostSend('before');
    await online.checkWrappedBundle(two.out, await receiptDigestOf(two.out));
    await online.importMaterial();
    expect((await online.verifyKeys()).every((p) => p.ok)).toBe(true);
    const checks = (await journalFileEntries(journal.path)).filter((e) => e.event === 'wrapped-bundle.checked');
    expect(checks.at(-1)?.data.manifestSha256).toBe(two.bundle.manifestSha256);
  });
});
