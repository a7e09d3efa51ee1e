/**
 * The path people take when an import token expired: new parameters, the air-gapped side again
 * with the same journal. The second session writes its own receipt (no collision with the first),
 * and a session that fails after its bundle was written leaves no importable bundle.
 */
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBundle } from '../../../../src-main/core/bundle';
import type { CeremonyPlan } from '../../../../src-main/core/ceremony/shared/ceremony-plan';
import { verifyJournal } from '../../../../src-main/core/journal';
import { createFixture, onlineDayOne, receiptDigestOf, type Fixture } from '../ceremony-fixture';
import { airGapUpToBundle } from './up-to-bundle';

const DAY_MS = 24 * 60 * 60 * 1000;
let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

/** One air-gapped session on airgap.jsonl, up to the written bundle; `receipts` is checked first. */
function airGapUpToBundleNow(plan: CeremonyPlan, params: string, out: string, receipts: string) {
  // The workstation's clock is the KMS's: once the simulator's moved past the first token, so has this one.
  return airGapUpToBundle(f, plan, params, out, receipts, { clock: () => new Date(f.sim.clock.now()) });
}

/** Day 2 after the first token expired: the online side sees the expiry and fetches new parameters. */
async function expiredThenNewParameters(plan: CeremonyPlan) {
  f.sim.clock.advance(DAY_MS + 60_000);
  const day2 = await f.onlineAhead(await f.journal('online.jsonl'), plan, DAY_MS + 60_000);
  await day2.connect();
  await expect(
    day2.checkWrappedBundle(path.join(f.dir, 'wrapped-1'), await receiptDigestOf(path.join(f.dir, 'wrapped-1'))),
  ).rejects.toMatchObject({
    code: 'IMPORT_TOKEN_EXPIRED',
  });
  await day2.fetchParameters();
  const params2 = path.join(f.dir, 'params-2');
  await day2.writeParametersBundle(params2);
  return { day2, params2 };
}

describe('retry after an expired import token, same air-gapped journal', () => {
  it('the second session writes its own receipt and its bundle imports and verifies', async () => {
    const plan = f.plan(['AES_256', 'EC_P256']);
    const { params } = await onlineDayOne(f, plan);
    const receipts = path.join(f.dir, 'receipts');
    await mkdir(receipts);
    const first = await airGapUpToBundleNow(plan, params, path.join(f.dir, 'wrapped-1'), receipts);
    const firstReceipt = await first.air.writeReceipt(receipts);
    await first.journal.close();

    const { day2, params2 } = await expiredThenNewParameters(plan);
    const second = await airGapUpToBundleNow(plan, params2, path.join(f.dir, 'wrapped-2'), receipts);
    const secondReceipt = await second.air.writeReceipt(receipts);
    await second.journal.close();

    expect(path.basename(secondReceipt.htmlFile)).not.toBe(path.basename(firstReceipt.htmlFile));
    expect((await readdir(receipts)).sort()).toHaveLength(4);
    expect((await verifyJournal(path.join(f.dir, 'airgap.jsonl'))).ok).toBe(true);

    await day2.checkWrappedBundle(path.join(f.dir, 'wrapped-2'), {
      expectedDigest: second.bundle.manifestSha256,
      source: 'air-gapped-receipt',
    });
    await day2.importMaterial();
    const proofs = await day2.verifyKeys();
    expect(proofs.map((p) => p.ok)).toEqual([true, true]);
  });

  it('a session that fails after writing its bundle withdraws it: the online side refuses it as abandoned', async () => {
    const plan = f.plan(['AES_256']);
    const { params } = await onlineDayOne(f, plan);
    const first = await airGapUpToBundleNow(plan, params, path.join(f.dir, 'wrapped-1'), f.dir);
    await first.air.writeReceipt(f.dir);
    await first.journal.close();

    const { day2, params2 } = await expiredThenNewParameters(plan);
    const wrapped2 = path.join(f.dir, 'wrapped-2');
    const receiptMedia = path.join(f.dir, 'receipt-media');
    await mkdir(receiptMedia);
    const second = await airGapUpToBundleNow(plan, params2, wrapped2, receiptMedia);
    // The receipt media is pulled out after the preflight: the receipt cannot be written.
    await rm(receiptMedia, { recursive: true });
    await expect(second.air.writeReceipt(receiptMedia)).rejects.toMatchObject({
      code: 'WRITE_FAILED',
    });
    const report = await second.air.abandon('the receipt could not be written');
    expect(report).toMatchObject({ withdrawnBundle: wrapped2, deleteByHand: null, state: 'bundle-written' });
    await second.journal.close();

    expect(await readdir(wrapped2)).toContain('ABANDONED.txt');
    await expect(readBundle(wrapped2, { now: new Date() })).rejects.toMatchObject({ code: 'BUNDLE_ABANDONED' });
    await expect(
      day2.checkWrappedBundle(wrapped2, { expectedDigest: second.bundle.manifestSha256, source: 'air-gapped-receipt' }),
    ).rejects.toMatchObject({
      code: 'BUNDLE_ABANDONED',
      message: expect.stringContaining('abandoned before its bundle became whole'),
      nextStep: expect.stringContaining('Wrap again on the air-gapped workstation'),
    });
    const journalText = await readFile(path.join(f.dir, 'airgap.jsonl'), 'utf8');
    const events = journalText
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { event: string }).event);
    expect(events.slice(-2)).toEqual(['wrapped-bundle.withdrawn', 'ceremony.abandoned']);
  });
});
