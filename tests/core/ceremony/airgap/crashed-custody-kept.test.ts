/**
 * The custody set of a session killed after its receipt was journaled: KEPT, never removed. Each
 * holder's folder is journaled `custody.kept`, naming the files found there; a closing resumed after
 * it was cut short journals no folder it journaled kept already.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closingDone } from '../../../../src-main/core/ceremony/airgap/closing-resume';
import { keepCustodyOfReceiptSession } from '../../../../src-main/core/ceremony/airgap/crashed-custody-kept';
import { openJournal, type Journal } from '../../../../src-main/core/journal';

const CEREMONY = 'KF-20250301-abcdef';
const shareFile = (i: number) => `keyferry-share-${CEREMONY}-${i}of2.json`;
let dir: string;
let journal: Journal;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-crashed-kept-'));
  journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
});
afterEach(async () => {
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

/** A session that split 2-of-2 into c1 and c2 and journaled its receipt; c1 holds its share, c2 is gone. */
async function receiptSession() {
  const [c1, c2] = ['c1', 'c2'].map((c) => path.join(dir, c)) as [string, string];
  await journal.append('Op', 'ceremony.session-started', { side: 'air-gapped', operator: 'Op' });
  const split = await journal.append('Op', 'custody.split', {
    total: 2,
    holders: [c1, c2].map((folder, i) => ({
      shareIndex: i + 1,
      custodian: `H${i + 1}`,
      folder,
      shareFile: shareFile(i + 1),
    })),
  });
  await journal.append('Op', 'receipt.written', { htmlFile: 'r.html' });
  await mkdir(c1);
  await writeFile(path.join(c1, shareFile(1)), 'x');
  const custody = {
    session: journal.entries.filter((e) => e.seq >= (split.seq as number) - 1),
    before: [],
    ceremonyId: CEREMONY,
    custodianFolders: [c1, c2].map((folder) => ({ folder, willCreate: false })),
  };
  return { c1, c2, custody };
}

describe('keepCustodyOfReceiptSession', () => {
  it('keeps every holder’s files, journaled custody.kept with the files found, and removes nothing', async () => {
    const { c1, c2, custody } = await receiptSession();
    const before = journal.count;
    const report = await keepCustodyOfReceiptSession(custody, journal, 'Op');
    expect(report.withdrawnCustody).toEqual([]);
    expect(report.notWithdrawn.map((k) => [k.folder, k.cause, k.files])).toEqual([
      [c1, 'receiptWritten', [path.join(c1, shareFile(1))]],
      [c2, 'receiptWritten', []],
    ]);
    expect(await readdir(c1)).toEqual([shareFile(1)]);
    expect(journal.entries.slice(before).map((e) => [e.event, e.data['folder']])).toEqual([
      ['custody.kept', c1],
      ['custody.kept', c2],
    ]);
  });

  it('resumed after a closing cut short: a folder journaled kept already is named as it was, not journaled again', async () => {
    const { c1, c2, custody } = await receiptSession();
    // The cut closing had journaled c1 kept, and was killed before c2.
    await keepCustodyOfReceiptSession(custody, journal, 'Op');
    const cut = journal.entries.filter((e) => e.event === 'custody.kept').slice(0, 1);
    expect(cut.map((e) => e.data['folder'])).toEqual([c1]);
    const before = journal.count;
    const report = await keepCustodyOfReceiptSession(custody, journal, 'Op', closingDone(cut));
    expect(report.notWithdrawn.map((k) => k.folder)).toEqual([c1, c2]);
    expect(journal.entries.slice(before).map((e) => [e.event, e.data['folder']])).toEqual([['custody.kept', c2]]);
  });
});
