import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, chainEntry, encodeEntryLine } from '../../../src-main/core/journal';
import { inspectJournal, inspectJournalInSlices } from '../../../src-main/core/journal/verify';

function journalOf(count: number): { text: string; head: string } {
  let prev = GENESIS_HASH;
  const lines: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const entry = chainEntry({
      seq: i + 1,
      time: new Date(Date.UTC(2026, 0, 1, 9, 0, i % 60)).toISOString(),
      actor: 'system',
      event: 'material.wrapped',
      data: { keyId: `43f1ffd7-18fb-4568-9575-${String(i).padStart(12, '0')}` },
      prev,
    });
    lines.push(`${encodeEntryLine(entry)}\n`);
    prev = entry.hash;
  }
  return { text: lines.join(''), head: prev };
}

describe('journal verification in slices', () => {
  it('lets timers run while 10,000 entries are verified, with the same answer as in one go', async () => {
    const { text, head } = journalOf(10_000);
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    let sliced;
    try {
      sliced = await inspectJournalInSlices(text, { expectedHead: head, expectedCount: 10_000 });
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
    expect(sliced.verification).toEqual(
      inspectJournal(text, { expectedHead: head, expectedCount: 10_000 }).verification,
    );
    expect(sliced.verification).toMatchObject({ ok: true, count: 10_000, headHash: head });
    expect(sliced.entries).toHaveLength(10_000);
  });

  it('refuses a changed line at the same place as the one-go verification', async () => {
    const { text } = journalOf(500);
    const changed = text.replace('"seq":250,', '"seq":251,');
    const sliced = await inspectJournalInSlices(changed);
    expect(sliced.verification).toEqual(inspectJournal(changed).verification);
    expect(sliced.verification).toMatchObject({ ok: false, line: 250 });
    expect(sliced.entries).toEqual([]);
  });
});
