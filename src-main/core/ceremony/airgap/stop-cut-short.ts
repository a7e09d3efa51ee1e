/**
 * A stop of an air-gapped session (Ctrl-C, a left screen, a failure: session-stop.ts) that was itself
 * cut short: the stop journals `ceremony.interrupted` (for a signal or a left screen, with the state
 * and the keys wiped), then withdraws the bundle (`wrapped-bundle.withdrawn`), destroys or names the
 * HSM token objects, removes the custody files (`custody.withdrawn`), and last journals
 * `ceremony.abandoned`. A kill (a power cut) in between leaves the session unfinished, and the next
 * session closes it (unfinished-session.ts). That closing reads what the stop journaled: a bundle the
 * stop withdrew is not withdrawn a second time (crashed-session-bundle.ts), custody files the stop removed are not taken for
 * files missing from a folder (nor a folder the stop removed again for one that cannot be read), the
 * token objects the stop destroyed or named are not named again (crashed-session-token-objects.ts),
 * and the closing says the session was stopped and its stop cut short, never "a crash or power loss" alone.
 */
import path from 'node:path';
import { INTERRUPTED_EVENT, stringList, type JournalEntry } from '../../journal';

/** What a stop cut short had journaled before the kill. */
interface StopCutShort {
  /** Its `ceremony.interrupted` entry (null: a failure's stop, which journals none). */
  readonly interruptedSeq: number | null;
  /**
   * The custodian folders its custody entry names as cleared (`folders`), whether it removed every
   * file (`custody.withdrawn`) or left some elsewhere (`custody.withdraw-failed`): their files are gone
   * by the stop, never "not in the folder, look for it".
   */
  readonly clearedFolders: readonly string[];
}

/** The ceremony's own stop entry: it journals the state and the keys wiped (the journal's handler journals neither). */
function isCeremonyStop(e: JournalEntry): boolean {
  return (
    e.event === INTERRUPTED_EVENT && typeof e.data['state'] === 'string' && typeof e.data['wipedKeys'] === 'number'
  );
}

/** A stop's custody entry names the folders it cleared (`folders`), each file it wrote there removed. */
function isStopCustodyEntry(e: JournalEntry): boolean {
  return (e.event === 'custody.withdrawn' || e.event === 'custody.withdraw-failed') && Array.isArray(e.data['folders']);
}

/**
 * The folders `entry` names cleared, but none it names left or moved itself, nor one a file left or
 * moved is in: a build of 2026-12-07, before withdraw-custody.ts counted a moved folder's files as not
 * removed, named a folder moved whole (every file of it inside) cleared too.
 */
function clearedBy(entry: JournalEntry): string[] {
  const stays = [...stringList(entry.data['leftFiles']), ...stringList(entry.data['movedFiles'])];
  const clear = (folder: string) => !stays.some((f) => f === folder || path.dirname(f) === folder);
  return stringList(entry.data['folders']).filter(clear);
}

/**
 * What the stop of the unfinished `session` (its entries, none of a closing) journaled before it was
 * cut short, or null when it journaled nothing of a stop (a crash with no stop under way).
 */
export function stopCutShort(session: readonly JournalEntry[]): StopCutShort | null {
  const stopAt = session.findIndex(isCeremonyStop);
  // A failure's stop journals no interrupt: its withdrawals alone show it began.
  const stop = stopAt === -1 ? session : session.slice(stopAt);
  const bundle = stop.some((e) => e.event === 'wrapped-bundle.withdrawn');
  const entry = stop.find(isStopCustodyEntry);
  if (stopAt === -1 && !bundle && !entry) return null;
  return {
    interruptedSeq: stopAt === -1 ? null : (session[stopAt] as JournalEntry).seq,
    clearedFolders: entry ? clearedBy(entry) : [],
  };
}
