/**
 * What a stop cut short (killed after `ceremony.interrupted`, before `ceremony.abandoned`) journaled,
 * as the closing of its session reads it: its own interrupt, and a custody removal it finished; never
 * the journal handler's interrupt (no state, no keys wiped), nor a removal that left files as a whole
 * one; the folders such a removal cleared are still its own, never named missing by the closing.
 */
import { writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MOUNTS_AVAILABLE, mountTmpfs } from '../../../support/tmpfs-mount';
import { stopCutShort } from '../../../../src-main/core/ceremony/airgap/stop-cut-short';
import { closeUnfinishedSession } from '../../../../src-main/core/ceremony/airgap/unfinished-session';
import { openJournal, type Journal, type JournalEntry } from '../../../../src-main/core/journal';

const entry = (seq: number, event: string, data: Record<string, unknown> = {}) =>
  ({ seq, event, data, actor: 'Ana', at: '', prevHash: '', hash: '' }) as unknown as JournalEntry;
const started = entry(1, 'ceremony.session-started');
const written = entry(2, 'wrapped-bundle.written');

describe('stopCutShort', () => {
  it('reads the ceremony’s own interrupt and the custody folders its stop cleared', () => {
    const stop = stopCutShort([
      started,
      written,
      entry(3, 'ceremony.interrupted', { signal: 'SIGINT', state: 'bundle-written', wipedKeys: 0 }),
      entry(4, 'wrapped-bundle.withdrawn', { folder: '/m/wrapped', marker: 'ABANDONED.txt' }),
      entry(5, 'custody.withdrawn', { folders: ['/m/c1', '/m/c2'], removedFiles: 6 }),
    ]);
    expect(stop).toEqual({ interruptedSeq: 3, clearedFolders: ['/m/c1', '/m/c2'] });
  });

  it('a failure’s stop (no interrupt) is read from its withdrawals; of one that left custody files, only the folders it cleared', () => {
    const stop = stopCutShort([
      started,
      written,
      entry(3, 'wrapped-bundle.withdrawn', { folder: '/m/wrapped', marker: 'ABANDONED.txt' }),
      entry(4, 'custody.withdraw-failed', { folders: ['/m/c1'], removedFiles: 2, leftFiles: ['/m/c2/x'] }),
    ]);
    expect(stop).toEqual({ interruptedSeq: null, clearedFolders: ['/m/c1'] });
  });

  it('the journal handler’s interrupt, or no stop at all, is no stop cut short', () => {
    const handler = entry(3, 'ceremony.interrupted', { signal: 'SIGINT', stop: 'between-steps', sessionSeq: 1 });
    expect(stopCutShort([started, written, handler])).toBeNull();
    expect(stopCutShort([started, written])).toBeNull();
  });
});

const CEREMONY = 'KF-20250301-abcdef';

/** A session of `journal` that split 2-of-2 into c1, c2 of `dir` (`willCreate`: the preflight found them new), then was stopped (Ctrl-C). */
async function splitThenStopped(journal: Journal, dir: string, willCreate: boolean) {
  const [c1, c2] = ['c1', 'c2'].map((c) => path.join(dir, c)) as [string, string];
  const share = (i: number) => `keyferry-share-${CEREMONY}-${i}of2.json`;
  await journal.append('Ana', 'ceremony.session-started', { side: 'air-gapped', operator: 'Ana' });
  await journal.append('Ana', 'parameters.read', { ceremonyId: CEREMONY });
  await journal.append('Ana', 'preflight.passed', {
    destinations: [c1, c2].map((folder) => ({ role: 'custodian', folder, willCreate })),
  });
  await journal.append('Ana', 'custody.split', {
    total: 2,
    holders: [c1, c2].map((folder, i) => ({
      shareIndex: i + 1,
      custodian: `H${i + 1}`,
      folder,
      shareFile: share(i + 1),
    })),
  });
  await journal.append('Ana', 'ceremony.interrupted', { signal: 'SIGINT', state: 'custody-split', wipedKeys: 1 });
  return { c1, c2, share };
}

describe('the closing of a stop cut short that left custody files', () => {
  it('removes the files left, and names no folder the stop cleared as missing its share', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-stop-cut-'));
    const journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
    try {
      const { c1, c2, share } = await splitThenStopped(journal, dir, false);
      // The stop removed share 1 from c1, could not remove share 2 from c2, and was killed before ceremony.abandoned.
      await journal.append('Ana', 'custody.withdraw-failed', {
        folders: [c1],
        removedFiles: 1,
        leftFiles: [path.join(c2, share(2))],
      });
      await mkdir(c1);
      await mkdir(c2);
      await writeFile(path.join(c2, share(2)), 'x');
      const before = journal.count;
      const report = await closeUnfinishedSession(journal, 'Ana', new Date());
      expect(report?.stopCutShort).toBe(true);
      expect(report?.notWithdrawn).toEqual([]);
      expect(report?.withdrawnCustody).toEqual([c1, c2]);
      expect(await readdir(c2)).toEqual([]);
      expect(journal.entries.slice(before).map((e) => e.event)).toEqual([
        'ceremony.session-unfinished',
        'custody.withdrawn',
        'ceremony.session-closed',
      ]);
    } finally {
      await journal.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a folder an older build’s stop named cleared and moved (its files all in it) is named NOT withdrawn, never cleared', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-stop-moved-'));
    const journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
    try {
      const { c1, c2, share } = await splitThenStopped(journal, dir, true);
      // A build of 2026-12-07 named the moved c1 (stick remounted elsewhere, share 1 in it) as cleared too.
      await journal.append('Ana', 'custody.withdraw-failed', { folders: [c1, c2], removedFiles: 1, movedFiles: [c1] });
      await mkdir(c2);
      const report = await closeUnfinishedSession(journal, 'Ana', new Date());
      expect(report?.withdrawnCustody).toEqual([c2]);
      expect(report?.notWithdrawn.map((f) => f.folder)).toEqual([c1]);
      expect(report?.custodyByHand).toContain(path.join(c1, share(1)));
    } finally {
      await journal.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!MOUNTS_AVAILABLE)(
    'a folder the stop cleared where a file of the set is found again and cannot be removed: NOT withdrawn, never also withdrawn',
    async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-stop-again-'));
      const journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
      let unmount: (() => void) | undefined;
      try {
        const { c1, c2, share } = await splitThenStopped(journal, dir, false);
        await journal.append('Ana', 'custody.withdrawn', { folders: [c1, c2], removedFiles: 2 });
        // Another stick with share 1 of the set on it, read-only, at c1's path; c2 as the stop left it.
        unmount = mountTmpfs(c1, {
          sizeKiB: 64,
          readOnly: true,
          prepare: (folder) => writeFileSync(path.join(folder, share(1)), 'x'),
        });
        await mkdir(c2);
        const report = await closeUnfinishedSession(journal, 'Ana', new Date());
        expect(report?.notWithdrawn.map((f) => f.folder)).toEqual([c1]);
        expect(report?.withdrawnCustody).toEqual([c2]);
      } finally {
        unmount?.();
        await journal.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});
