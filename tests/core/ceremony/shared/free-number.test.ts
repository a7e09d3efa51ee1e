/**
 * Writing under the first free number (src-main/core/ceremony/shared/free-number.ts), as the
 * air-gapped and online receipts are written: real folders and exclusive creates. A name taken
 * between the pick and the write is picked again; any other failure is reported at once.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeUnderFreeNumber } from '../../../../src-main/core/ceremony/shared/free-number';
import { KeyferryError } from '../../../../src-main/core/errors';

const name = (n: number) => `receipt-online-KF-20261207-abcdef-${n}.txt`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-free-number-'));
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
    throw new KeyferryError('WRITE_FAILED', { file, folder: path.dirname(file), errno, detail: errno });
  }
}

/** The first number whose name `dir` does not hold. */
async function firstFree(): Promise<number> {
  const names = new Set(await readdir(dir));
  let n = 1;
  while (names.has(name(n))) n += 1;
  return n;
}

describe('writeUnderFreeNumber', () => {
  it('takes the next free number when another receipt took the picked one meanwhile', async () => {
    let picks = 0;
    const written = await writeUnderFreeNumber(
      async () => {
        picks += 1;
        const n = await firstFree();
        // Another writer takes the same number between this pick and this write, once.
        if (picks === 1) await writeFile(path.join(dir, name(n)), 'the other receipt');
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
