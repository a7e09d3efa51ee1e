/**
 * The number in an air-gapped receipt's name (a wrap's or a custody restore's, one rule),
 * `receipt-air-gapped-<ceremony>-session-<n>`, is picked in the preflight and again when the
 * receipt is written, from what the receipt folder holds then: a second journal of the same
 * ceremony (a restore, or a wrap in a new journal) often writes beside the first's receipts, and
 * two journals may share one receipt folder at the same time. A number the folder holds is skipped,
 * never refused; the receipt is created exclusively, and when another journal's receipt took the
 * number meanwhile the next free one is taken, so a finished session never ends without its receipt.
 */
import { readdir } from 'node:fs/promises';
import type { JournalEntry } from '../../journal';
import { receiptBaseName } from '../../receipt';
import { receiptSessionNumber } from './receipt-session';
import { writeUnderFreeNumber } from '../shared/free-number';

/** The session number for this journal's session `startedSeq`, past every number `folder` already holds for `ceremonyId`. */
export async function freeReceiptNumber(
  folder: string,
  ceremonyId: string,
  entries: readonly JournalEntry[],
  startedSeq: number,
): Promise<number> {
  const prefix = `${receiptBaseName({ side: 'air-gapped', ceremonyId })}-`;
  const names = await readdir(folder).catch(() => [] as string[]);
  return receiptSessionNumber(
    entries,
    startedSeq,
    names.filter((n) => n.startsWith(prefix)),
  );
}

/** The session whose receipt is numbered: its ceremony, its journal's entries and the entry that started it. */
interface NumberedSession {
  readonly ceremonyId: string;
  readonly entries: readonly JournalEntry[];
  readonly startedSeq: number;
}

/**
 * One session's receipt number (see above): its place among the journal's sessions once the
 * session started, then the first free one in the receipt folder at the preflight and at the write.
 */
export class SessionReceiptNumber {
  #n = 1;
  readonly #session: () => NumberedSession;

  constructor(session: () => NumberedSession) {
    this.#session = session;
  }

  get value(): number {
    return this.#n;
  }

  /** Once the session's start is journaled: its place among the journal's sessions. */
  fromJournal(): void {
    const { entries, startedSeq } = this.#session();
    this.#n = receiptSessionNumber(entries, startedSeq);
  }

  /** At the preflight: the first number past what `folder` holds. */
  async pickIn(folder: string): Promise<void> {
    this.#n = await this.#free(folder);
  }

  /** Runs `write` under the number free in `folder` (picked again when another receipt took it meanwhile). */
  writeUnder<T>(folder: string, write: () => Promise<T>): Promise<T> {
    return writeUnderFreeNumber(
      () => this.#free(folder),
      (n) => {
        this.#n = n;
        return write();
      },
    );
  }

  #free(folder: string): Promise<number> {
    const { ceremonyId, entries, startedSeq } = this.#session();
    return freeReceiptNumber(folder, ceremonyId, entries, startedSeq);
  }
}
