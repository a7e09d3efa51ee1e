/** Test helper: a journal of `events` ([event, data] pairs), each entry chained to the one before, all at `time`. */
import { chainEntry, GENESIS_HASH, type JournalEntry } from '../../src-main/core/journal';

export function chainedJournal(
  events: readonly [string, Record<string, unknown>][],
  time = '2025-03-01T09:00:00.000Z',
): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (const [event, data] of events)
    entries.push(
      chainEntry({
        seq: entries.length + 1,
        time,
        actor: 'Ana',
        event,
        data: data as never,
        prev: entries.at(-1)?.hash ?? GENESIS_HASH,
      }),
    );
  return entries;
}
