/**
 * The session number in an air-gapped receipt's file name, `receipt-air-gapped-<ceremony>-session-<n>`:
 * the officer's count of the journal's air-gapped sessions (1, 2, 3 …), not a journal entry number.
 * Unique per session in one journal: a number a receipt this journal already wrote carries (an older
 * Keyferry named receipts after the session's journal entry number) is skipped.
 */
import type { JournalEntry } from '../../journal';

const SESSION_STARTED = 'ceremony.session-started';
const SESSION_NAME = /-session-(\d+)\.(?:html|txt)$/;

/**
 * The number of the air-gapped session that `startedSeq` opened, counted in `entries`. A custody
 * restore (a session with a `purpose`) names its receipt by its start time and is not counted.
 */
export function receiptSessionNumber(entries: readonly JournalEntry[], startedSeq: number): number {
  const count = entries.filter(
    (e) =>
      e.event === SESSION_STARTED &&
      e.data['side'] === 'air-gapped' &&
      e.data['purpose'] === undefined &&
      e.seq <= startedSeq,
  ).length;
  const taken = new Set<number>();
  for (const e of entries) {
    if (e.event !== 'receipt.written') continue;
    for (const file of [e.data['htmlFile'], e.data['textFile']]) {
      const match = typeof file === 'string' ? SESSION_NAME.exec(file) : null;
      if (match) taken.add(Number(match[1]));
    }
  }
  let n = Math.max(count, 1);
  while (taken.has(n)) n += 1;
  return n;
}
