/**
 * The number in a restore receipt's name (src-main/core/ceremony/restore/receipt-number.ts), picked from
 * the receipt folder as it is when the receipt is written, and picked again when another journal's
 * receipt took it meanwhile: real folders and exclusive creates.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freeReceiptNumber, writeUnderFreeNumber } from '../../../../src-main/core/ceremony/restore/receipt-number';
import { KeyferryError } from '../../../../src-main/core/errors';
import { journalEntries } from '../../../helpers/journal-entries';

const CEREMONY = 'KF-20261201-abcdef';
const name = (n: number) => `receipt-air-gapped-${CEREMONY}-session-${n}.txt`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-receipt-number-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes `file` exclusively, failing as writeReceipt does when the name is taken. */
async function writeExclusive(file: string): Promise<string> {
  try {
    await writeFile(file, 'receipt', { flag: 'wx' });
    return path.basename(file);
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code ?? '';
    throw new KeyferryError('WRITE_FAILED', { file, errno, detail: errno });
  }
}

describe('the restore receipt number', () => {
  const journal = journalEntries([['ceremony.started', { side: 'air-gapped' }]]);

  it('skips every number the folder already holds for this ceremony, and only for it', async () => {
    expect(await freeReceiptNumber(dir, CEREMONY, journal, 1)).toBe(1);
    await writeFile(path.join(dir, name(1)), 'wrap receipt');
    await writeFile(path.join(dir, name(2)), 'another restore');
    await writeFile(path.join(dir, 'receipt-air-gapped-KF-20261201-zzzzzz-session-3.txt'), 'another ceremony');
    expect(await freeReceiptNumber(dir, CEREMONY, journal, 1)).toBe(3);
  });

  it('takes the next free number when another journal’s receipt took the picked one meanwhile', async () => {
    let picks = 0;
    const written = await writeUnderFreeNumber(
      async () => {
        picks += 1;
        const n = await freeReceiptNumber(dir, CEREMONY, journal, 1);
        // Another restore writes the same number between this pick and this write, once.
        if (picks === 1) await writeFile(path.join(dir, name(n)), 'the other journal’s receipt');
        return n;
      },
      (n) => writeExclusive(path.join(dir, name(n))),
    );
    expect(written).toBe(name(2));
    expect(picks).toBe(2);
    expect((await readdir(dir)).sort()).toEqual([name(1), name(2)]);
  });

  it('reports any other failure at once, without trying another number', async () => {
    let picks = 0;
    const missing = path.join(dir, 'gone');
    await expect(
      writeUnderFreeNumber(
        async () => {
          picks += 1;
          return 1;
        },
        (n) => writeExclusive(path.join(missing, name(n))),
      ),
    ).rejects.toMatchObject({ code: 'WRITE_FAILED' });
    expect(picks).toBe(1);
  });
});
