/**
 * Journal entries as a reader of a journal sees them, for tests of code that reads entries (not of the
 * journal's chain: `prev` and `hash` are placeholders). Sequence numbers count from 1.
 */
import type { JournalEntry } from '../../src-main/core/journal';

export function journalEntries(events: readonly (readonly [string, Record<string, unknown>])[]): JournalEntry[] {
  return events.map(([event, data], i) => ({
    seq: i + 1,
    time: '2026-12-01T10:00:00.000Z',
    actor: 'Ana',
    event,
    data: data as JournalEntry['data'],
    prev: '0'.repeat(64),
    hash: '0'.repeat(64),
  }));
}
