/**
 * The number in a restore receipt's name, `receipt-air-gapped-<ceremony>-session-<n>`, is picked
 * when the receipt is written, from what the receipt folder holds then: a restore journal of its
 * own often writes beside its ceremony's wrap receipt or another restore's, and two restores
 * (two journals) may share one receipt folder at the same time. The receipt is created
 * exclusively; when another journal's receipt took the number meanwhile, the next free number is
 * taken, so a finished restore (material already wrapped) never ends without its receipt.
 */
import { readdir } from 'node:fs/promises';
import type { JournalEntry } from '../../journal';
import { KeyferryError } from '../../errors';
import { receiptBaseName } from '../../receipt';
import { receiptSessionNumber } from '../airgap/receipt-session';

/** How often a taken name is retried before the failure is reported (each try re-reads the folder). */
const ATTEMPTS = 20;

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

/** True when a write failed only because the file name exists (another receipt took it). */
function nameTaken(error: unknown): boolean {
  return error instanceof KeyferryError && error.code === 'WRITE_FAILED' && error.values?.['errno'] === 'EEXIST';
}

/**
 * Writes with the number `pick` finds free; when the exclusive create finds the name taken (another
 * journal's receipt written since), picks again and retries.
 */
export async function writeUnderFreeNumber<T>(
  pick: () => Promise<number>,
  write: (n: number) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const n = await pick();
    try {
      return await write(n);
    } catch (error) {
      if (!nameTaken(error) || attempt >= ATTEMPTS) throw error;
    }
  }
}
