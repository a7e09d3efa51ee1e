/**
 * Who made a wrapped-material bundle on the air-gapped side (its manifest's `madeBy`, format
 * version 3, under the digest typed at import), checked against the online journal before
 * anything reaches the KMS:
 * - a wrap's operator and witnesses must be the online journal's (the operator exactly, the
 *   witnesses in any order; WRAPPED_PEOPLE_DIFFER_FROM_JOURNAL). A custody restore may be run
 *   years later by other people and is not refused for them (its receipt names them);
 * - a wrap made in another air-gapped journal than the ceremony's (THE RULE below) is refused
 *   (WRAPPED_OTHER_AIRGAP_JOURNAL), and so is a bundle naming no journal at all (versions 1-2)
 *   once the ceremony has one (WRAPPED_MADE_BY_MISSING), unless the officer accepts it explicitly
 *   (journaled as an override): a new journal does not see the earlier wrap, so its wrap-again
 *   question and its custody set were skipped. Not for a bundle whose every key the KMS already
 *   bound to material (imported before): the KMS takes only that same material again, whichever
 *   journal wrapped it (a restore, or the original material file wrapped anew).
 * A ceremony that never took a bundle naming its journal (versions 1-2 only) is not checked.
 *
 * THE RULE: the ceremony's air-gapped journal (per ceremony, not per key: one journal holds the
 * wrap-again question and the custody set of every key of the ceremony)
 * - is set by the first wrap of the ceremony the online journal vouches for: a bundle checked, or
 *   refused only because its import tokens had lapsed (every other check had passed: a real wrap);
 * - stays while later wraps come from the same journal (the entry named moves forward);
 * - moves to another journal only by a wrap the online journal vouches for (as above) of the very
 *   bundle a journaled override (wrapped-bundle.other-journal-accepted) accepted: the override is
 *   journaled the moment the officer's word is used, before any later check can refuse, so the
 *   journal shows who accepted what even when that import fails, but the bundle refused for
 *   anything else after it leaves the journal where it was (the override stays on record as a
 *   deviation). The check's outcome following an override ends it; an override journaled before
 *   2026-12-02 (the accepted journal not named in full) counts the same way;
 * - never moves by a bundle that was not compared (every key already bound, a custody restore)
 *   nor by any other refusal.
 * The online journal is replayed through ceremonyAirGapJournal: the only place the rule lives.
 */
import { z } from 'zod';
import type { WrappedMadeBy } from '../../bundle';
import { KeyferryError } from '../../errors';
import type { JournalEntry } from '../../journal';
import { listValue } from '../../../i18n/list';
import { journalIdentity } from '../../../i18n/made-by-line';
import { peopleDifference, sortedNames } from '../shared/people-difference';
import { ONLINE_EVENTS, otherAirGapJournalAcceptedData } from './events';
import type { AirGapJournalRecord } from './officers-word';

