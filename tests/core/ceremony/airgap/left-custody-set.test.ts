/**
 * A custodian folder the preflight finds not empty, holding files of a set the journal names as left
 * there: the refusal names that set and says what the journal says to do with it (keep, check, delete
 * by hand); a set the journal never names as left, or names as removed since, keeps the generic
 * refusal, which never tells anyone to delete it. Real folders and files; the journal's entries as a
 * closing writes them.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { namedLeftCustodySet } from '../../../../src-main/core/ceremony/airgap/left-custody-set';
import { KeyferryError, toProblem } from '../../../../src-main/core/errors';
import type { JournalEntry } from '../../../../src-main/core/journal';
import { translator } from '../../../../src-main/i18n/translate';

const DIGEST = '9e6dd5e9' + 'ab'.repeat(28);
let dir = '';
let folder = '';

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-left-'));
  folder = path.join(dir, 'c3');
  await mkdir(folder);
  for (const name of [
    'keyferry-share-KF-20250301-abcdef-9E6DD5E9-3of3.json',
    'keyferry-backup-KF-20250301-abcdef-9E6DD5E9.txt',
  ])
    await writeFile(path.join(folder, name), 'x');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function entry(seq: number, event: string, data: JournalEntry['data'] = {}): JournalEntry {
  return {
    seq,
    time: '2026-12-07T04:00:00.000Z',
    actor: 'Ana',
    event,
    data,
    prev: '0'.repeat(64),
    hash: 'f'.repeat(64),
  };
}

const split = () =>
  entry(4, 'custody.split', {
    backupDigest: DIGEST,
    holders: [{ custodian: 'Fay', shareIndex: 3, folder }],
  });

const notEmpty = () =>
  new KeyferryError('PREFLIGHT_FOLDER_NOT_EMPTY', { role: 'custodian', index: 3, folder, count: 2, first: 'x' });

describe('a custodian folder holding a set the journal names as left', () => {
  it('kept on purpose: the refusal names the set and says not to delete it, in English and Chinese', async () => {
    const entries = [
      entry(1, 'ceremony.session-started', { side: 'air-gapped' }),
      split(),
      entry(8, 'ceremony.session-unfinished'),
      entry(9, 'custody.kept', { folder, cause: 'receiptWritten', leftFiles: [] }),
    ];
    const refusal = toProblem(await namedLeftCustodySet(entries, notEmpty()));
    expect(refusal.code).toBe('PREFLIGHT_CUSTODIAN_LEFT_SET');
    const en = translator('en').problem(refusal);
    expect(en.message).toContain(
      `still holds 2 files of custody set 9E6DD5E9 (their names carry that tag): share 3 of that set was given to Fay at journal entry 4, in session 1 of this journal (from entry 1), and journal entry 9 names that set KEPT on purpose, not withdrawn.`,
    );
    expect(en.nextStep).toMatch(/^Do not delete them/);
    expect(en.nextStep).not.toContain('by hand');
    const zh = translator('zh-CN').problem(refusal);
    expect(zh.message).toContain('日志条目 9 记载该托管集被有意保留，未撤回');
    expect(zh.nextStep).toMatch(/^不要删除这些文件/);
  });

  it('holding another holder’s share of that set (sticks swapped): says which share is there', async () => {
    await rm(path.join(folder, 'keyferry-share-KF-20250301-abcdef-9E6DD5E9-3of3.json'));
    await writeFile(path.join(folder, 'keyferry-share-KF-20250301-abcdef-9E6DD5E9-1of3.json'), 'x');
    const entries = [
      entry(1, 'ceremony.session-started', { side: 'air-gapped' }),
      split(),
      entry(8, 'ceremony.session-unfinished'),
      entry(9, 'custody.withdraw-failed', { folder, leftFiles: [] }),
    ];
    const refusal = toProblem(await namedLeftCustodySet(entries, notEmpty()));
    expect(translator('en').problem(refusal).message).toContain(
      'share 3 of that set was given to Fay at journal entry 4 (the share file found there is share 1, not share 3: sticks may have been swapped between custodians, so give each one back to its holder)',
    );
    expect(translator('zh-CN').problem(refusal).message).toContain('在那里找到的份额文件是份额 1，而不是份额 3');
  });

  it('left with other items beside it: says to delete only that set’s files', async () => {
    await writeFile(path.join(folder, 'notes.txt'), 'mine');
    const entries = [
      entry(1, 'ceremony.session-started', { side: 'air-gapped' }),
      split(),
      entry(9, 'custody.withdraw-failed', { folder, cause: 'notRemoved', leftFiles: [path.join(folder, 'a')] }),
    ];
    const en = translator('en').problem(toProblem(await namedLeftCustodySet(entries, notEmpty())));
    expect(en.message).toContain('of custody set 9E6DD5E9 (their names carry that tag), and 1 other item:');
    expect(en.nextStep).toContain('delete the files of set 9E6DD5E9 from that folder by hand');
    expect(en.nextStep).toContain('Do not delete anything else there before you know what it is.');
  });

  it('named as removed after it was left, or never named as left: the generic refusal stands', async () => {
    const start = entry(1, 'ceremony.session-started', { side: 'air-gapped' });
    const failed = entry(9, 'custody.withdraw-failed', { folder, cause: 'notRemoved', leftFiles: [] });
    const removed = entry(12, 'custody.withdrawn', { folders: [folder] });
    for (const entries of [
      [start, split(), failed, removed],
      [start, split()],
    ]) {
      const refusal = notEmpty();
      expect(await namedLeftCustodySet(entries, refusal)).toBe(refusal);
    }
    // A failure journaled in a later session's closing is of that session's set, not this one.
    const later = [
      start,
      split(),
      entry(10, 'ceremony.session-started', { side: 'air-gapped' }),
      entry(11, 'custody.withdraw-failed', { folder, cause: 'notRemoved', leftFiles: [] }),
    ];
    const refusal = notEmpty();
    expect(await namedLeftCustodySet(later, refusal)).toBe(refusal);
  });
});
