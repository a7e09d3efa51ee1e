/**
 * Journal entries in tests: made up as a reader of a journal sees them (`journalEntries`), or read
 * from a journal file as written, one JSON line each, without opening it (`journalFileEntries`).
 */
import { readFile } from 'node:fs/promises';
import type { JournalEntry } from '../../src-main/core/journal';

/** Entries for tests of code that reads entries (not of the journal's chain: `prev` and `hash` are placeholders). Sequence numbers count from 1. */
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

/**
 * The entries of the journal file `file` as its whole lines hold them (no lock taken, nothing
 * verified). A line still being written (no newline yet) is not an entry yet: a test polling the
 * journal of a running CLI read one half-appended and failed on its JSON (a CI run).
 */
export async function journalFileEntries(file: string): Promise<JournalEntry[]> {
  const text = await readFile(file, 'utf8');
  return text
    .slice(0, text.lastIndexOf('\n') + 1)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as JournalEntry);
}
