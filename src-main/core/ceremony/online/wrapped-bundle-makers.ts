/**
 * Who made a wrapped-material bundle on the air-gapped side (its manifest's `madeBy`, format
 * version 3, under the digest typed at import), checked against the online journal before
 * anything reaches the KMS:
 * - a wrap's operator and witnesses must be the online journal's (the operator exactly, the
 *   witnesses in any order; WRAPPED_PEOPLE_DIFFER_FROM_JOURNAL). A custody restore may be run
 *   years later by other people and is not refused for them (its receipt names them);
 * - a wrap made in another air-gapped journal than the one an earlier bundle of this ceremony came
 *   from (checked, or refused for its lapsed tokens, in this online journal) is refused
 *   (WRAPPED_OTHER_AIRGAP_JOURNAL) unless the officer accepts it explicitly (journaled as an
 *   override): a new journal does not see the earlier wrap, so its wrap-again question and its
 *   custody set were skipped. Not for a bundle whose every key the KMS already bound to material
 *   (imported before): the KMS takes only that same material again, whichever journal wrapped it
 *   (a restore, or the original material file wrapped anew).
 * Bundles written before `madeBy` existed name nobody and are not checked.
 */
import { z } from 'zod';
import type { WrappedMadeBy } from '../../bundle';
import { KeyferryError } from '../../errors';
import type { JournalEntry } from '../../journal';
import { listValue } from '../../../i18n/list';
import { journalIdentity } from '../../../i18n/made-by-line';
import { peopleDifference, sortedNames } from '../shared/people-difference';
import { ONLINE_EVENTS } from './events';

/** An air-gapped journal a wrap of this ceremony came from, as the online journal recorded it at entry `seq`. */
export interface AirGapJournalRecord {
  readonly seq: number;
  readonly file: string;
  readonly firstEntrySha256: string;
}

/** The part of a journaled `madeBy` this check reads (the journal is read back, so it is checked). */
const journaledMadeBy = z.object({
  purpose: z.string(),
  journalFile: z.string().min(1),
  journalFirstEntrySha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/**
 * The air-gapped journal a wrap came from, when `entry` of the online journal vouches for one: a
 * bundle checked, or refused only because its import tokens had lapsed (a wrap that was real).
 */
export function airGapJournalNamedBy(entry: JournalEntry): AirGapJournalRecord | undefined {
  const vouches =
    entry.event === ONLINE_EVENTS.wrappedChecked ||
    (entry.event === ONLINE_EVENTS.wrappedRefused && entry.data.code === 'IMPORT_TOKEN_EXPIRED');
  if (!vouches) return undefined;
  const made = journaledMadeBy.safeParse(entry.data.madeBy);
  if (!made.success || made.data.purpose !== 'wrap') return undefined;
  return { seq: entry.seq, file: made.data.journalFile, firstEntrySha256: made.data.journalFirstEntrySha256 };
}

/** What the online side knows of the ceremony when a bundle arrives. */
interface OnlineFacts {
  readonly operator: string;
  readonly witnesses: readonly string[];
  /** The air-gapped journal the last earlier wrap came from (airGapJournalNamedBy), if any. */
  readonly airGapJournal?: AirGapJournalRecord | undefined;
  /** The ceremony's keys: one with `firstImport` is bound to the material first imported into it. */
  readonly keys: ReadonlyMap<string, { readonly firstImport?: unknown }>;
}

/**
 * Checks `madeBy` of a bundle of the keys `keyIds` against `online` (see the module comment).
 * Returns what the override journals when another air-gapped journal is accepted
 * (`acceptOtherJournal`), else undefined.
 */
export function checkBundleMakers(
  online: OnlineFacts,
  madeBy: WrappedMadeBy | undefined,
  keyIds: readonly string[],
  acceptOtherJournal: boolean,
): Record<string, string | number> | undefined {
  if (!madeBy || madeBy.purpose !== 'wrap') return undefined;
  const difference = peopleDifference(online, madeBy);
  if (difference) {
    throw new KeyferryError('WRAPPED_PEOPLE_DIFFER_FROM_JOURNAL', {
      role: difference.role,
      journalOperator: online.operator.trim(),
      journalWitnessList: listValue(sortedNames(online.witnesses)),
      madeOperator: madeBy.operator,
      madeWitnessList: listValue(sortedNames(madeBy.witnesses)),
      airGapJournal: madeBy.journalFile,
    });
  }
  const earlier = online.airGapJournal;
  if (!earlier || earlier.firstEntrySha256 === madeBy.journalFirstEntrySha256) return undefined;
  if (keyIds.every((id) => online.keys.get(id)?.firstImport !== undefined)) return undefined;
  const facts = {
    airGapJournal: madeBy.journalFile,
    airGapJournalFirstEntry: journalIdentity(madeBy.journalFirstEntrySha256),
    earlierAirGapJournal: earlier.file,
    earlierAirGapJournalFirstEntry: journalIdentity(earlier.firstEntrySha256),
    earlierSeq: earlier.seq,
  };
  if (!acceptOtherJournal) throw new KeyferryError('WRAPPED_OTHER_AIRGAP_JOURNAL', facts);
  return facts;
}
