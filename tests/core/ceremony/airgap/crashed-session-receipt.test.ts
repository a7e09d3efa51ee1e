/**
 * The receipt a crashed session printed and never journaled is voided by what it prints: this
 * ceremony's name, the head the session ended at, and no `receipt.written` recording it. Real files,
 * a real journal.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { voidCrashedSessionReceipt } from '../../../../src-main/core/ceremony/airgap/crashed-session-receipt';
import { openJournal, type Journal } from '../../../../src-main/core/journal';

const CEREMONY = 'KF-20261207-rcpt01';
let dir: string;
let journal: Journal;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-crashed-receipt-'));
  journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
});
afterEach(async () => {
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

const grouped = (hash: string) => hash.toUpperCase().match(/.{4}/g)?.join(' ') as string;

describe('voidCrashedSessionReceipt', () => {
  it('voids both files of the unjournaled receipt at the session’s head; a journaled one, or none, is left', async () => {
    await journal.append('Ana', 'ceremony.session-started', { side: 'air-gapped' });
    await journal.append('Ana', 'receipt.written', {
      htmlFile: `receipt-air-gapped-${CEREMONY}-1.html`,
      textFile: `receipt-air-gapped-${CEREMONY}-1.txt`,
    });
    await journal.append('Ana', 'ceremony.session-started', { side: 'air-gapped' });
    const session = { entries: journal.entries.slice(2), ceremonyId: CEREMONY };
    const head = grouped(journal.head);
    // The journaled receipt of session 1 prints the same head (say): it is recorded, so it stays.
    for (const n of [1, 2])
      for (const ext of ['html', 'txt'])
        await writeFile(path.join(dir, `receipt-air-gapped-${CEREMONY}-${n}.${ext}`), `--expect-head ${head}\n`);

    expect(await voidCrashedSessionReceipt(journal, 'Ana', session, dir)).toEqual([
      `receipt-air-gapped-${CEREMONY}-2.html`,
      `receipt-air-gapped-${CEREMONY}-2.txt`,
    ]);
    expect((await readdir(dir)).filter((n) => n.includes('-2.'))).toEqual([
      `receipt-air-gapped-${CEREMONY}-2.html.void`,
      `receipt-air-gapped-${CEREMONY}-2.txt.void`,
    ]);
    expect(journal.entries.at(-1)).toMatchObject({ event: 'receipt.voided', data: { leftFiles: [] } });
    // Nothing to look at: no receipt folder, no ceremony read.
    expect(await voidCrashedSessionReceipt(journal, 'Ana', session, undefined)).toEqual([]);
    expect(await voidCrashedSessionReceipt(journal, 'Ana', { ...session, ceremonyId: null }, dir)).toEqual([]);
  });
});
