/**
 * The session number in an air-gapped receipt's file name, `receipt-air-gapped-<ceremony>-session-<n>`:
 * the officer's count of the journal's air-gapped sessions (1, 2, 3 …, wrap and custody restore
 * alike: one naming rule for every air-gapped receipt), not a journal entry number.
 * Unique per session in one journal: a number a receipt this journal already wrote carries (an older
 * Keyferry named receipts after the session's journal entry number) is skipped. Receipts an older
 * Keyferry named otherwise (a restore's `-restore-<start time>`) keep their names and take no number.
 */
import type { JournalEntry } from '../../journal';

const SESSION_STARTED = 'ceremony.session-started';

/** True for the entry that starts an air-gapped session (a wrap or a custody restore): sessions are counted by it. */
export function startsAirGappedSession(entry: JournalEntry): boolean {
  return entry.event === SESSION_STARTED && entry.data['side'] === 'air-gapped';
}
const SESSION_NAME = /-session-(\d+)\.(?:html|txt)$/;

/**
 * The number of the air-gapped session (wrap or custody restore) that `startedSeq` opened, counted in
 * `entries`; `namesInFolder` (the receipt folder's file names of this ceremony, when a session writes
 * into a folder another journal's receipts share, as a restore beside its ceremony's wrap does) are
 * taken too, so the media never hold two receipts of one ceremony under one number.
 */
export function receiptSessionNumber(
  entries: readonly JournalEntry[],
  startedSeq: number,
  namesInFolder: readonly string[] = [],
): number {
  const count = entries.filter((e) => startsAirGappedSession(e) && e.seq <= startedSeq).length;
  const taken = new Set<number>();
  for (const e of entries) {
    if (e.event !== 'receipt.written') continue;
    for (const file of [e.data['htmlFile'], e.data['textFile']]) {
      const match = typeof file === 'string' ? SESSION_NAME.exec(file) : null;
      if (match) taken.add(Number(match[1]));
    }
  }
  for (const name of namesInFolder) {
    const match = SESSION_NAME.exec(name);
    if (match) taken.add(Number(match[1]));
  }
  let n = Math.max(count, 1);
  while (taken.has(n)) n += 1;
  return n;
}
