/**
 * The `ceremony.session-unrecorded` entries a session journaled when it opened (unrecorded-session.ts),
 * read back for what each surface says about them as the session starts: the command line prints a
 * line per trace, the app shows them on its connection step. Read from the journal: what is said is
 * what is recorded.
 */
import type { Phrase } from '../../../i18n/phrase';
import type { JournalEntry } from '../../journal';
import { ONLINE_EVENTS, sessionUnrecordedData } from './events';

/** One trace: its entry, why (a phrase), and the keys (imports) or the creates (alias, a replica's region, the send's entry). */
interface UnrecordedTrace {
  readonly seq: number;
  readonly reason: Phrase;
  readonly keyIds: readonly string[];
  readonly creates: readonly { readonly alias: string; readonly region?: string; readonly seq: number }[];
}

/** Every `ceremony.session-unrecorded` from entry `fromSeq` on, in journal order. */
export function unrecordedTracesFrom(entries: readonly JournalEntry[], fromSeq: number): UnrecordedTrace[] {
  return entries.flatMap((e) => {
    if (e.seq < fromSeq || e.event !== ONLINE_EVENTS.sessionUnrecorded) return [];
    const data = sessionUnrecordedData.safeParse(e.data);
    if (!data.success) return [];
    const creates = (data.data.creates ?? []).map((c) => ({
      alias: c.alias,
      ...(c.region !== undefined ? { region: c.region } : {}),
      seq: c.seq,
    }));
    return [{ seq: e.seq, reason: data.data.reasonPhrase, keyIds: data.data.keyIds, creates }];
  });
}
