/**
 * A create run again after a send of it whose answer the journal never recorded (the process killed
 * or the power cut after key.create-sending, or a journal that could not record the answer): the
 * key found under its alias is journaled as that send's key, and a key not there is created again as
 * a retry of that send, each naming the send's entry and that of the `ceremony.session-unrecorded`
 * a later session journaled for it (unrecorded-session.ts), so the journal ties the two together.
 */
import type { JournalEntry, JsonObject } from '../../journal';
import { ONLINE_EVENTS, createPlaceData, sessionUnrecordedData } from './events';
import { createTarget } from './planned-keys';
import { createAnswered } from './unrecorded-session';

/** An unanswered send of a create: its entry, and the entry of the trace that named it (absent: none did yet). */
type UnrecordedCreate = { readonly seq: number; readonly unrecordedSeq?: number };

/**
 * The last send of a create to `target` (createTarget) with neither its key.created nor a failure of
 * it naming the alias after it: its entry, and the entry of the trace that named it (absent: none
 * did yet). Undefined when no such send is on record. Read before this attempt's own entries.
 */
export function unrecordedCreateOf(entries: readonly JournalEntry[], target: string): UnrecordedCreate | undefined {
  const sending = entries.findLast((e) => {
    if (e.event !== ONLINE_EVENTS.createSending) return false;
    const place = createPlaceData.safeParse(e.data);
    return place.success && createTarget(place.data.alias, place.data) === target;
  });
  if (!sending) return undefined;
  const after = entries.filter((e) => e.seq > sending.seq);
  if (after.some((e) => createAnswered(e) === target)) return undefined;
  const trace = after.find((e) =>
    sessionUnrecordedData.safeParse(e.data).data?.creates?.some((c) => c.seq === sending.seq),
  );
  return { seq: sending.seq, ...(trace ? { unrecordedSeq: trace.seq } : {}) };
}

/** What a create sent again after `unanswered` (none: a first send) journals with its key.create-sending. */
export function createRetryData(unanswered: UnrecordedCreate | undefined): JsonObject {
  if (!unanswered) return {};
  const { seq, unrecordedSeq } = unanswered;
  return { retryOfSeq: seq, ...(unrecordedSeq !== undefined ? { unrecordedSeq } : {}) };
}
