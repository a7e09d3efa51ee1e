/**
 * The officer's word for a wrapped bundle of another air-gapped journal than the ceremony's, or of
 * none (wrapped-bundle-makers.ts): which refusals it overcomes, how it is given, when it counts.
 */

/** An air-gapped journal a wrap of this ceremony came from, as the online journal recorded it at entry `seq`. */
export interface AirGapJournalRecord {
  readonly seq: number;
  readonly file: string;
  readonly firstEntrySha256: string;
}

/** The refusals of checkBundleMakers the officer's word overcomes (journaled as an override then). */
export const OFFICERS_WORD_REFUSALS = ['WRAPPED_OTHER_AIRGAP_JOURNAL', 'WRAPPED_MADE_BY_MISSING'] as const;

/**
 * The officer's word: given on the command line (`true`, --accept-other-airgap-journal, with the
 * bundle named on that line), or typed on the app's screen as the file name of the ceremony's
 * journal it leaves (it counts only when it is that name), for the bundle the refusal named
 * (`refusedBundleSha256`, the refusal's value of that name: the screen's fields may have changed since;
 * wrapped-bundle-makers.ts refuses the word for another bundle). Renderer-safe: imports nothing.
 */
export type OfficersWord = true | { readonly typedCeremonyJournal: string; readonly refusedBundleSha256: string };

/** Whether `word` accepts leaving the ceremony's journal `ceremony` (see OfficersWord). */
export function officerAccepts(word: OfficersWord | undefined, ceremony: AirGapJournalRecord | undefined): boolean {
  if (word === undefined) return false;
  return word === true || (ceremony !== undefined && word.typedCeremonyJournal.trim() === ceremony.file);
}
