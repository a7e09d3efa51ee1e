/**
 * The KMS calls a journal records as retried (`kms.retried`, online/step-context.ts journals one per
 * retry, before its wait): how many, how many the API gateway throttled, and how long they waited.
 * The online receipt's "KMS calls retried" row and the terminal's throttling line read them here.
 */
import type { JournalEntry } from '../../journal';

/** The event of one retried KMS call: online/events.ts `ONLINE_EVENTS.kmsRetried` (shared code does not import online; a test holds them equal). */
const KMS_RETRIED_EVENT = 'kms.retried';

interface KmsRetries {
  readonly count: number;
  readonly throttled: number;
  /** The waits of the throttled ones, in milliseconds. */
  readonly throttledWaitMs: number;
}

/** The retries `entries` record from entry `fromSeq` on (default: all). */
export function kmsRetriesIn(entries: readonly JournalEntry[], fromSeq = 0): KmsRetries {
  const retried = entries.filter((e) => e.seq >= fromSeq && e.event === KMS_RETRIED_EVENT);
  const throttled = retried.filter((e) => e.data.throttled === true);
  const throttledWaitMs = throttled.reduce(
    (ms, e) => ms + (typeof e.data.delayMs === 'number' ? e.data.delayMs : 0),
    0,
  );
  return { count: retried.length, throttled: throttled.length, throttledWaitMs };
}
