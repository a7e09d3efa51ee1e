/**
 * Whether the custody set a crashed session split is still found in its custodians' folders: a stop
 * cut short journaled it removed, and the closing takes that for done only when none of it is found.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crashedSetFilesLeft } from '../../../../src-main/core/ceremony/airgap/crashed-custody-kept';
import type { JournalEntry } from '../../../../src-main/core/journal';

const CEREMONY = 'KF-20250301-abcdef';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-crashed-kept-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const entry = (seq: number, event: string, data: Record<string, unknown> = {}) =>
  ({ seq, event, data, actor: 'Ana', at: '', prevHash: '', hash: '' }) as unknown as JournalEntry;

describe('crashedSetFilesLeft', () => {
  it('finds the split’s share in a custodian folder, and nothing once the folder is empty or gone', async () => {
    const folder = path.join(dir, 'c1');
    const shareFile = `keyferry-share-${CEREMONY}-1of2.json`;
    const custody = {
      session: [
        entry(1, 'ceremony.session-started'),
        entry(2, 'custody.split', { total: 2, holders: [{ shareIndex: 1, custodian: 'Cy', folder, shareFile }] }),
      ],
      before: [],
      ceremonyId: CEREMONY,
      custodianFolders: [{ folder, willCreate: true }],
    };
    expect(await crashedSetFilesLeft(custody)).toBe(false);
    await mkdir(folder);
    await writeFile(path.join(folder, 'notes.txt'), 'mine');
    expect(await crashedSetFilesLeft(custody)).toBe(false);
    await writeFile(path.join(folder, shareFile), 'x');
    expect(await crashedSetFilesLeft(custody)).toBe(true);
  });
});
