/**
 * A custodian's own section of a printed receipt, for a custody split killed in its writes: the
 * session journaled the split's start, wrote Ana's folder, and was killed; Bob's stick was then
 * taken away (the writes may have reached it), Cy's folder after it was left empty. The next
 * session's closing (real folders, a real journal) withdraws Ana's files and names Bob's folder.
 * Printed by Chromium to PDF, in English and Chinese, and read back with pdftotext: Bob's section
 * tells him his medium may hold a share of that withdrawn set, to check and delete; Ana's that hers
 * was withdrawn; Cy, whom the writes never reached, has no section. A trial's receipt named Bob under
 * Deviations only.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeUnfinishedSession } from '../../../src-main/core/ceremony/airgap/unfinished-session';
import { openJournal, type JournalEntry } from '../../../src-main/core/journal';
import { renderReceiptHtml } from '../../../src-main/core/receipt';
import { receiptPeople } from '../../../src-main/core/receipt/journal-facts';
import type { ReceiptLanguage } from '../../../src-main/core/receipt/language';
import { printerPerFile } from '../../helpers/browser';
import { splitKilledInWrites } from '../../helpers/split-killed-in-writes';
import { sampleReceiptInput } from './fixtures';

const OUT = path.resolve('test-results/receipts/custodian-lines');
const printer = printerPerFile(OUT);
const CEREMONY = 'KF-20250301-abcdef';
const DIGEST = '2379c9b2'.repeat(8);
const SET = '2379C9B2';
let dir: string;
let entries: JournalEntry[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-custodian-lines-'));
  const journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
  const folders = await splitKilledInWrites(journal, dir, { ceremony: CEREMONY, set: SET, digest: DIGEST });
  // Killed once Ana's folder was written; Bob's stick is then taken away.
  for (const name of [`keyferry-share-${CEREMONY}-${SET}-1of3.json`, `keyferry-backup-${CEREMONY}-${SET}.txt`])
    await writeFile(path.join(folders[0] as string, name), 'x');
  await rename(folders[1] as string, path.join(dir, 'bob-elsewhere'));
  await closeUnfinishedSession(journal, 'Op', new Date());
  await journal.append('Op', 'ceremony.session-started', { side: 'air-gapped', operator: 'Op' });
  entries = [...journal.entries];
  await journal.close();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The receipt with the journal's People section, printed to PDF and read back, white space removed. */
async function printedPeople(language: ReceiptLanguage): Promise<string> {
  const people = receiptPeople(entries, { operator: 'Op', witnesses: [], side: 'air-gapped' });
  const html = renderReceiptHtml({ ...sampleReceiptInput('air-gapped', ['AES_256']), people }, { language });
  const pdf = path.join(OUT, `cut-split-${language}.pdf`);
  await printer.print(html, pdf, 'A4');
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

/** A person's section: pdftotext reads a person's lines after their role's heading, then their name. */
function sectionOf(text: string, name: string, heading: string): string {
  const end = text.indexOf(name);
  return text.slice(text.lastIndexOf(heading, end), end);
}

const seqOf = (event: string) => entries.find((e) => e.event === event)?.seq;
const flat = (text: string) => text.replace(/\s+/g, '');

describe('a custody split killed in its writes, on the printed receipt’s People section', () => {
  it('tells the holder whose medium the writes may have reached, in their own section, to check it and delete the set’s files', async () => {
    const text = await printedPeople('en');
    const bob = sectionOf(text, 'Bob', 'CUSTODIAN');
    expect(bob).toContain(
      flat(
        `entry ${seqOf('custody.split-started')}: was to get share 2 of 3 of a custody set whose session was cut while writing it (backup digest 2379 C9B2 2379 C9B2…; its files carry ${SET} in their names): NOT withdrawn: the folder`,
      ),
    );
    expect(bob).toContain(
      flat(
        `could not be read, and the writes may have reached it. Look on that medium: any such file there is of a set that rebuilds no material that was wrapped; delete it before anyone keeps or presents it as a share (entry ${seqOf('custody.withdraw-failed')}, see Deviations)`,
      ),
    );
    expect(sectionOf(text, 'Ana', 'CUSTODIAN')).toContain(
      flat(
        `entry ${seqOf('custody.split-started')}: was given share 1 of 3 of a custody set whose session did not finish`,
      ),
    );
    // Cy's folder, after Bob's, was left empty: the writes never reached it, and no section names Cy.
    expect(text).not.toMatch(/Cy\b/);
  });

  it('says the same in Chinese', async () => {
    const text = await printedPeople('zh-CN');
    const bob = sectionOf(text, 'Bob', '保管人');
    expect(bob).toContain(
      flat(
        `条目 ${seqOf('custody.split-started')}：应获得一个在写入托管集时被中断的会话的托管集的份额 2（共 3 份，备份摘要 2379 C9B2 2379 C9B2…；其文件名中带有 ${SET}）：未撤回：无法读取文件夹`,
      ),
    );
    expect(bob).toContain(flat('而写入可能已到达该文件夹。请在该介质上查找'));
    expect(bob).toContain(flat(`（条目 ${seqOf('custody.withdraw-failed')}，见偏差）`));
    expect(text).not.toContain('was to get');
  });
});
