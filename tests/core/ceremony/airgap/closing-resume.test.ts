/**
 * A closing of an unfinished session that was itself killed after its `ceremony.session-unfinished`
 * (closing-resume.ts): the next start runs the withdrawals again, reads what the cut closing
 * journaled, journals nothing twice for one object, says the truth of what is gone, and ends the
 * closing (`ceremony.session-closed`). A journal an older build closed (no closing-end field) is left
 * as it was, its files where they are. Real files, a real journal.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closingBegun, closingDone } from '../../../../src-main/core/ceremony/airgap/closing-resume';
import { closeUnfinishedSession } from '../../../../src-main/core/ceremony/airgap/unfinished-session';
import { openJournal, type Journal } from '../../../../src-main/core/journal';
import { phraseText } from '../../../../src-main/i18n/phrase';
import { english } from '../../../../src-main/i18n/translate';

const CEREMONY = 'KF-20250301-abcdef';
let dir: string;
let journal: Journal;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-closing-resume-'));
  journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
});
afterEach(async () => {
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

const shareOf = (i: number) => `keyferry-share-${CEREMONY}-${i + 1}of2.json`;

/** A session killed after its split (shares 1 and 2 to Cy and Di in c1, c2) and its bundle write; its files on disk. */
async function crashed(options: { receipt?: boolean } = {}): Promise<{ custodians: string[]; bundle: string }> {
  const custodians = ['c1', 'c2'].map((c) => path.join(dir, c));
  const bundle = path.join(dir, 'wrapped');
  await journal.append('Ana', 'ceremony.session-started', { side: 'air-gapped', operator: 'Ana' });
  await journal.append('Ana', 'parameters.read', { ceremonyId: CEREMONY });
  await journal.append('Ana', 'preflight.passed', {
    destinations: [
      { role: 'bundle', folder: bundle, willCreate: true },
      { role: 'receipt', folder: dir, willCreate: false },
      ...custodians.map((folder) => ({ role: 'custodian', folder, willCreate: false })),
    ],
  });
  await journal.append('Ana', 'custody.split', {
    total: 2,
    holders: custodians.map((folder, i) => ({
      shareIndex: i + 1,
      custodian: ['Cy', 'Di'][i] as string,
      folder,
      shareFile: shareOf(i),
    })),
  });
  await journal.append('Ana', 'wrapped-bundle.written', {
    manifestSha256: 'ab'.repeat(32),
    folder: bundle,
    manifest: 'after-receipt',
  });
  if (options.receipt) {
    const [html, text] = ['html', 'txt'].map((x) => `receipt-air-gapped-${CEREMONY}-session-1.${x}`) as [
      string,
      string,
    ];
    await journal.append('Ana', 'receipt.written', { htmlFile: html, textFile: text });
    for (const name of [html, text]) await writeFile(path.join(dir, name), 'receipt');
  }
  for (const [i, folder] of custodians.entries()) {
    await mkdir(folder);
    await writeFile(path.join(folder, shareOf(i)), 'x');
  }
  await mkdir(path.join(bundle, 'keys'), { recursive: true });
  await writeFile(path.join(bundle, 'README.txt'), 'readme');
  return { custodians, bundle };
}

/** Runs a closing and keeps only the entries up to (and with) the `n`-th it journaled: a kill there. */
async function closingCutAfter(n: number): Promise<number> {
  const before = journal.count;
  await closeUnfinishedSession(journal, 'Ana', new Date());
  const kept = before + n;
  const lines = (await readFile(journal.path, 'utf8')).trimEnd().split('\n').slice(0, kept);
  await journal.close();
  await writeFile(journal.path, `${lines.join('\n')}\n`);
  journal = await openJournal(journal.path, { create: false });
  return before;
}

const events = (from: number) => journal.entries.slice(from).map((e) => e.event);

