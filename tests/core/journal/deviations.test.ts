import { describe, expect, it } from 'vitest';
import {
  DEVIATION_EVENTS,
  DEVIATION_KINDS,
  listDeviations,
  sealingEntries,
} from '../../../src-main/core/journal/deviations';
import { GENESIS_HASH, chainEntry, type JournalEntry } from '../../../src-main/core/journal';

function journalOf(events: [string, string, JournalEntry['data']?][]): JournalEntry[] {
  const list: JournalEntry[] = [];
  for (const [actor, event, data] of events) {
    list.push(
      chainEntry({
        seq: list.length + 1,
        time: '2026-11-30T10:00:00.000Z',
        actor,
        event,
        data: data ?? {},
        prev: list.at(-1)?.hash ?? GENESIS_HASH,
      }),
    );
  }
  return list;
}

describe('deviations', () => {
  it('lists every refusal, override and abandoned attempt in journal order, and nothing else', () => {
    const entries = journalOf([
      ['A. Officer', 'ceremony.session-started'],
      ['A. Officer', 'network.refused'],
      ['A. Officer', 'warning.network-allowed'],
      ['B. Witness', 'fingerprint.refused'],
      ['B. Witness', 'witness.confirmed'],
      ['A. Officer', 'ceremony.abandoned'],
      ['A. Officer', 'warning.custody-same-volume'],
      ['A. Officer', 'receipt.written'],
    ]);
    const found = listDeviations(entries);
    expect(found.map((d) => [d.entry.seq, d.entry.event, d.kind])).toEqual([
      [2, 'network.refused', 'refusal'],
      [3, 'warning.network-allowed', 'override'],
      [4, 'fingerprint.refused', 'refusal'],
      [6, 'ceremony.abandoned', 'abandoned'],
      [7, 'warning.custody-same-volume', 'override'],
    ]);
  });

  it('maps every listed event to a known kind, and ignores inherited names', () => {
    for (const kind of Object.values(DEVIATION_EVENTS)) expect(DEVIATION_KINDS).toContain(kind);
    expect(listDeviations(journalOf([['system', 'constructor.x']]))).toEqual([]);
  });

  it('seals a session by its completed bundle or its receipt, never by a receipt voided later', () => {
    const receipt = (n: number) => ({ htmlFile: `receipt-${n}.html`, textFile: `receipt-${n}.txt` });
    const entries = journalOf([
      ['Ana', 'ceremony.session-started'],
      ['Ana', 'receipt.written', receipt(1)],
      ['Ana', 'wrapped-bundle.completed'],
      ['Ana', 'ceremony.session-started'],
      ['Ana', 'receipt.written', receipt(2)],
      ['Ana', 'ceremony.session-unfinished'],
      ['Ana', 'receipt.voided', { htmlFile: 'receipt-2.html', textFile: 'receipt-2.txt' }],
      ['Ana', 'ceremony.session-started'],
      ['Ana', 'receipt.written', receipt(3)],
      // A receipt of an earlier name voided before a later one was written under it: that one still seals.
      ['Ana', 'receipt.voided', { htmlFile: 'receipt-4.html', textFile: 'receipt-4.txt' }],
      ['Ana', 'ceremony.session-started'],
      ['Ana', 'receipt.written', receipt(4)],
    ]);
    expect([...sealingEntries(entries)].sort((a, b) => a - b)).toEqual([2, 3, 9, 12]);
  });
});
