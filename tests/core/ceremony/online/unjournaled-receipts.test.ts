/**
 * An online receipt written and never journaled (a run stopped between its files and
 * `receipt.written`): voided before the next receipt, on real files and a real journal; the
 * journal's own receipts, another ceremony's, and files printing another head are left alone.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { voidUnjournaledOnlineReceipts } from '../../../../src-main/core/ceremony/online/unjournaled-receipts';
import { listDeviations, openJournal, type Journal } from '../../../../src-main/core/journal';

const CEREMONY = 'KF-20261207-abcdef';
let dir: string;
let journal: Journal;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-unjournaled-online-'));
  journal = await openJournal(path.join(dir, 'online.jsonl'), { create: true });
});
afterEach(async () => {
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

/** A receipt's text as it prints a journal head: upper-case hex in groups of four. */
const printing = (head: string) => `receipt … --expect-head ${head.toUpperCase().match(/.{4}/g)?.join(' ')}`;

describe('voidUnjournaledOnlineReceipts', () => {
  it('voids the receipt a stopped run printed and never journaled, and nothing else', async () => {
    await journal.append('Olga', 'ceremony.session-started', { side: 'online' });
    await journal.append('Olga', 'receipt.written', {
      htmlFile: `receipt-online-${CEREMONY}.html`,
      textFile: `receipt-online-${CEREMONY}.txt`,
    });
    await writeFile(path.join(dir, `receipt-online-${CEREMONY}.html`), printing(journal.head));
    await journal.append('Olga', 'ceremony.session-started', { side: 'online' });
    await journal.append('Olga', 'key.imported', {});
    // Stopped after its HTML file: the head it printed is the run's last entry.
    const stoppedAt = journal.head;
    await writeFile(path.join(dir, `receipt-online-${CEREMONY}-2.html`), printing(stoppedAt));
    // The next run began; its receipt comes now.
    await journal.append('Olga', 'ceremony.session-started', { side: 'online' });
    await writeFile(path.join(dir, `receipt-online-${CEREMONY}x-3.html`), printing(stoppedAt));
    await writeFile(path.join(dir, `receipt-online-${CEREMONY}-4.html`), printing('ab'.repeat(32)));

    expect(await voidUnjournaledOnlineReceipts(dir, journal, 'Olga', CEREMONY)).toEqual([
      `receipt-online-${CEREMONY}-2.html`,
    ]);
    expect((await readdir(dir)).filter((n) => n.startsWith('receipt-')).sort()).toEqual([
      `receipt-online-${CEREMONY}-2.html.void`,
      `receipt-online-${CEREMONY}-4.html`,
      `receipt-online-${CEREMONY}.html`,
      `receipt-online-${CEREMONY}x-3.html`,
    ]);
    const voided = journal.entries.at(-1);
    expect(voided).toMatchObject({
      event: 'receipt.voided',
      data: { voidedFiles: [`receipt-online-${CEREMONY}-2.html`] },
    });
    expect(listDeviations([voided!]).map((d) => d.kind)).toEqual(['abandoned']);
  });
});
