/**
 * Air-gapped receipt names count the journal's sessions (1, 2, 3 …) in a real journal file, skip a
 * number an older Keyferry's receipt (named by journal entry number) already took, and leave custody
 * restores (named by their start time) out of the count.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { receiptSessionNumber } from '../../../../src-main/core/ceremony/airgap/receipt-session';
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

  it('leaves custody restores and online sessions out of the count', async () => {
    await start('custody-restore');
    await journal.append('Olga', 'ceremony.session-started', { side: 'online' });
    const wrap = await start();
    expect(receiptSessionNumber(journal.entries, wrap.seq)).toBe(1);
  });
});
