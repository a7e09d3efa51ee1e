/**
 * A crashed session's custody files, withdrawn by the next session, when a custodian's folder is not
 * where the crashed session wrote it: the stick unmounted or remounted at another path (the folder
 * missing), a file where the folder was, an empty mount point with no stick in it. Real folders and a
 * real journal: nothing it did not see removed is called withdrawn, in the journal, the report, or the
 * receipt's People section, and the holder, folder and files are named to delete by hand.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeUnfinishedSession } from '../../../../src-main/core/ceremony/airgap/unfinished-session';
import { listDeviations, openJournal, type Journal } from '../../../../src-main/core/journal';
import { receiptPeople } from '../../../../src-main/core/receipt/journal-facts';
import { ReceiptWords } from '../../../../src-main/core/receipt/language';
import { translator } from '../../../../src-main/i18n/translate';
import { phraseText } from '../../../../src-main/i18n/phrase';
import { splitKilledInWrites } from '../../../helpers/split-killed-in-writes';

const CEREMONY = 'KF-20250301-abcdef';
const DIGEST = '2379c9b2'.repeat(8);
const SET = '2379C9B2';
const HOLDERS = ['Ana', 'Bob'];
/** What a split writes into custodian folder `i` (custody/custodian-folders.ts), in that order. */
const names = (i: number) => [
  `keyferry-share-${CEREMONY}-${SET}-${i}of2.json`,
  `keyferry-share-${CEREMONY}-${SET}-${i}of2.slip.html`,
  `keyferry-share-${CEREMONY}-${SET}-${i}of2.slip.txt`,
  `keyferry-backup-${CEREMONY}-${SET}.txt`,
  `keyferry-backup-${CEREMONY}-${SET}.html`,
];
let dir: string;
let journal: Journal;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-crashed-custody-'));
  journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
});
afterEach(async () => {
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

/** A session killed after it wrote and journaled its custody set into two new custodian folders. */
async function crashedAfterSplit(): Promise<string[]> {
  const folders = ['c1', 'c2'].map((c) => path.join(dir, c));
  await journal.append('Op', 'ceremony.session-started', { side: 'air-gapped', operator: 'Op' });
  await journal.append('Op', 'parameters.read', { ceremonyId: CEREMONY });
  await journal.append('Op', 'preflight.passed', {
    destinations: folders.map((folder) => ({ role: 'custodian', folder, willCreate: true })),
  });
  await journal.append('Op', 'material.generated', { keyId: 'k1' });
  for (const [i, folder] of folders.entries()) {
    await mkdir(folder);
    for (const name of names(i + 1)) await writeFile(path.join(folder, name), 'x');
  }
  await journal.append('Op', 'custody.split', {
    format: 'custody-set',
    keyIds: ['k1'],
    threshold: 2,
    total: 2,
    backupFile: `keyferry-backup-${CEREMONY}-${SET}.txt`,
    backupDigest: DIGEST,
    // As airgap/custody-split.ts journals it: each holder's folder, not its file names.
    holders: HOLDERS.map((custodian, i) => ({ shareIndex: i + 1, custodian, folder: folders[i] as string })),
  });
  return folders;
}

/** What the receipt's People section says of `custodian`, in English. */
function receiptSays(custodian: string): string[] {
  const person = receiptPeople(journal.entries, { operator: 'Op', witnesses: [], side: 'air-gapped' }).find(
    (p) => p.name === custodian,
  );
  return (person?.records ?? []).map((r) => ReceiptWords.phraseText('en', r));
}

describe('closing a crashed session whose custodian folder is not where it wrote it', () => {
  it('a stick remounted at another path: journals its holder, folder and files as NOT withdrawn, never as withdrawn', async () => {
    const [c1, c2] = (await crashedAfterSplit()) as [string, string];
    const elsewhere = path.join(dir, 'media-bob');
    await rename(c2, elsewhere);

    const report = await closeUnfinishedSession(journal, 'Op', new Date());

    // Ana's folder is cleared; Bob's files are still on his stick, untouched.
    expect(existsSync(c1)).toBe(false);
    expect((await readdir(elsewhere)).sort()).toEqual(names(2).sort());
    // Every file the split wrote there: a slip restores as well as the share file (typed), the printout as the backup.
    const bobFiles = names(2).map((n) => path.join(c2, n));
    expect(report).toMatchObject({ withdrawnCustody: [c1], custodyByHand: bobFiles });
    const failed = journal.entries.filter((e) => e.event === 'custody.withdraw-failed');
    expect(failed.map((e) => e.data)).toMatchObject([
      { folder: c2, custodian: 'Bob', shareIndex: 2, cause: 'unreadable', leftFiles: bobFiles },
    ]);
    expect(listDeviations(failed).map((d) => d.kind)).toEqual(['failure']);
    const line = phraseText(translator('en'), report?.notWithdrawn[0]?.phrase ?? '');
    expect(line).toContain(`NOT withdrawn, delete by hand: share 2/2 given to Bob, written into ${c2}`);
    expect(line).toContain(`Delete ${names(2).join(', ')} wherever that medium is now`);
    expect(phraseText(translator('zh-CN'), report?.notWithdrawn[0]?.phrase ?? '')).toContain('未撤回，请手动删除');
    // The receipt: Ana's share was withdrawn; Bob's was NOT, and the entry naming his files is cited.
    expect(receiptSays('Ana').join('\n')).toContain('it was withdrawn');
    expect(receiptSays('Bob')).toEqual([
      `entry 5: was given share 2 of 2 of a custody set whose session did not finish (backup digest 2379 C9B2 2379 C9B2…): NOT withdrawn, delete by hand only its files, those whose names carry 2379C9B2, where entry ${failed[0]?.seq} says they were left, and nothing else there: a later set’s live share may be beside them (see Deviations)`,
    ]);
  });

  it('a set a build of 2026-12-07 journaled withdraw-failed, cause receiptWritten (kept on purpose), reads as KEPT on the receipt', async () => {
    await crashedAfterSplit();
    const holder = { folder: path.join(dir, 'c2'), custodian: 'Bob', shareIndex: 2, cause: 'receiptWritten' };
    await journal.append('Op', 'receipt.written', { htmlFile: 'r.html', textFile: 'r.txt' });
    await journal.append('Op', 'receipt.voided', { htmlFile: 'r.html', textFile: 'r.txt' });
    const kept = await journal.append('Op', 'custody.withdraw-failed', { ...holder, leftFiles: [] });
    await journal.append('Op', 'ceremony.session-unfinished', {});
    expect(receiptSays('Bob').join('\n')).toContain(
      `KEPT, not withdrawn: its session wrote its receipt before its bundle manifest; entry ${kept.seq} says when it may be destroyed`,
    );
  });

  it('a file where the folder was: not read, NOT withdrawn', async () => {
    const [, c2] = (await crashedAfterSplit()) as [string, string];
    await rm(c2, { recursive: true });
    await writeFile(c2, 'not a folder');

    const report = await closeUnfinishedSession(journal, 'Op', new Date());

    expect(report?.notWithdrawn.map((n) => [n.holder?.custodian, n.cause])).toEqual([['Bob', 'unreadable']]);
    expect(receiptSays('Bob').join('\n')).toContain('NOT withdrawn');
  });

  it('an empty mount point at the path (the stick not in it): the share is not there, so NOT withdrawn', async () => {
    const [c1, c2] = (await crashedAfterSplit()) as [string, string];
    await rm(c2, { recursive: true });
    await mkdir(c2);

    const report = await closeUnfinishedSession(journal, 'Op', new Date());

    expect(report?.withdrawnCustody).toEqual([c1]);
    expect(report?.notWithdrawn.map((n) => [n.holder?.custodian, n.cause])).toEqual([['Bob', 'shareMissing']]);
    expect(receiptSays('Bob').join('\n')).toContain('NOT withdrawn, delete by hand');
  });

  it('killed before it journaled the split, with material made: an unreadable custodian folder may hold the set', async () => {
    const folder = path.join(dir, 'c1');
    await journal.append('Op', 'ceremony.session-started', { side: 'air-gapped', operator: 'Op' });
    await journal.append('Op', 'parameters.read', { ceremonyId: CEREMONY });
    await journal.append('Op', 'preflight.passed', {
      destinations: [{ role: 'custodian', folder, willCreate: false }],
    });
    await journal.append('Op', 'material.generated', { keyId: 'k1' });

    const report = await closeUnfinishedSession(journal, 'Op', new Date());

    expect(report).toMatchObject({
      custodyByHand: [folder],
      notWithdrawn: [{ folder, holder: null, cause: 'unreadable' }],
    });
    expect(phraseText(translator('en'), report?.notWithdrawn[0]?.phrase ?? '')).toContain(
      'Files of the custody set may be there',
    );
  });

  it('killed before any material existed: a missing custodian folder was never written, nothing is named', async () => {
    await journal.append('Op', 'ceremony.session-started', { side: 'air-gapped', operator: 'Op' });
    await journal.append('Op', 'parameters.read', { ceremonyId: CEREMONY });
    await journal.append('Op', 'preflight.passed', {
      destinations: [{ role: 'custodian', folder: path.join(dir, 'c1'), willCreate: true }],
    });

    const report = await closeUnfinishedSession(journal, 'Op', new Date());

    expect(report).toMatchObject({ withdrawnCustody: [], custodyByHand: [], notWithdrawn: [] });
    expect(journal.entries.map((e) => e.event)).not.toContain('custody.withdraw-failed');
  });

  it('killed before it journaled the split: nothing is taken, and the files of sets this copy does not know are named to check first', async () => {
    const folder = path.join(dir, 'c1');
    await mkdir(folder);
    // A finished set of this ceremony, wrapped in another journal (or in this one after this copy
    // was taken): its stick is mounted here, its files' times tell nothing (FAT, copied sticks).
    const other = 'AAAA1111';
    const theirs = [`keyferry-share-${CEREMONY}-${other}-1of2.json`, `keyferry-backup-${CEREMONY}-${other}.txt`];
    for (const name of theirs) await writeFile(path.join(folder, name), 'x');
    await journal.append('Op', 'ceremony.session-started', { side: 'air-gapped', operator: 'Op' });
    await journal.append('Op', 'parameters.read', { ceremonyId: CEREMONY });
    await journal.append('Op', 'preflight.passed', {
      destinations: [{ role: 'custodian', folder, willCreate: false }],
    });
    await journal.append('Op', 'material.generated', { keyId: 'k1' });
    // What the split wrote before the kill.
    for (const name of names(1).slice(0, 2)) await writeFile(path.join(folder, name), 'x');

    const report = await closeUnfinishedSession(journal, 'Op', new Date());

    expect((await readdir(folder)).sort()).toEqual([...theirs, ...names(1).slice(0, 2)].sort());
    expect(report).toMatchObject({
      withdrawnCustody: [],
      notWithdrawn: [{ folder, holder: null, cause: 'unknownSet' }],
    });
    expect([...(report?.notWithdrawn[0]?.files ?? [])].sort()).toEqual(
      [...theirs, ...names(1).slice(0, 2)].map((n) => path.join(folder, n)).sort(),
    );
    const line = phraseText(translator('en'), report?.notWithdrawn[0]?.phrase ?? '');
    expect(line).toContain(`NOT withdrawn, check before deleting anything: the custodian folder ${folder} holds`);
    expect(line).toContain('Delete them only if no receipt names that set');
    expect(phraseText(translator('zh-CN'), report?.notWithdrawn[0]?.phrase ?? '')).toContain('未撤回，删除前请先核对');
    expect(journal.entries.map((e) => e.event)).not.toContain('custody.withdrawn');
  });

  it('killed before any material existed: nothing in its custodian folder is taken, whatever set lies there', async () => {
    const folder = path.join(dir, 'c1');
    await mkdir(folder);
    await journal.append('Op', 'ceremony.session-started', { side: 'air-gapped', operator: 'Op' });
    await journal.append('Op', 'parameters.read', { ceremonyId: CEREMONY });
    await journal.append('Op', 'preflight.passed', {
      destinations: [{ role: 'custodian', folder, willCreate: false }],
    });
    for (const name of names(1)) await writeFile(path.join(folder, name), 'x');

    await closeUnfinishedSession(journal, 'Op', new Date());

    expect((await readdir(folder)).sort()).toEqual(names(1).sort());
    expect(journal.entries.map((e) => e.event)).not.toContain('custody.withdrawn');
  });

  it('a crashed session whose split names a set an earlier session split (lines copied into the journal): none of it is taken', async () => {
    const [c1, c2] = (await crashedAfterSplit()) as [string, string];
    // That session's ending, then five forged lines: a session start, its reading, preflight and
    // material, and a copy of the finished session's split; the hash chain has no key.
    await journal.append('Op', 'receipt.written', {});
    await journal.append('Op', 'ceremony.session-ended', {});
    const split = journal.entries.find((e) => e.event === 'custody.split');
    await journal.append('Op', 'ceremony.session-started', { side: 'air-gapped', operator: 'Op' });
    await journal.append('Op', 'parameters.read', { ceremonyId: CEREMONY });
    await journal.append('Op', 'preflight.passed', {
      destinations: [c1, c2].map((folder) => ({ role: 'custodian', folder, willCreate: false })),
    });
    await journal.append('Op', 'material.generated', { keyId: 'k1' });
    await journal.append('Op', 'custody.split', { ...split?.data });

    await closeUnfinishedSession(journal, 'Op', new Date());

    expect((await readdir(c1)).sort()).toEqual(names(1).sort());
    expect((await readdir(c2)).sort()).toEqual(names(2).sort());
  });

  it('killed while it made the custodian folders (a build that journals the split’s start): nothing is named or removed, no withdrawal journaled', async () => {
    const [c1, c2] = ['c1', 'c2'].map((c) => path.join(dir, c)) as [string, string];
    await journal.append('Op', 'ceremony.session-started', { side: 'air-gapped', operator: 'Op' });
    await journal.append('Op', 'parameters.read', { ceremonyId: CEREMONY });
    await journal.append('Op', 'preflight.passed', {
      destinations: [c1, c2].map((folder) => ({ role: 'custodian', folder, willCreate: true })),
      custodySplitStartJournaled: true,
    });
    await journal.append('Op', 'material.generated', { keyId: 'k1' });
    await mkdir(c1);

    const report = await closeUnfinishedSession(journal, 'Op', new Date());

    expect(report).toMatchObject({ withdrawnCustody: [], custodyByHand: [], notWithdrawn: [] });
    // An empty folder is left as it is: the next preflight takes it as empty.
    expect(await readdir(c1)).toEqual([]);
    expect(journal.entries.map((e) => e.event)).not.toContain('custody.withdraw-failed');
    expect(journal.entries.map((e) => e.event)).not.toContain('custody.withdrawn');
  });

  /** A session killed in its split's writes after journaling their start, over custodian folders c1, c2, c3 (made new). */
  async function killedInTheWrites(): Promise<[string, string, string]> {
    return splitKilledInWrites(journal, dir, { ceremony: CEREMONY, set: SET, digest: DIGEST });
  }
  const written = (i: number) => names(i).map((n) => n.replace('of2', 'of3'));

  it('killed in the writes: the set is removed with the folders it made; a folder the writes may have reached, moved away, is named as maybe holding it; one after an empty folder is not', async () => {
    const [c1, c2, c3] = await killedInTheWrites();
    for (const name of written(1)) await writeFile(path.join(c1, name), 'x');
    // Bob's stick is taken away (his files may be on it); Cy's folder, after it, is there and empty.
    await rename(c2, path.join(dir, 'bob-elsewhere'));

    const report = await closeUnfinishedSession(journal, 'Op', new Date());

    expect(existsSync(c1)).toBe(false);
    expect(report?.withdrawnCustody).toEqual([c1]);
    expect(report?.notWithdrawn).toMatchObject([
      { folder: c2, holder: { custodian: 'Bob', shareIndex: 2 }, cause: 'unreadable', files: [] },
    ]);
    const line = phraseText(translator('en'), report?.notWithdrawn[0]?.phrase ?? '');
    expect(line).toContain(
      `NOT withdrawn, delete by hand: the custodian folder ${c2} of Bob, who was to get share 2/3 (the writes may have reached it): that folder could not be read`,
    );
    expect(phraseText(translator('zh-CN'), report?.notWithdrawn[0]?.phrase ?? '')).toContain('写入可能已到达该文件夹');
    expect(line).toContain('Files of the custody set may be there');
    expect(journal.entries.find((e) => e.event === 'custody.withdrawn')?.data).toEqual({
      folders: [c1],
      removedFiles: written(1).length,
    });
    // Cy's empty folder is removed again; with Bob's readable and empty, Cy's would not have been named either.
    expect(existsSync(c3)).toBe(false);
  });

  it('killed in the writes: a holder before the last one written whose folder lacks the share (another stick at its path) is named, its folder kept', async () => {
    const [c1, c2] = await killedInTheWrites();
    for (const name of written(1)) await writeFile(path.join(c1, name), 'x');
    for (const name of written(2).slice(0, 2)) await writeFile(path.join(c2, name), 'x');
    // Ana's stick is swapped for a fresh one at the same path after the kill.
    await rename(c1, path.join(dir, 'ana-elsewhere'));
    await mkdir(c1);

    const report = await closeUnfinishedSession(journal, 'Op', new Date());

    expect(report?.notWithdrawn).toMatchObject([
      { folder: c1, holder: { custodian: 'Ana', shareIndex: 1 }, cause: 'shareMissing' },
    ]);
    expect(existsSync(c1)).toBe(true);
    expect(report?.withdrawnCustody).toEqual([c2]);
    expect(await readdir(path.join(dir, 'ana-elsewhere'))).toHaveLength(written(1).length);
  });

  it('killed in the writes with every holder’s files whole (or a copy cut short of a finished wrap): named to check, nothing removed', async () => {
    const folders = await killedInTheWrites();
    for (const [i, folder] of folders.entries())
      for (const name of written(i + 1)) await writeFile(path.join(folder, name), 'x');

    const report = await closeUnfinishedSession(journal, 'Op', new Date());

    for (const [i, folder] of folders.entries()) expect((await readdir(folder)).sort()).toEqual(written(i + 1).sort());
    expect(report?.notWithdrawn.map((n) => n.cause)).toEqual(['unknownSet', 'unknownSet', 'unknownSet']);
    expect(journal.entries.map((e) => e.event)).not.toContain('custody.withdrawn');
  });

  it('every holder’s files whole where they can be read, one custodian gone home with their stick: nothing removed', async () => {
    const folders = await killedInTheWrites();
    for (const [i, folder] of folders.entries())
      for (const name of written(i + 1)) await writeFile(path.join(folder, name), 'x');
    await rename(folders[2], path.join(dir, 'cy-at-home'));

    const report = await closeUnfinishedSession(journal, 'Op', new Date());

    for (const [i, folder] of folders.slice(0, 2).entries())
      expect((await readdir(folder)).sort()).toEqual(written(i + 1).sort());
    expect(report?.notWithdrawn.map((n) => n.cause)).toEqual(['unknownSet', 'unknownSet', 'unreadable']);
    expect(journal.entries.map((e) => e.event)).not.toContain('custody.withdrawn');
  });

  it('another ceremony whose id begins with this one’s: its untagged-looking files are never taken', async () => {
    const [c1] = await killedInTheWrites();
    const longer = [`keyferry-share-${CEREMONY}-2-CCCCCCCC-1of2.json`, `keyferry-backup-${CEREMONY}-2-CCCCCCCC.txt`];
    for (const name of longer) await writeFile(path.join(c1, name), 'x');

    await closeUnfinishedSession(journal, 'Op', new Date());

    expect((await readdir(c1)).sort()).toEqual(longer.sort());
  });

  it('a session whose entries name two sets (a start copied in): the files found are named to check, never removed', async () => {
    const [c1, c2] = await killedInTheWrites();
    for (const name of written(1)) await writeFile(path.join(c1, name), 'x');
    // A copied start of another set appended after the session's own: two sets named.
    const started = journal.entries.findLast((e) => e.event === 'custody.split-started');
    await journal.append('Op', 'custody.split-started', {
      ...started?.data,
      backupDigest: 'abcdef01'.repeat(8),
      holders: [{ shareIndex: 1, custodian: 'Zed', folder: c2, willCreate: false }],
    });

    const report = await closeUnfinishedSession(journal, 'Op', new Date());

    expect((await readdir(c1)).sort()).toEqual(written(1).sort());
    expect(report?.notWithdrawn).toMatchObject([{ folder: c1, cause: 'unknownSet' }]);
    expect(journal.entries.map((e) => e.event)).not.toContain('custody.withdrawn');
  });

  it('a copy that dropped the split’s start entry: the ceremony’s files found in a custodian folder are named to check', async () => {
    const c1 = path.join(dir, 'c1');
    await journal.append('Op', 'ceremony.session-started', { side: 'air-gapped', operator: 'Op' });
    await journal.append('Op', 'parameters.read', { ceremonyId: CEREMONY });
    await journal.append('Op', 'preflight.passed', {
      destinations: [{ role: 'custodian', folder: c1, willCreate: true }],
      custodySplitStartJournaled: true,
    });
    await journal.append('Op', 'material.generated', { keyId: 'k1' });
    await mkdir(c1);
    for (const name of names(1)) await writeFile(path.join(c1, name), 'x');

    const report = await closeUnfinishedSession(journal, 'Op', new Date());

    expect(report?.notWithdrawn).toMatchObject([{ folder: c1, holder: null, cause: 'unknownSet' }]);
    expect((await readdir(c1)).sort()).toEqual(names(1).sort());
  });

  it('once its set is known, files of an older build’s untagged set of the ceremony are never taken', async () => {
    const [c1] = await killedInTheWrites();
    const older = [`keyferry-share-${CEREMONY}-1of3.json`, `keyferry-backup-${CEREMONY}.txt`];
    for (const name of [...older, ...written(1)]) await writeFile(path.join(c1, name), 'x');

    await closeUnfinishedSession(journal, 'Op', new Date());

    expect((await readdir(c1)).sort()).toEqual(older.sort());
  });

  it('a journal closed before this fix (its closing skipped the folder in silence): the receipt claims no withdrawal', async () => {
    const [c1] = (await crashedAfterSplit()) as [string, string];
    await journal.append('Op', 'ceremony.session-unfinished', { session: 1, seq: 1, count: 5 });
    await journal.append('Op', 'custody.withdrawn', { folders: [c1], removedFiles: 3 });

    expect(receiptSays('Ana').join('\n')).toContain('it was withdrawn');
    expect(receiptSays('Bob').join('\n')).toContain(
      `NOT withdrawn, delete by hand only its files, those whose names carry 2379C9B2, from ${path.join(dir, 'c2')}: the journal records no withdrawal of them; nothing else there`,
    );
  });
});