/** The entries of a closing that withdrew a bundle and a custody set, and ended. */
const WHOLE_CLOSING = [
  'ceremony.session-unfinished',
  'wrapped-bundle.withdrawn',
  'custody.withdrawn',
  'ceremony.session-closed',
];
describe('a closing cut short after its ceremony.session-unfinished', () => {
  it('is run again to its end: the withdrawals done once, the closing’s entry not journaled twice, then closed', async () => {
    const { custodians, bundle } = await crashed();
    // Killed right after its entry: nothing withdrawn yet, the files restored as they were.
    const before = journal.count;
    await journal.append('Ana', 'ceremony.session-unfinished', {
      reason: 'the process ended without stopping: a crash or power loss',
      session: 1,
      seq: 1,
      count: before,
      closingEndJournaled: true,
    });
    expect(closingBegun(journal.entries)?.unfinished.seq).toBe(before + 1);
    const report = await closeUnfinishedSession(journal, 'Ana', new Date());
    expect(report).toMatchObject({ session: 1, resumedSeq: before + 1, withdrawnBundle: bundle, notWithdrawn: [] });
    expect(report?.withdrawnCustody).toEqual(custodians);
    expect(events(before)).toEqual(WHOLE_CLOSING);
    for (const folder of custodians) expect(await readdir(folder)).toEqual([]);
    expect(await closeUnfinishedSession(journal, 'Ana', new Date())).toBeNull();
  });

  it('after its withdrawals were journaled: nothing withdrawn or journaled again, nothing named missing', async () => {
    const { custodians, bundle } = await crashed();
    const before = await closingCutAfter(3);
    expect(events(before)).toEqual(['ceremony.session-unfinished', 'wrapped-bundle.withdrawn', 'custody.withdrawn']);
    const report = await closeUnfinishedSession(journal, 'Ana', new Date());
    expect(report).toMatchObject({
      resumedSeq: before + 1,
      withdrawnBundle: bundle,
      notWithdrawn: [],
      custodyByHand: [],
    });
    expect(report?.withdrawnCustody).toEqual(custodians);
    expect(events(before)).toEqual(WHOLE_CLOSING);
  });

  it('a custody.withdrawn line copied in does not stop the removal: the files found are removed and journaled', async () => {
    const { custodians } = await crashed();
    const before = journal.count;
    await journal.append('Ana', 'ceremony.session-unfinished', {
      session: 1,
      seq: 1,
      count: before,
      closingEndJournaled: true,
    });
    await journal.append('Ana', 'custody.withdrawn', { folders: custodians, removedFiles: 2 });
    await closeUnfinishedSession(journal, 'Ana', new Date());
    for (const folder of custodians) expect(await readdir(folder)).toEqual([]);
    expect(journal.entries.at(-2)).toMatchObject({ event: 'custody.withdrawn', data: { removedFiles: 2 } });
  });

  it('killed between its removals and their entry: the files gone are said to be maybe removed by it, never removed now, never plain missing', async () => {
    const { custodians } = await crashed();
    const before = await closingCutAfter(2);
    expect(events(before)).toEqual(['ceremony.session-unfinished', 'wrapped-bundle.withdrawn']);
    for (const folder of custodians) expect(await readdir(folder)).toEqual([]);
    const report = await closeUnfinishedSession(journal, 'Ana', new Date());
    expect(report?.withdrawnCustody).toEqual([]);
    expect(report?.notWithdrawn.map((n) => n.cause)).toEqual(['closingCut', 'closingCut']);
    expect(phraseText(english, report?.notWithdrawn[0]?.phrase as never)).toMatch(
      /^NOT known withdrawn, look for it: share 1\/2 given to Cy, written into .*c1\. The earlier closing of that session was cut short/,
    );
    expect(events(before)).toEqual([
      'ceremony.session-unfinished',
      'wrapped-bundle.withdrawn',
      'custody.withdraw-failed',
      'custody.withdraw-failed',
      'ceremony.session-closed',
    ]);
  });

  it('a session cut after its receipt: a holder kept by the cut closing stays kept, the others are kept now, each journaled once', async () => {
    const { custodians } = await crashed({ receipt: true });
    const before = await closingCutAfter(3);
    expect(events(before)).toEqual(['receipt.voided', 'ceremony.session-unfinished', 'custody.kept']);
    const report = await closeUnfinishedSession(journal, 'Ana', new Date());
    expect(report?.notWithdrawn.map((n) => [n.folder, n.cause])).toEqual(custodians.map((c) => [c, 'receiptWritten']));
    for (const n of report?.notWithdrawn ?? []) expect(phraseText(english, n.phrase)).toMatch(/^KEPT, not withdrawn/);
    expect(events(before)).toEqual([
      'receipt.voided',
      'ceremony.session-unfinished',
      'custody.kept',
      'custody.kept',
      'wrapped-bundle.withdrawn',
      'ceremony.session-closed',
    ]);
    expect(journal.entries.filter((e) => e.event === 'custody.kept').map((e) => e.data['folder'])).toEqual(custodians);
    for (const [i, folder] of custodians.entries()) expect(existsSync(path.join(folder, shareOf(i)))).toBe(true);
  });

  it('a journal an older build closed (its entry without the closing-end field) is closed: nothing more removed or journaled', async () => {
    const { custodians } = await crashed();
    const before = journal.count;
    await journal.append('Ana', 'ceremony.session-unfinished', { session: 1, seq: 1, count: before });
    expect(closingBegun(journal.entries)).toBeNull();
    expect(await closeUnfinishedSession(journal, 'Ana', new Date())).toBeNull();
    expect(journal.count).toBe(before + 1);
    for (const [i, folder] of custodians.entries()) expect(await readdir(folder)).toEqual([shareOf(i)]);
  });
});

