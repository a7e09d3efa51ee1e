/**
 * Entries a later `online status` journals after a receipt: a session start, the connections, the
 * key states read and each key proven again. They change nothing in the KMS or in what the receipt
 * vouches for, so `journal verify` with the receipt's head says them as later looks, not as a journal
 * that fails its receipt (a trial ran the receipt's own check command after the status the import
 * recommends and was told NOT OK). Anything else after a receipt (an import, a deletion, a lapse,
 * a failed proof, a stop) is not a look.
 */
import type { JournalEntry } from '../../journal';
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

/**
 * When `later` is one or more whole sessions of `online status`, each of which read the keys' states
 * (a session that only connected may have been another step refused or stopped before it journaled
 * anything, and an air-gapped journal's sessions read no key states), and every entry is a look: how
 * many sessions. Else undefined.
 */
export function laterLooks(later: readonly JournalEntry[]): { readonly sessions: number } | undefined {
  if (later[0]?.event !== ONLINE_EVENTS.session || !later.every((e) => LOOK_EVENTS.has(e.event))) return undefined;
  const starts = later.flatMap((e, i) => (e.event === ONLINE_EVENTS.session ? [i] : []));
  const sessions = starts.map((from, n) => later.slice(from, starts[n + 1] ?? later.length));
  if (!sessions.every((s) => s.some((e) => e.event === ONLINE_EVENTS.statusRead))) return undefined;
  return { sessions: sessions.length };
}
