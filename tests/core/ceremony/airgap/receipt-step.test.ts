/**
 * The last step of the air-gapped sessions (src-main/core/ceremony/airgap/receipt-step.ts) on real
 * folders, real wrapped material and a real journal: the receipt is written only into the folder
 * the preflight checked and only once a bundle was staged; then the receipt names the bundle's
 * digest and the bundle, completed after it, reads back with that digest.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FILE, readBundle } from '../../../../src-main/core/bundle';
import { writeSessionReceipt } from '../../../../src-main/core/ceremony/airgap/receipt-step';
import { WrappedBundleWriter } from '../../../../src-main/core/ceremony/airgap/wrapped-bundle-writer';
import { airGapRecord } from '../../../../src-main/core/ceremony/airgap/steps';
import { groupHexLines } from '../../../../src-main/core/hex-groups';
import { APP } from '../ceremony-fixture';
import { CEREMONY_ID, wrappedSession } from './wrapped-session';

async function session() {
  const s = await wrappedSession();
  const writer = new WrappedBundleWriter(s.preflight, s.context);
  const people = { ...s.context, title: 'Receipt step', witnesses: ['Wendy'], app: APP };
  const facts = () => ({
    record: airGapRecord(people, CEREMONY_ID, undefined),
    parameters: s.parameters,
    wrapped: s.wrapped.map((w) => w.summary),
    custody: new Map(),
    now: new Date(),
  });
  const step = { preflight: s.preflight, bundle: writer, journal: s.journal };
  const stage = () =>
    writer.write(s.destinations.wrappedBundle, {
      ceremonyId: CEREMONY_ID,
      wrapped: s.wrapped,
      custody: { kind: 'material-files' },
      now: new Date(),
    });
  return { ...s, writer, facts, step, stage };
}

describe('writeSessionReceipt', () => {
  it('refuses before the preflight, another folder, and a session with no staged bundle, writing nothing', async () => {
    const s = await session();
    try {
      const receipts = s.destinations.receiptFolder;
      await expect(writeSessionReceipt(receipts, s.step, s.facts)).rejects.toMatchObject({
        code: 'PREFLIGHT_REQUIRED',
      });
      await s.preflightPasses();
      await expect(writeSessionReceipt(s.dir, s.step, s.facts)).rejects.toMatchObject({
        code: 'PREFLIGHT_FOLDER_DIFFERS',
        values: { role: 'receipt', folder: s.dir, checked: receipts },
      });
      await expect(writeSessionReceipt(receipts, s.step, s.facts)).rejects.toMatchObject({
        code: 'CEREMONY_STEP_OUT_OF_ORDER',
      });
      expect(await readdir(receipts)).toEqual([]);
      expect(s.journal.entries.map((e) => e.event)).not.toContain('receipt.written');
    } finally {
      await s.journal.close();
    }
  });

  it('writes the receipt naming the staged bundle, then completes the bundle it names', async () => {
    const s = await session();
    try {
      await s.preflightPasses();
      const staged = await s.stage();
      expect(existsSync(path.join(staged.dir, MANIFEST_FILE))).toBe(false);
      const receipt = await writeSessionReceipt(s.destinations.receiptFolder, s.step, s.facts);
      const text = await readFile(receipt.textFile, 'utf8');
      for (const line of groupHexLines(staged.manifestSha256)) expect(text).toContain(line);
      const events = s.journal.entries.map((e) => e.event);
      expect(events.slice(-2)).toEqual(['receipt.written', 'wrapped-bundle.completed']);
      const read = await readBundle(staged.dir, { now: new Date(), expectedDigest: staged.manifestSha256 });
      expect(read.kind).toBe('wrapped-material');
    } finally {
      await s.journal.close();
    }
  });
});