/** The part of a journaled `madeBy` this check reads (the journal is read back, so it is checked). */
const journaledMadeBy = z.object({
  purpose: z.string(),
  journalFile: z.string().min(1),
  journalFirstEntrySha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** A wrap `entry` of the online journal vouches for: a bundle checked, or refused only because its import tokens had lapsed. */
function vouchedWrap(entry: JournalEntry): AirGapJournalRecord | undefined {
  const vouches =
    entry.event === ONLINE_EVENTS.wrappedChecked ||
    (entry.event === ONLINE_EVENTS.wrappedRefused && entry.data.code === 'IMPORT_TOKEN_EXPIRED');
  if (!vouches) return undefined;
  const made = journaledMadeBy.safeParse(entry.data.madeBy);
  if (!made.success || made.data.purpose !== 'wrap') return undefined;
  return { seq: entry.seq, file: made.data.journalFile, firstEntrySha256: made.data.journalFirstEntrySha256 };
}

/** The part of an override this rule reads (every override ever journaled has it). */
const acceptedBundle = z.object({ folder: z.string(), manifestSha256: z.string() });

/** THE RULE's place in the online journal: the ceremony's air-gapped journal, and the bundle an override accepted until its check's outcome. */
export interface AirGapJournalTrail {
  readonly journal?: AirGapJournalRecord | undefined;
  readonly accepted?: z.infer<typeof acceptedBundle> | undefined;
}

/** Whether the check's outcome `entry` is of the bundle `accepted` (a refusal names its folder only, journaled right after the override). */
function isAcceptedBundle(entry: JournalEntry, accepted: AirGapJournalTrail['accepted']): boolean {
  if (!accepted) return false;
  const { manifestSha256, folder } = entry.data;
  return typeof manifestSha256 === 'string' ? manifestSha256 === accepted.manifestSha256 : folder === accepted.folder;
}

/** THE RULE (module comment) after `entry`, `trail` before it. */
export function airGapJournalAfter(trail: AirGapJournalTrail, entry: JournalEntry): AirGapJournalTrail {
  if (entry.event === ONLINE_EVENTS.otherAirGapJournalAccepted) {
    const accepted = acceptedBundle.safeParse(entry.data);
    return { journal: trail.journal, accepted: accepted.success ? accepted.data : undefined };
  }
  if (entry.event !== ONLINE_EVENTS.wrappedChecked && entry.event !== ONLINE_EVENTS.wrappedRefused) return trail;
  const { journal } = trail;
  const wrap = vouchedWrap(entry);
  const moves =
    wrap !== undefined &&
    (!journal || journal.firstEntrySha256 === wrap.firstEntrySha256 || isAcceptedBundle(entry, trail.accepted));
  return { journal: moves ? wrap : journal };
}

/** The ceremony's air-gapped journal as the online journal's `entries` leave it (THE RULE), if any. */
export function ceremonyAirGapJournal(entries: readonly JournalEntry[]): AirGapJournalRecord | undefined {
  return entries.reduce<AirGapJournalTrail>(airGapJournalAfter, {}).journal;
}

/** What the online side knows of the ceremony when a bundle arrives. */
interface OnlineFacts {
  readonly operator: string;
  readonly witnesses: readonly string[];
  /** The ceremony's air-gapped journal (ceremonyAirGapJournal), if any. */
  readonly airGapJournal?: AirGapJournalRecord | undefined;
  /** The ceremony's keys: one with `firstImport` is bound to the material first imported into it. */
  readonly keys: ReadonlyMap<string, { readonly firstImport?: unknown }>;
}

/** What an override journals (otherAirGapJournalAcceptedData): the journal accepted, if the bundle named one, and the ceremony's. */
type OtherAirGapJournalOverride = Omit<z.infer<typeof otherAirGapJournalAcceptedData>, 'folder' | 'manifestSha256'>;

/**
 * Checks `madeBy` of a bundle of the keys `keyIds` against `online` (see the module comment).
 * Returns what the override journals when the officer's word (`acceptOtherJournal`) lets through a
 * bundle of another air-gapped journal, or of none, else undefined. The caller journals it at once.
 */
export function checkBundleMakers(
  online: OnlineFacts,
  madeBy: WrappedMadeBy | undefined,
  keyIds: readonly string[],
  acceptOtherJournal: boolean,
): OtherAirGapJournalOverride | undefined {
  if (madeBy && madeBy.purpose !== 'wrap') return undefined;
  const difference = madeBy && peopleDifference(online, madeBy);
  if (madeBy && difference) {
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
  if (!earlier || earlier.firstEntrySha256 === madeBy?.journalFirstEntrySha256) return undefined;
  if (keyIds.every((id) => online.keys.get(id)?.firstImport !== undefined)) return undefined;
  const earlierFacts = {
    earlierAirGapJournal: earlier.file,
    earlierAirGapJournalFirstEntry: journalIdentity(earlier.firstEntrySha256),
    earlierSeq: earlier.seq,
  };
  if (!acceptOtherJournal) {
    throw madeBy
      ? new KeyferryError('WRAPPED_OTHER_AIRGAP_JOURNAL', {
          airGapJournal: madeBy.journalFile,
          airGapJournalFirstEntry: journalIdentity(madeBy.journalFirstEntrySha256),
          ...earlierFacts,
        })
      : new KeyferryError('WRAPPED_MADE_BY_MISSING', earlierFacts);
  }
  return {
    ...(madeBy
      ? { airGapJournal: madeBy.journalFile, airGapJournalFirstEntrySha256: madeBy.journalFirstEntrySha256 }
      : {}),
    earlierAirGapJournal: earlier.file,
    earlierAirGapJournalFirstEntrySha256: earlier.firstEntrySha256,
    earlierSeq: earlier.seq,
  };
}
