/**
 * Air-gapped receipt names count the journal's sessions (1, 2, 3 …) in a real journal file, wraps and
 * custody restores alike, skip a number an older Keyferry's receipt (named by journal entry number)
 * already took, and read past a restore receipt an older Keyferry named by its start time. A receipt
 * says what its number counts: the earlier receipts and the sessions that ended without one.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { receiptNumbering, receiptSessionNumber } from '../../../../src-main/core/ceremony/airgap/receipt-session';
import { openJournal, type Journal } from '../../../../src-main/core/journal';

let dir: string;
let journal: Journal;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-receipt-session-'));
  journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
});
afterEach(async () => {
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

const start = (purpose?: string) =>
  journal.append('Ana', 'ceremony.session-started', { side: 'air-gapped', ...(purpose ? { purpose } : {}) });
const receipt = (base: string) =>
  journal.append('Ana', 'receipt.written', { htmlFile: `${base}.html`, textFile: `${base}.txt` });

describe('receiptSessionNumber', () => {
  it('numbers the sessions 1, 2, 3 whatever their journal entry numbers', async () => {
    const first = await start();
    expect(receiptSessionNumber(journal.entries, first.seq)).toBe(1);
    await journal.append('Ana', 'network.checked', {});
    await journal.append('Ana', 'parameters.read', {});
    await receipt('receipt-air-gapped-KF-1-session-1');
    const second = await start();
    expect(second.seq).toBe(5);
    expect(receiptSessionNumber(journal.entries, second.seq)).toBe(2);
    await journal.append('Ana', 'ceremony.interrupted', {});
    const third = await start();
    expect(receiptSessionNumber(journal.entries, third.seq)).toBe(3);
    // Asked again later (more entries after it), the same session keeps its number.
    await start();
    expect(receiptSessionNumber(journal.entries, second.seq)).toBe(2);
  });

  it('skips a number an older Keyferry already gave a receipt in this journal (session-<entry number>)', async () => {
    await start(); // seq 1: the old name was session-1
    await receipt('receipt-air-gapped-KF-1-session-1');
    await start(); // seq 3: the old name was session-3
    await receipt('receipt-air-gapped-KF-1-session-3');
    const now = await start(); // the third session: 3 is taken, so 4
    expect(receiptSessionNumber(journal.entries, now.seq)).toBe(4);
  });

  it('counts custody restores as air-gapped sessions and leaves online sessions out', async () => {
    const wrap = await start();
    expect(receiptSessionNumber(journal.entries, wrap.seq)).toBe(1);
    await receipt('receipt-air-gapped-KF-1-session-1');
    await journal.append('Olga', 'ceremony.session-started', { side: 'online' });
    const restore = await start('custody-restore');
    expect(receiptSessionNumber(journal.entries, restore.seq)).toBe(2);
  });

  it('reads past a restore receipt an older Keyferry named by its start time (it takes no number)', async () => {
    await start();
    await receipt('receipt-air-gapped-KF-1-session-1');
    await start('custody-restore');
    await receipt('receipt-air-gapped-KF-1-restore-20250301T101500Z');
    const now = await start('custody-restore');
    expect(receiptSessionNumber(journal.entries, now.seq)).toBe(3);
  });

  it('never reuses the number of a voided receipt in the folder (another journal of the ceremony voided it)', async () => {
    const now = await start('custody-restore');
    const voided = ['receipt-air-gapped-KF-1-session-1.html.void', 'receipt-air-gapped-KF-1-session-2.txt.2.void'];
    expect(receiptSessionNumber(journal.entries, now.seq, voided)).toBe(3);
    // Nor the number of a receipt this journal voided, its files now in another folder.
    await journal.append('Ana', 'receipt.voided', { htmlFile: 'receipt-air-gapped-KF-1-session-3.html' });
    expect(receiptSessionNumber(journal.entries, now.seq, voided)).toBe(4);
  });

  it('tells a receipt the earlier receipts of its journal and the sessions that ended without one (a voided one among them)', async () => {
    await start();
    await receipt('receipt-air-gapped-KF-1-session-1');
    await start(); // refused at the preflight: no receipt
    await journal.append('Ana', 'ceremony.abandoned', { code: 'WRAP_AGAIN_NOT_CHOSEN' });
    await start(); // its receipt voided: not one to sign
    await receipt('receipt-air-gapped-KF-1-session-3');
    await journal.append('Ana', 'receipt.voided', { htmlFile: 'receipt-air-gapped-KF-1-session-3.html' });
    const now = await start();
    expect(receiptSessionNumber(journal.entries, now.seq)).toBe(4);
    expect(receiptNumbering(journal, now.seq, 4)).toEqual({
      number: 4,
      journalFile: 'airgap.jsonl',
      earlierReceipts: [1],
      // Session 2 refused, session 3's receipt voided: the numbers an officer finds missing.
      withoutReceipt: [2, 3],
    });
  });
});
