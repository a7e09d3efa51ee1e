/**
 * The receipt a crashed session printed but never journaled. The receipt's files are written before
 * `receipt.written`; a trial killed `airgap wrap` right after its HTML receipt: the next run withdrew
 * the bundle and the custody shares, said no receipt names the bundle, and left that receipt in the
 * folder, naming a wrapped digest and a custody set, ready to sign. Such files are found by what they
 * print: this ceremony's receipt name, recorded by no `receipt.written`, sealed with the journal head
 * the session ended at (the head a receipt prints is the last entry before its own). They are voided
 * as a receipt whose bundle never completed is (void-receipt.ts): renamed NAME.void, journaled.
 */
import type { Journal, JournalEntry } from '../../journal';
import { ceremonyIdPattern, voidUnrecordedReceipts } from '../shared/void-receipt';

/**
 * The names of this ceremony's air-gapped receipt files (another ceremony's id may begin with this
 * one's); the name without its extension is the first group, the extension the second.
 */
export function receiptNamePattern(ceremonyId: string): RegExp {
  const id = ceremonyIdPattern(ceremonyId);
  return new RegExp(`^(receipt-(?:air-gapped|custody-restore)-${id}[-.].*)\\.(html|txt)$`);
}

/**
 * Voids (journaled `receipt.voided`) the receipt files in `folder` that the crashed session whose
 * entries end the journal printed and never journaled; returns the names voided.
 */
export async function voidCrashedSessionReceipt(
  journal: Journal,
  operator: string,
  session: { readonly entries: readonly JournalEntry[]; readonly ceremonyId: string | null },
  folder: string | undefined,
): Promise<string[]> {
  const last = session.entries.at(-1);
  if (folder === undefined || session.ceremonyId === null || !last) return [];
  return voidUnrecordedReceipts(folder, journal, operator, {
    pattern: receiptNamePattern(session.ceremonyId),
    heads: [last.hash],
  });
}