describe('a closing cut short whose session’s bundle folder is gone since', () => {
  it('is asked for, nothing journaled, while the cut closing had not withdrawn it; once it had, the closing is finished without it', async () => {
    const { bundle } = await crashed();
    const before = await closingCutAfter(1);
    await rename(bundle, path.join(dir, 'stick-elsewhere'));
    await expect(closeUnfinishedSession(journal, 'Ana', new Date())).rejects.toMatchObject({
      code: 'AIRGAP_SESSION_FINISHED_ON_MEDIA',
      values: { evidence: 'missing', where: bundle, session: 1 },
    });
    expect(events(before)).toEqual(['ceremony.session-unfinished']);

    // Put back, the closing withdraws it; cut after that withdrawal, the stick may stay out.
    await rename(path.join(dir, 'stick-elsewhere'), bundle);
    const again = await closingCutAfter(1);
    expect(again).toBe(before + 1);
    expect(events(before)).toEqual(['ceremony.session-unfinished', 'wrapped-bundle.withdrawn']);
    await rename(bundle, path.join(dir, 'stick-elsewhere'));
    const report = await closeUnfinishedSession(journal, 'Ana', new Date());
    expect(report?.resumedSeq).toBe(before + 1);
    // Closed, its bundle withdrawn once (the custody files it removed unjournaled are said as maybe removed by it).
    expect(events(before).at(-1)).toBe('ceremony.session-closed');
    expect(events(before).filter((e) => e === 'wrapped-bundle.withdrawn')).toHaveLength(1);
    // And the report says it, at the cut closing's word: the stick is out.
    expect(report?.withdrawnBundle).toBe(bundle);
  });
});

describe('closingDone', () => {
  it('reads the folders a cut closing journaled withdrawn, kept or not withdrawn, the first entry of each folder', () => {
    const entry = (seq: number, event: string, data: Record<string, unknown>) =>
      ({ seq, event, data, actor: 'Ana', at: '', prevHash: '', hash: '' }) as never;
    const phrase = { key: 'journal.reason.ended-without-stop' };
    const done = closingDone([
      entry(1, 'custody.withdrawn', { folders: ['/a'], removedFiles: 1 }),
      entry(2, 'custody.kept', { folder: '/b', cause: 'receiptWritten', leftFiles: ['/b/x'], reasonPhrase: phrase }),
      entry(3, 'custody.withdraw-failed', { folder: '/b', cause: 'unreadable', reasonPhrase: phrase }),
      entry(4, 'custody.withdraw-failed', { folder: '/c', cause: 'no such cause', reasonPhrase: phrase }),
    ]);
    expect([...done.withdrawnFolders]).toEqual(['/a']);
    expect([...done.custodyJournaled.keys()]).toEqual(['/b']);
    expect(done.custodyJournaled.get('/b')).toMatchObject({ kept: true, files: ['/b/x'], holder: null });
  });
});
