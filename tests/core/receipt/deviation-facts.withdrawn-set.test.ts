/**
 * Which custody set a `custody.withdrawn` line names on the next receipt: only the split of the
 * stopped session itself. A build of 2026-12-01 to 2026-12-07 journaled no `custody.split-started`, so
 * a Ctrl-C in its custody writes left a withdrawal with no split of its own session before it; the
 * line then named the LAST set split before it, an earlier session's finished set (the live backup),
 * as withdrawn, "no share of it is to be kept or presented".
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJournal, type JournalEntry } from '../../../src-main/core/journal';
import { airGapDeviationText } from './fixtures';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-withdrawn-set-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const LIVE = 'b544ffbf4ff975f58d06d1ebc736f709bab13c3b13757abc6fb0c97570f2f2e3';
const holders = [
  { shareIndex: 1, custodian: 'Dana', folder: '/media/dana/c' },
  { shareIndex: 2, custodian: 'Eve Wu', folder: '/media/eve/c' },
];

/** Session 1 splits and finishes (its receipt); session 2, an older build, is stopped in its custody writes. */
async function olderStopAfterAFinishedSplit(): Promise<readonly JournalEntry[]> {
  const journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
  await journal.append('Ana', 'ceremony.session-started', {});
  await journal.append('Ana', 'custody.split', { format: 'custody-set', backupDigest: LIVE, holders, total: 2 });
  await journal.append('Ana', 'receipt.written', { htmlFile: 'receipt-session-1.html' });
  await journal.append('Ana', 'ceremony.session-started', {});
  await journal.append('Ana', 'ceremony.interrupted', { signal: 'SIGINT', state: 'material-ready', wipedKeys: 1 });
  await journal.append('Ana', 'custody.withdrawn', { folders: ['/media/dana/c2'], removedFiles: 3 });
  const entries = journal.entries;
  await journal.close();
  return entries;
}

describe('the custody set a withdrawal names on the next receipt', () => {
  it('never names an earlier session’s finished set as withdrawn when the stopped session journaled no split', async () => {
    const entries = await olderStopAfterAFinishedSplit();
    const en = airGapDeviationText(entries, 'en');
    expect(en).toContain('The 3 custody files the stopped session had written');
    expect(en).not.toContain('B544FFBF');
    expect(en).not.toMatch(/Custody set \S+ \(journal entry \d+\) is withdrawn/);
    const zh = airGapDeviationText(entries, 'zh-CN');
    expect(zh).toContain('已停止的会话已写入的 3 个托管文件');
    expect(zh).not.toContain('B544FFBF');
    expect(zh).not.toContain('已撤回：其任何保管份额都不得保留或出示');
  });
});
