/**
 * An online session that ended with imports sent and no answer to them recorded: its journal holds
 * a `key.import-sending` with neither the key's `key.imported` nor a failure of that import after it.
 * A process killed after sending, a power cut, or a journal whose medium filled (the KMS answered,
 * the journal could not record it) all end a session so, and the journal does not say which. It
 * cannot be written when it happens (the journal may be the thing that failed), so the next session
 * derives it from what the journal does hold and journals it first
 * (`ceremony.session-unrecorded`, a deviation every later receipt lists), saying only that.
 */
import { phraseOf } from '../../../i18n/phrase';
import type { JournalAppend, JournalEntry } from '../../journal';
import { ONLINE_EVENTS } from './events';

/** Who opens an online session: the ceremony's start, then each later command's session entry. */
function startsOnlineSession(entry: JournalEntry): boolean {
  return entry.event === ONLINE_EVENTS.started || entry.event === ONLINE_EVENTS.session;
}

/** The key an entry names, when it names one as a string. */
function keyIdOf(entry: JournalEntry): string | undefined {
  const keyId = entry.data.keyId;
  return typeof keyId === 'string' ? keyId : undefined;
}

/**
 * The entry a new session writes first when the journal's last session sent imports it recorded no
 * answer to (undefined: it recorded one for each, or sent none): that session's number and first
 * entry, how many entries it holds, and the keys.
 */
export function unrecordedSessionEntry(entries: readonly JournalEntry[], operator: string): JournalAppend | undefined {
  const start = entries.findLastIndex(startsOnlineSession);
  if (start === -1) return undefined;
  const session = entries.slice(start);
  const unanswered = new Set<string>();
  for (const entry of session) {
    const keyId = keyIdOf(entry);
    if (keyId === undefined) continue;
    if (entry.event === ONLINE_EVENTS.importSending) unanswered.add(keyId);
    else if (entry.event === ONLINE_EVENTS.imported) unanswered.delete(keyId);
    // Any failure of that import recorded (a refusal, or its answer lost in transit) is an outcome on record.
    else if (entry.event === ONLINE_EVENTS.stepFailed && entry.data.step === 'import-key-material')
      unanswered.delete(keyId);
  }
  if (unanswered.size === 0) return undefined;
  const keyIds = [...unanswered];
  const reason = phraseOf('journal.reason.sent-unrecorded', {
    session: entries.filter(startsOnlineSession).length,
    from: (session[0] as JournalEntry).seq,
    to: (session.at(-1) as JournalEntry).seq,
    count: keyIds.length,
  });
  return { actor: operator, event: ONLINE_EVENTS.sessionUnrecorded, data: { reasonPhrase: { ...reason }, keyIds } };
}
