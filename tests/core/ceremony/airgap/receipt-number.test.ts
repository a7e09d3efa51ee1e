/**
 * The number in an air-gapped receipt's name (src-main/core/ceremony/airgap/receipt-number.ts), picked from
 * the receipt folder as it is when the receipt is written, and picked again when another journal's
 * receipt took it meanwhile: real folders and exclusive creates. A wrap in a second journal of the
 * same ceremony skips the number the first journal's receipt holds, as a restore does (walker F12:
 * it used to refuse "Move … away").
 */
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freeReceiptNumber } from '../../../../src-main/core/ceremony/airgap/receipt-number';
import { journalEntries } from '../../../helpers/journal-entries';
import { airGapSteps } from '../../../helpers/ceremony-sides';
import { createFixture, onlineDayOne } from '../ceremony-fixture';

const CEREMONY = 'KF-20261201-abcdef';
const name = (n: number) => `receipt-air-gapped-${CEREMONY}-session-${n}.txt`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-receipt-number-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the restore receipt number', () => {
  const journal = journalEntries([['ceremony.started', { side: 'air-gapped' }]]);

  it('skips every number the folder already holds for this ceremony, and only for it', async () => {
    expect(await freeReceiptNumber(dir, CEREMONY, journal, 1)).toBe(1);
    await writeFile(path.join(dir, name(1)), 'wrap receipt');
    await writeFile(path.join(dir, name(2)), 'another restore');
    await writeFile(path.join(dir, 'receipt-air-gapped-KF-20261201-zzzzzz-session-3.txt'), 'another ceremony');
    expect(await freeReceiptNumber(dir, CEREMONY, journal, 1)).toBe(3);
  });
});

describe('a wrap in a second air-gapped journal of the same ceremony', () => {
  it('writes its receipt under the next free number beside the first journal’s, instead of refusing', async () => {
    const f = await createFixture();
    try {
      const plan = f.plan(['AES_256']);
      const { params } = await onlineDayOne(f, plan);
      const receipts = path.join(f.dir, 'receipts');
      const wrapIn = async (journalName: string, out: string) => {
        const journal = await f.journal(journalName);
        const air = await f.airgap(journal, plan);
        const { receipt } = await airGapSteps(air, { params, out, receipts, witnesses: plan.witnesses });
        await journal.close();
        return path.basename(receipt.textFile);
      };
      const first = await wrapIn('airgap.jsonl', path.join(f.dir, 'wrapped-1'));
      expect(first).toMatch(/-session-1\.txt$/);
      // Session 1 of its own journal, but the folder holds session 1 of this ceremony already (the
      // first wrap's bundle carried away: beside it, parameters naming no journal are held to its).
      await mkdir(path.join(f.dir, 'online-side'));
      await rename(path.join(f.dir, 'wrapped-1'), path.join(f.dir, 'online-side', 'wrapped-1'));
      await mkdir(path.join(f.dir, 'second-desk'));
      const second = await wrapIn(path.join('second-desk', 'airgap-2.jsonl'), path.join(f.dir, 'wrapped-2'));
      expect(second).toMatch(/-session-2\.txt$/);
      expect((await readdir(receipts)).filter((n) => n.endsWith('.txt')).sort()).toEqual([first, second].sort());
    } finally {
      await f.close();
    }
  });
});
