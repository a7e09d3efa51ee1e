/**
 * An online session that ended with requests sent and no answer to them recorded: its journal holds
 * a `key.import-sending` with neither the key's `key.imported` nor a failure of that import after
 * it, or a `key.create-sending` with neither that alias's `key.created` nor a failure of that create
 * naming the alias. A process killed after sending, a power cut, or a journal whose medium filled
 * (the KMS answered, the journal could not record it) all end a session so, and the journal does not
 * say which. It cannot be written when it happens (the journal may be the thing that failed), so the
 * next session derives it from what the journal does hold and journals it first
 * (`ceremony.session-unrecorded`, a deviation every later receipt lists), saying only that.
 *
 * Every session is looked at, not only the last one: a send no trace names yet is traced, whichever
 * session sent it (one entry per session, and per kind: imports, creates). A journal whose later
 * sessions were opened by a Keyferry that did not trace such a send (an older build; creates before
 * 2026-12-04) holds sends the session after them never looked at.
 */
import { phraseOf } from '../../../i18n/phrase';
import { INTERRUPTED_EVENT, type JournalAppend, type JournalEntry } from '../../journal';
import { ONLINE_EVENTS, createPlaceData, keyCreatedData, sessionUnrecordedData, stepFailedData } from './events';
import { createTarget } from './planned-keys';

/** Entries by which a session records its own stop (the CLI's Ctrl-C; the app's leave or close). */
const STOP_EVENTS: ReadonlySet<string> = new Set([INTERRUPTED_EVENT, 'ceremony.abandoned']);

/**
 * How the session with unanswered sends ended, in words: stopped on record after the sends (the stop's
 * entry named), or ended with no word of how (a kill, a crash, a power cut, a journal that failed).
 */
function endedPhrase(
  kind: 'imports' | 'creates',
  stop: JournalEntry | undefined,
  values: { session: number; from: number; to: number; count: number },
) {
  if (stop !== undefined) {
    const stopped = { ...values, stop: stop.seq };
    return kind === 'imports'
      ? { ...phraseOf('journal.reason.sent-stopped', stopped) }
      : { ...phraseOf('journal.reason.sent-stopped-creates', stopped) };
  }
  return kind === 'imports'
    ? { ...phraseOf('journal.reason.sent-unrecorded', values) }
    : { ...phraseOf('journal.reason.sent-unrecorded-creates', values) };
}

/** Who opens an online session: the ceremony's start, then each later command's session entry. */
function startsOnlineSession(entry: JournalEntry): boolean {
  return entry.event === ONLINE_EVENTS.started || entry.event === ONLINE_EVENTS.session;
}

/** The key an entry names, when it names one as a string. */
function keyIdOf(entry: JournalEntry): string | undefined {
  const keyId = entry.data.keyId;
  return typeof keyId === 'string' ? keyId : undefined;
}

/** The create an entry answers (key.created, or a failed create naming its alias), by createTarget. */
export function createAnswered(entry: JournalEntry): string | undefined {
  if (entry.event === ONLINE_EVENTS.keyCreated) {
    const created = keyCreatedData.safeParse(entry.data);
    if (!created.success) return undefined;
    const { alias, replicaOf, region, projectId } = created.data;
    return createTarget(alias, replicaOf === undefined ? {} : { region, projectId });
  }
  if (entry.event !== ONLINE_EVENTS.stepFailed || stepFailedData.safeParse(entry.data).data?.step !== 'create-key')
    return undefined;
  // A refusal before anything was sent names no alias (nor does a failure journaled before 2026-12-04).
  const named = createPlaceData.safeParse(entry.data);
  return named.success ? createTarget(named.data.alias, named.data) : undefined;
}

/** Every send the journal holds with no answer and no trace after it: imports by key id, creates by createTarget. */
function untracedSends(entries: readonly JournalEntry[]) {
  const imports = new Map<string, JournalEntry>();
  const creates = new Map<string, JournalEntry>();
  for (const entry of entries) {
    const keyId = keyIdOf(entry);
    if (entry.event === ONLINE_EVENTS.importSending && keyId !== undefined) imports.set(keyId, entry);
    else if (entry.event === ONLINE_EVENTS.imported && keyId !== undefined) imports.delete(keyId);
    // Any failure of that import recorded (a refusal, or its answer lost in transit) is an outcome on record.
    else if (entry.event === ONLINE_EVENTS.stepFailed && entry.data.step === 'import-key-material' && keyId)
      imports.delete(keyId);
    else if (entry.event === ONLINE_EVENTS.createSending) {
      const sent = createPlaceData.safeParse(entry.data);
      if (sent.success) creates.set(createTarget(sent.data.alias, sent.data), entry);
    } else if (entry.event === ONLINE_EVENTS.sessionUnrecorded) {
      const trace = sessionUnrecordedData.safeParse(entry.data);
      if (!trace.success) continue;
      for (const traced of trace.data.keyIds) imports.delete(traced);
      for (const traced of trace.data.creates ?? []) creates.delete(createTarget(traced.alias, traced));
    }
    const answered = createAnswered(entry);
    if (answered !== undefined) creates.delete(answered);
  }
  return { imports: [...imports.values()], creates: [...creates.values()] };
}

/**
 * The entries a new session writes first when the journal holds sends with no answer recorded that
 * no earlier trace names (none: every send has its answer, or was traced): per session that sent
 * them, and per kind, that session's number and entries, and the keys (imports) or the creates
 * (alias, place, and the entry of each send).
 */
export function unrecordedSessionEntries(entries: readonly JournalEntry[], operator: string): JournalAppend[] {
  const { imports, creates } = untracedSends(entries);
  const starts = entries.filter(startsOnlineSession);
  const sessionOf = (sent: JournalEntry) => starts.findLastIndex((s) => s.seq <= sent.seq);
  const sessions = [...new Set([...imports, ...creates].map(sessionOf))].sort((a, b) => a - b);
  return sessions.flatMap((index) => {
    const from = (starts[index] as JournalEntry).seq;
    const to = (starts[index + 1]?.seq ?? (entries.at(-1) as JournalEntry).seq + 1) - 1;
    const where = { session: index + 1, from, to };
    // A session stopped on record (Ctrl-C, the app's leave) after its last unanswered send: the journal says how it ended.
    const lastSent = Math.max(...[...imports, ...creates].filter((e) => sessionOf(e) === index).map((e) => e.seq));
    const stop = entries.find((e) => e.seq > lastSent && e.seq <= to && STOP_EVENTS.has(e.event));
    const keyIds = imports.filter((e) => sessionOf(e) === index).map((e) => keyIdOf(e) as string);
    const sent = creates
      .filter((e) => sessionOf(e) === index)
      .map((e) => ({ ...createPlaceData.parse(e.data), seq: e.seq }));
    const trace = (data: JournalAppend['data']): JournalAppend => ({
      actor: operator,
      event: ONLINE_EVENTS.sessionUnrecorded,
      data,
    });
    return [
      ...(keyIds.length > 0
        ? [
            trace({
              reasonPhrase: endedPhrase('imports', stop, { ...where, count: keyIds.length }),
              keyIds,
            }),
          ]
        : []),
      ...(sent.length > 0
        ? [
            trace({
              reasonPhrase: endedPhrase('creates', stop, { ...where, count: sent.length }),
              keyIds: [],
              creates: sent,
            }),
          ]
        : []),
    ];
  });
}
