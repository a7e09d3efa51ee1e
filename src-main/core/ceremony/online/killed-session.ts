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
import { z } from 'zod';
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
  const said = { session, from, to, pid };
  const reached = importReached(entries.filter((e) => e.seq >= from));
  return [
    {
      actor: operator,
      event: ONLINE_EVENTS.sessionUnrecorded,
      data: {
        reasonPhrase: reached
          ? { ...phraseOf('journal.reason.session-killed-import', { ...said, ...reached }) }
          : { ...phraseOf('journal.reason.session-killed', said) },
        keyIds: [],
      },
    },
  ];
}

/** The keys a `wrapped-bundle.checked` entry names (all that is read of it here). */
const checkedKeys = z.object({ keys: z.array(z.object({ keyId: z.string() })) });

/**
 * How far the killed session's import went, as its own entries show it (`session`): the wrapped
 * bundle it checked last (that check's entry), how many of that bundle's keys it journaled imported
 * since, and of how many; with every one imported, what it journaled after (`left`): the proof of
 * some keys only ('partly'), of every key ('receipt': only the receipt left), or the receipt too
 * ('nothing'); 'proof' when no key was proven. Undefined when it checked no bundle or journaled no
 * import after the check (then only "whatever it was doing is unfinished" is known). A trial's
 * deviation said "whatever it was doing … is unfinished" for a session killed after every import,
 * when only the proof was left; a later one said the proof was left for a session killed after it
 * had journaled every key's proof.
 */
function importReached(session: readonly JournalEntry[]):
  | {
      checkSeq: number;
      imported: number;
      count: number;
      done: 'all' | 'some';
      left: 'import' | 'proof' | 'partly' | 'receipt' | 'nothing';
    }
  | undefined {
  const check = session.findLast((e) => e.event === ONLINE_EVENTS.wrappedChecked);
  const keyIds = check && checkedKeys.safeParse(check.data).data?.keys.map((k) => k.keyId);
  if (!check || !keyIds || keyIds.length === 0) return undefined;
  // Each key's import after the check (the last), and its proof after that import.
  const importedAt = new Map<string, number>();
  for (const e of session)
    if (e.seq > check.seq && e.event === ONLINE_EVENTS.imported) importedAt.set(String(e.data.keyId), e.seq);
  const proven = new Set(
    session
      .filter((e) => e.event === ONLINE_EVENTS.verified && (importedAt.get(String(e.data.keyId)) ?? Infinity) < e.seq)
      .map((e) => String(e.data.keyId)),
  );
  const done = keyIds.filter((keyId) => importedAt.has(keyId)).length;
  if (done === 0) return undefined;
  const reached = { checkSeq: check.seq, imported: done, count: keyIds.length };
  if (done < keyIds.length) return { ...reached, done: 'some', left: 'import' };
  const provenCount = keyIds.filter((keyId) => proven.has(keyId)).length;
  const lastProof = Math.max(...session.filter((e) => e.event === ONLINE_EVENTS.verified).map((e) => e.seq));
  const receipt = session.some((e) => e.event === ONLINE_EVENTS.receiptWritten && e.seq > lastProof);
  const left = provenCount === 0 ? 'proof' : provenCount < keyIds.length ? 'partly' : receipt ? 'nothing' : 'receipt';
  return { ...reached, done: 'all', left };
}
