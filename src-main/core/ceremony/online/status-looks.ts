/**
 * Entries a later `online status` journals after a receipt: a session start, the connections, the
 * key states read and each key proven again. They change nothing in the KMS or in what the receipt
 * vouches for, so `journal verify` with the receipt's head says them as later looks, not as a journal
 * that fails its receipt (a trial ran the receipt's own check command after the status the import
 * recommends and was told NOT OK). So is a session that changed nothing before it ended: its
 * connection failed, or a status was stopped while proving. Anything else after a receipt (an
 * import, a deletion, a lapse, a failed proof, a stop of anything but a status) is not a look.
 */
import { INTERRUPTED_EVENT, type JournalEntry } from '../../journal';
import { ONLINE_EVENTS } from './events';

const LOOK_EVENTS: ReadonlySet<string> = new Set([
  ONLINE_EVENTS.session,
  ONLINE_EVENTS.connected,
  ONLINE_EVENTS.replicaConnected,
  ONLINE_EVENTS.statusRead,
  ONLINE_EVENTS.verified,
  ONLINE_EVENTS.replicaGroupProven,
  ONLINE_EVENTS.kmsRetried,
]);

/** Whether `entry` is one a look journals (a session start, a connection, a state read, a proof, a retry). */
export function isLookEntry(entry: JournalEntry): boolean {
  return LOOK_EVENTS.has(entry.event);
}

/**
 * Whether `session` (from its start entry) ended before it read the keys without sending anything:
 * its connection failed (every step's first, so nothing reached the KMS, whichever command it was),
 * or `online status` was stopped (Ctrl-C) after it read the states, while proving them.
 */
function unfinishedLook(session: readonly JournalEntry[]): boolean {
  const last = session.at(-1);
  const looks = session.slice(0, -1).every(isLookEntry);
  if (!looks) return false;
  if (last?.event === ONLINE_EVENTS.stepFailed) return last.data.step === 'connect';
  return last?.event === INTERRUPTED_EVENT && session.some((e) => e.event === ONLINE_EVENTS.statusRead);
}

/**
 * When `later` is one or more whole sessions of `online status`, each of which read the keys' states
 * (a session that only connected may have been another step refused or stopped before it journaled
 * anything, and an air-gapped journal's sessions read no key states), and every entry is a look: how
 * many sessions, and how many of them ended unfinished having changed nothing (unfinishedLook: a
 * failed connection, a status stopped while proving; a trial's receipt check said NOT OK for ever
 * after one status could not reach the KMS). Else undefined.
 */
export function laterLooks(
  later: readonly JournalEntry[],
): { readonly sessions: number; readonly unfinished: number } | undefined {
  if (later[0]?.event !== ONLINE_EVENTS.session) return undefined;
  const starts = later.flatMap((e, i) => (e.event === ONLINE_EVENTS.session ? [i] : []));
  const sessions = starts.map((from, n) => later.slice(from, starts[n + 1] ?? later.length));
  const read = (s: readonly JournalEntry[]) =>
    s.every(isLookEntry) && s.some((e) => e.event === ONLINE_EVENTS.statusRead);
  const unfinished = sessions.filter(unfinishedLook).length;
  if (!sessions.every((s) => read(s) || unfinishedLook(s))) return undefined;
  return { sessions: sessions.length, unfinished };
}
