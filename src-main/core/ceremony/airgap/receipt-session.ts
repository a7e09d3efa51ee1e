/**
 * The session number in an air-gapped receipt's file name, `receipt-air-gapped-<ceremony>-session-<n>`:
 * the officer's count of the journal's air-gapped sessions (1, 2, 3 …, wrap and custody restore
 * alike: one naming rule for every air-gapped receipt), not a journal entry number.
 * Unique per session in one journal: a number a receipt this journal already wrote carries (an older
 * Keyferry named receipts after the session's journal entry number) is skipped. Receipts an older
 * Keyferry named otherwise (a restore's `-restore-<start time>`) keep their names and take no number.
 */
import path from 'node:path';
import { sealingEntries, type Journal, type JournalEntry } from '../../journal';
import type { ReceiptNumbering } from '../../receipt';

const SESSION_STARTED = 'ceremony.session-started';

/** The purpose a custody restore's session start journals (an air-gapped wrap's journals none). */
export const RESTORE_PURPOSE = 'custody-restore' as const;

/** Whether the data of an air-gapped session start is a custody restore's. */
export function isRestoreStart(data: Readonly<Record<string, unknown>> | undefined): boolean {
  return data?.['purpose'] === RESTORE_PURPOSE;
}

/** True for the entry that starts an air-gapped session (a wrap or a custody restore): sessions are counted by it. */
export function startsAirGappedSession(entry: JournalEntry): boolean {
  return entry.event === SESSION_STARTED && entry.data['side'] === 'air-gapped';
}
/** A receipt file's session number, voided ones included (void-receipt.ts): a voided receipt's number is never reused. */
const SESSION_NAME = /-session-(\d+)\.(?:html|txt)(?:\.\d+)?(?:\.void)?$/;

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
  // A receipt's name journaled, written or voided (one printed and never journaled, voided by the
  // next session: its number is taken though no receipt.written names it).
  for (const e of entries) {
    if (e.event !== 'receipt.written' && e.event !== 'receipt.voided') continue;
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

/**
 * What the receipt of session `startedSeq` says of its number `number`: the journal it counts, the
 * numbers of the receipts the journal's earlier sessions wrote (a voided one left out: it is not to
 * be signed) and the numbers of the earlier sessions that ended without one (each as its receipt
 * would have been numbered), so an officer holding receipts 1 and 3 reads why there is no 2.
 */
export function receiptNumbering(journal: Journal, startedSeq: number, number: number): ReceiptNumbering {
  const entries = journal.entries;
  const starts = entries.filter((e) => startsAirGappedSession(e) && e.seq < startedSeq);
  const earlierReceipts: number[] = [];
  const withoutReceipt: number[] = [];
  // A voided receipt is not one to sign (journal/deviations.ts sealingEntries: the one rule).
  const sealing = sealingEntries(entries);
  for (const [i, start] of starts.entries()) {
    const end = starts[i + 1]?.seq ?? startedSeq;
    const session = entries.filter((e) => e.seq > start.seq && e.seq < end);
    const receipts = session.filter((e) => e.event === 'receipt.written' && sealing.has(e.seq));
    if (receipts.length === 0)
      withoutReceipt.push(
        receiptSessionNumber(
          entries.filter((e) => e.seq <= start.seq),
          start.seq,
        ),
      );
    for (const e of receipts) {
      const match = typeof e.data['htmlFile'] === 'string' ? SESSION_NAME.exec(e.data['htmlFile']) : null;
      if (match) earlierReceipts.push(Number(match[1]));
    }
  }
  return { number, journalFile: path.basename(journal.path), earlierReceipts, withoutReceipt };
}
