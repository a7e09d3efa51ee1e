/**
 * An online receipt written and never journaled: a run stopped (Ctrl-C, a kill, a power cut) between
 * writing the receipt's files and `receipt.written`. A trial's next run wrote the real receipt as
 * `…-2` and left the first under the plain name, ready to sign, its printed `journal verify` check
 * failing. Before the next online receipt is written, this ceremony's receipt files in its folder that
 * no `receipt.written` of the journal records and that print the head a run of this journal ended at
 * are voided (renamed NAME.void, `receipt.voided`, listed on the new receipt), as the air-gapped side
 * voids a crashed session's receipt (airgap/crashed-session-receipt.ts).
 */
import { LATER_RUN_OPENED_BY, type Journal } from '../../journal';
import { ceremonyIdPattern, voidUnrecordedReceipts } from '../shared/void-receipt';

/** This ceremony's online receipt names: the base (without extension) and the extension. */
function onlineReceiptName(ceremonyId: string): RegExp {
  const id = ceremonyIdPattern(ceremonyId);
  return new RegExp(`^(receipt-online-${id}(?:-\\d+)?)\\.(html|txt)$`);
}

/** The heads a run of `journal` ended at: the entry before each later run's first entry, and the last. */
function runEndHeads(journal: Journal): string[] {
  const entries = journal.entries;
  const heads = entries.flatMap((e, i) => (LATER_RUN_OPENED_BY.has(entries[i + 1]?.event ?? '') ? [e.hash] : []));
  const last = entries.at(-1);
  return last ? [...heads, last.hash] : heads;
}

/** Voids (journaled) the receipts of ceremony `ceremonyId` in `folder` that `journal` printed and never journaled; returns the names voided. */
export async function voidUnjournaledOnlineReceipts(
  folder: string,
  journal: Journal,
  operator: string,
  ceremonyId: string,
): Promise<string[]> {
  return voidUnrecordedReceipts(folder, journal, operator, {
    pattern: onlineReceiptName(ceremonyId),
    heads: runEndHeads(journal),
  });
}
