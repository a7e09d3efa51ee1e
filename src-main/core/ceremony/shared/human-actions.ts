/**
 * The people's work in a ceremony, counted from its journals (what was done, not a model of it):
 *  - values read aloud: each distinct value witnesses confirmed (the import-parameters bundle
 *    digest, or a console file's wrapping-key fingerprint), read once from the online workstation
 *    for all witnesses;
 *  - values typed: every confirmation a witness typed (`witness.confirmed`; a rehearsal's count the
 *    same, as a real ceremony's witnesses would type them; `fingerprint.confirmed` in older
 *    journals), and every bundle digest typed from the air-gapped receipt at the online import
 *    (`wrapped-bundle.checked`);
 *  - slips printed and signed: every receipt (`receipt.written`) and every custody slip (one per
 *    custodian per `custody.split`);
 *  - media swaps: the parameters bundle carried to the air gap (`parameters.read`), the wrapped
 *    bundle carried back (`wrapped-bundle.checked`), and each custodian's media (`custody.split`).
 * A ceremony's cost in people's time should not grow with its number of keys.
 */
import type { JournalEntry } from '../../journal/entry';

export interface HumanActions {
  readonly readAloud: number;
  readonly typed: number;
  readonly slipsPrintedAndSigned: number;
  readonly mediaSwaps: number;
  readonly total: number;
}

/** Counts the human actions the journals of one ceremony (both sides) record. */
export function countHumanActions(journals: readonly (readonly JournalEntry[])[]): HumanActions {
  const entries = journals.flat();
  const of = (event: string) => entries.filter((e) => e.event === event);
  const confirmed = [...of('witness.confirmed'), ...of('fingerprint.confirmed')];
  const compared = new Set(
    confirmed.map((e) => String(e.data.digest ?? e.data.wrappingKeyFingerprint ?? e.data.fingerprint ?? '')),
  );
  const custodians = of('custody.split').reduce(
    (n, e) => n + (Array.isArray(e.data.holders) ? e.data.holders.length : 0),
    0,
  );
  const digestsTyped = of('wrapped-bundle.checked').length;
  const readAloud = compared.size;
  const typed = confirmed.length + digestsTyped;
  const slipsPrintedAndSigned = of('receipt.written').length + custodians;
  const mediaSwaps = of('parameters.read').length + digestsTyped + custodians;
  return {
    readAloud,
    typed,
    slipsPrintedAndSigned,
    mediaSwaps,
    total: readAloud + typed + slipsPrintedAndSigned + mediaSwaps,
  };
}
