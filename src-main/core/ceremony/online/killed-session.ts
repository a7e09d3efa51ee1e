/**
 * An online session whose process was killed (kill -9), crashed or lost its power: it never released
 * the journal's lock, so the next opener took that lock over from a process that is gone (lock.ts,
 * `leftBehind`). Nothing of it is in the journal (no stop could be written), so the next session says
 * it first, as unrecorded-session.ts says sends with no answer recorded: one
 * `ceremony.session-unrecorded` naming that session and its entries (no keys: it says nothing of any
 * send), a deviation every later receipt lists as an interrupt. A receipt after such a kill said
 * "no interrupt".
 *
 * The killed session is the last one whose start entry is not older than the lock left behind (the
 * lock is taken before the session entry is written, on the same clock), or than the earliest of the
 * writers' locks that one took over (LeftBehindLock.earlier: a writer killed right after it took over
 * a dead writer's lock, before it wrote a word, must not make that first session unsaid); none: every
 * one of them died before it wrote anything, and there is nothing to name. A session already traced,
 * or whose stop is on record, is not said again.
 */
import { phraseOf } from '../../../i18n/phrase';
import { INTERRUPTED_EVENT, type JournalAppend, type JournalEntry } from '../../journal';
import type { LeftBehindLock } from '../../journal/lock-owner';
import { ONLINE_EVENTS } from './events';

/** Entries that already say how that session ended: its own stop, or a trace of its sends. */
const ENDED_ON_RECORD: ReadonlySet<string> = new Set([
  INTERRUPTED_EVENT,
  'ceremony.abandoned',
  ONLINE_EVENTS.sessionUnrecorded,
]);

/**
 * The entry a new session writes first when the journal's lock was left behind by a process that is
 * gone (`left`): that session, numbered as the journal counts its sessions, ended without a word.
 * `pending`: the traces this session writes anyway (a trace of the same session's sends says it).
 */
export function killedSessionEntries(
  entries: readonly JournalEntry[],
  left: LeftBehindLock | undefined,
  operator: string,
  pending: readonly JournalAppend[] = [],
): JournalAppend[] {
  if (left === undefined) return [];
  // The writers gone one after another, newest first: one killed right after it took over the lock
  // of one before it may have written nothing, and then that earlier session is the one unsaid.
  const gone = [left, ...(left.earlier ?? [])];
  const since = Date.parse((gone.at(-1) as LeftBehindLock).since);
  const starts = entries.filter((e) => e.event === ONLINE_EVENTS.started || e.event === ONLINE_EVENTS.session);
  const index = starts.findLastIndex((s) => Date.parse(s.time) >= since);
  const start = starts[index];
  // None started since: every one of them died before its session entry.
  if (start === undefined) return [];
  // The process of that session: the newest to take the lock before the session began.
  const pid = (gone.find((w) => Date.parse(w.since) <= Date.parse(start.time)) ?? left).pid;
  const from = start.seq;
  const to = (entries.at(-1) as JournalEntry).seq;
  const session = index + 1;
  if (entries.some((e) => e.seq > from && ENDED_ON_RECORD.has(e.event))) return [];
  const traced = pending.some((p) => {
    const values = (p.data?.reasonPhrase as { values?: { session?: unknown } } | undefined)?.values;
    return values?.session === session;
  });
  if (traced) return [];
  return [
    {
      actor: operator,
      event: ONLINE_EVENTS.sessionUnrecorded,
      data: {
        reasonPhrase: { ...phraseOf('journal.reason.session-killed', { session, from, to, pid }) },
        keyIds: [],
      },
    },
  ];
}
