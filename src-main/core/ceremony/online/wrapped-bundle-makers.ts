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
 * - a wrap made by an OLDER COPY of a journal the online side took a wrap from is refused
 *   (WRAPPED_OLDER_AIRGAP_JOURNAL_COPY): a journal's identity is its first entry's hash, so a copy
 *   taken before a wrap (an old backup of the air-gapped folder restored, media someone kept) is the
 *   same journal by name and first entry but does not know that wrap: its wrap-again question and
 *   custody set skipped it. Since wrapped-material format version 4 a bundle names the session that
 *   made it (`madeBy.wrapEntry`: the entry that started it, its hash and time) and every earlier
 *   session of its journal that finished a wrapped bundle (`earlierWraps`); the online journal keeps
 *   the `wrapEntry` of every wrap it vouched for (THE RULE's `vouchedWrap`, journaled with the check
 *   in `madeBy`, so it survives restarts) and requires each one of the same journal to be listed, or
 *   to be the bundle's own session (the same bundle checked again). A bundle of version 3 (no list)
 *   after the online side vouched for a version 4 wrap of its journal is refused the same way: it
 *   cannot show it was made after that wrap (a Keyferry that wrote version 4 does not go back).
 *   Wraps the online side took as version 3 (no `wrapEntry`) are not required: nothing names them.
 *   The officer's word (--accept-other-airgap-journal, the typed override) does not overcome it:
 *   the word is for leaving a journal that is lost, and an older copy is not a lost journal; the
 *   newest copy, which knows every wrap, is the one to wrap in (if it is lost too, a new journal
 *   and the word are the way, which the receipt then shows). Checked before the journal identity,
 *   also for a bundle of another journal than the ceremony's, and not for a bundle whose every key
 *   the KMS already bound to material (as above).
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
 * - is neither set nor moved by a bundle that was not compared (every key already bound, a custody
 *   restore: journaled `makersCompared: false`), nor by any other refusal.
 * The online journal is replayed through ceremonyAirGapJournal: the only place the rule lives.
 */
import { z } from 'zod';
import type { WrappedMadeBy } from '../../bundle';
import type { CeremonyAirGapJournal } from '../../bundle/import-parameters-manifest';
import type { CustodyArrangement } from '../../bundle/custody-arrangement';
import { custodySetTag } from '../../custody/set-tag';
import { BUNDLE_LIMITS } from '../../bundle/bundle-limits';
import { KeyferryError } from '../../errors';
import { groupHex } from '../../hex-groups';
import type { JournalEntry } from '../../journal';
import { listValue } from '../../../i18n/list';
import { journalIdentity } from '../../../i18n/made-by-line';
import { peopleDifference, sortedNames } from '../shared/people-difference';
import { ONLINE_EVENTS, otherAirGapJournalAcceptedData } from './events';
import type { AirGapJournalRecord, OfficersWord } from './officers-word';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** The part of a journaled `madeBy` this check reads (the journal is read back, so it is checked). */
const journaledMadeBy = z.object({
  purpose: z.string(),
  journalFile: z.string().min(1),
  journalFirstEntrySha256: sha256,
  /** Format version 4: the air-gapped session that made the bundle, by the entry that started it. */
  wrapEntry: z.object({ seq: z.number().int().positive(), sha256, at: z.string() }).optional(),
  /** Format version 4: the earlier sessions of its journal that finished a bundle. */
  earlierWraps: z.array(z.object({ seq: z.number().int().positive(), sha256 })).optional(),
});

/** A wrap the online journal vouched for (at entry `onlineSeq`) whose bundle named the air-gapped session that made it (format version 4). */
interface VouchedSessionWrap {
  readonly onlineSeq: number;
  readonly journalFirstEntrySha256: string;
  readonly wrapEntry: { readonly seq: number; readonly sha256: string; readonly at: string };
  /** The earlier sessions of its journal its bundle listed: bundles of those are earlier wraps, not a copy's. */
  readonly earlierWraps: readonly { readonly seq: number; readonly sha256: string }[];
}

/** The `madeBy` of a wrap `entry` of the online journal vouches for: a bundle checked, or refused only because its import tokens had lapsed. */
function vouchedMadeBy(entry: JournalEntry): z.infer<typeof journaledMadeBy> | undefined {
  const vouches =
    entry.event === ONLINE_EVENTS.wrappedChecked ||
    (entry.event === ONLINE_EVENTS.wrappedRefused && entry.data.code === 'IMPORT_TOKEN_EXPIRED');
  if (!vouches) return undefined;
  const made = journaledMadeBy.safeParse(entry.data.madeBy);
  return made.success && made.data.purpose === 'wrap' ? made.data : undefined;
}

/** A wrap `entry` of the online journal vouches for (vouchedMadeBy), as THE RULE records it. */
function vouchedWrap(entry: JournalEntry): AirGapJournalRecord | undefined {
  const made = vouchedMadeBy(entry);
  return made && { seq: entry.seq, file: made.journalFile, firstEntrySha256: made.journalFirstEntrySha256 };
}

/** The part of an override this rule reads (every override ever journaled has it). */
const acceptedBundle = z.object({ folder: z.string(), manifestSha256: z.string() });

/** THE RULE's place in the online journal: the ceremony's air-gapped journal, and the bundle an override accepted until its check's outcome. */
export interface AirGapJournalTrail {
  readonly journal?: AirGapJournalRecord | undefined;
  readonly accepted?: z.infer<typeof acceptedBundle> | undefined;
  /** Every vouched wrap that named its session (format version 4), oldest first: what a later bundle of its journal must list. */
  readonly sessionWraps?: readonly VouchedSessionWrap[] | undefined;
}

/** Whether the check's outcome `entry` is of the bundle `accepted`: by its digest (a refusal journaled before 2026-12-02 names its folder only, journaled right after the override). */
function isAcceptedBundle(entry: JournalEntry, accepted: AirGapJournalTrail['accepted']): boolean {
  if (!accepted) return false;
  const { manifestSha256, folder } = entry.data;
  return typeof manifestSha256 === 'string' ? manifestSha256 === accepted.manifestSha256 : folder === accepted.folder;
}

/** THE RULE (module comment) after `entry`, `trail` before it. */
export function airGapJournalAfter(trail: AirGapJournalTrail, entry: JournalEntry): AirGapJournalTrail {
  const { journal, sessionWraps } = trail;
  if (entry.event === ONLINE_EVENTS.otherAirGapJournalAccepted) {
    const accepted = acceptedBundle.safeParse(entry.data);
    return { journal, accepted: accepted.success ? accepted.data : undefined, sessionWraps };
  }
  if (entry.event !== ONLINE_EVENTS.wrappedChecked && entry.event !== ONLINE_EVENTS.wrappedRefused) return trail;
  const wrap = vouchedWrap(entry);
  // A bundle whose makers were not compared (every key already bound) neither sets nor moves it.
  const compared = entry.data.makersCompared !== false;
  const moves =
    wrap !== undefined &&
    compared &&
    (!journal || journal.firstEntrySha256 === wrap.firstEntrySha256 || isAcceptedBundle(entry, trail.accepted));
  return { journal: moves ? wrap : journal, sessionWraps: withSessionWrap(sessionWraps, entry) };
}

/** `wraps` and the wrap `entry` vouches for when its bundle named its session (format version 4). */
function withSessionWrap(
  wraps: readonly VouchedSessionWrap[] | undefined,
  entry: JournalEntry,
): readonly VouchedSessionWrap[] | undefined {
  const made = vouchedMadeBy(entry);
  // A bundle whose makers were not compared (every key already bound) is no wrap a later bundle must list.
  if (!made?.wrapEntry || entry.data.makersCompared === false) return wraps;
  const wrap = {
    onlineSeq: entry.seq,
    journalFirstEntrySha256: made.journalFirstEntrySha256,
    wrapEntry: made.wrapEntry,
    earlierWraps: made.earlierWraps ?? [],
  };
  return [...(wraps ?? []), wrap];
}

/**
 * Whether `madeBy` and the session of `wrap` are of one line of that journal: the bundle's journal had
 * that session (listed, or its own) when it made the bundle, or that session's bundle lists the
 * bundle's own session among its earlier wraps (an earlier wrap of the same journal, taken after a
 * later one was checked: a trial's officer stopped the later import and took the earlier bundle,
 * and was told it came from an older copy). A copy's own session is in no later bundle's list: its
 * start entry is not in the journal that went on.
 */
function knowsWrap(madeBy: WrappedMadeBy, wrap: VouchedSessionWrap): boolean {
  const same = (e: { seq: number; sha256: string } | undefined) =>
    e?.seq === wrap.wrapEntry.seq && e.sha256 === wrap.wrapEntry.sha256;
  const listed = madeBy.earlierWraps ?? [];
  // A full list holds the latest wraps only: an older one chains under the first listed.
  const beforeFullList = listed.length === BUNDLE_LIMITS.maxEarlierWraps && wrap.wrapEntry.seq < (listed[0]?.seq ?? 0);
  const own = madeBy.wrapEntry;
  const listedByLater =
    own !== undefined && wrap.earlierWraps.some((e) => e.seq === own.seq && e.sha256 === own.sha256);
  return same(madeBy.wrapEntry) || listed.some(same) || beforeFullList || listedByLater;
}

/** Refuses a wrap of an older copy of a journal a vouched wrap came from (module comment), naming the wrap it lacks. */
function refuseOlderCopy(sessionWraps: readonly VouchedSessionWrap[] | undefined, madeBy: WrappedMadeBy): void {
  const missing = (sessionWraps ?? []).find(
    (w) => w.journalFirstEntrySha256 === madeBy.journalFirstEntrySha256 && !knowsWrap(madeBy, w),
  );
  if (!missing) return;
  throw new KeyferryError('WRAPPED_OLDER_AIRGAP_JOURNAL_COPY', {
    airGapJournal: madeBy.journalFile,
    airGapJournalFirstEntry: journalIdentity(madeBy.journalFirstEntrySha256),
    missingSeq: missing.wrapEntry.seq,
    missingAt: Date.parse(missing.wrapEntry.at),
    takenSeq: missing.onlineSeq,
    lists: madeBy.wrapEntry ? 'yes' : 'no',
  });
}

/** The ceremony's air-gapped journal as the online journal's `entries` leave it (THE RULE), if any. */
export function ceremonyAirGapJournal(entries: readonly JournalEntry[]): AirGapJournalRecord | undefined {
  return entries.reduce<AirGapJournalTrail>(airGapJournalAfter, {}).journal;
}

/**
 * The ceremony's air-gapped journal as a parameters bundle names it (format version 6), from THE
 * RULE's place `trail`: its file name, its first entry, and the start of the latest wrap session the
 * online journal vouched for from it (any later copy of that journal holds it); undefined while no
 * wrap was vouched for. The air-gapped side wraps those parameters in that journal only.
 */
export function airGapJournalForParameters(trail: AirGapJournalTrail | undefined): CeremonyAirGapJournal | undefined {
  const journal = trail?.journal;
  if (!journal) return undefined;
  // The latest session, not the latest vouched for: an earlier wrap taken after a later one was
  // checked (knowsWrap) must not move it back, or a copy lacking the later wrap would pass.
  const last = (trail.sessionWraps ?? [])
    .filter((w) => w.journalFirstEntrySha256 === journal.firstEntrySha256)
    .reduce<VouchedSessionWrap | undefined>((a, w) => (a && a.wrapEntry.seq >= w.wrapEntry.seq ? a : w), undefined);
  return {
    file: journal.file,
    firstEntrySha256: journal.firstEntrySha256,
    ...(last ? { lastWrap: { seq: last.wrapEntry.seq, sha256: last.wrapEntry.sha256 } } : {}),
  };
}

/** What the online side knows of the ceremony when a bundle arrives. */
interface OnlineFacts {
  readonly operator: string;
  readonly witnesses: readonly string[];
  /** Where THE RULE stands: its `journal` is the ceremony's air-gapped journal, if any; its `sessionWraps` the wraps a later bundle of their journal must know. */
  readonly airGapJournalTrail?: AirGapJournalTrail | undefined;
  /** The ceremony's keys: one with `firstImport` is bound to the material first imported into it. */
  readonly keys: ReadonlyMap<string, { readonly firstImport?: unknown }>;
}

/**
 * Whether every key of `keyIds` is bound to the material first imported into it: then the makers
 * are not compared (checkBundleMakers), which the check journals as `makersCompared: false`, and
 * the bundle never becomes a wrap a later bundle of its journal must list.
 */
export function everyKeyBound(keys: OnlineFacts['keys'], keyIds: readonly string[]): boolean {
  return keyIds.every((id) => keys.get(id)?.firstImport !== undefined);
}

/** What an override journals (otherAirGapJournalAcceptedData): the journal accepted, if the bundle named one, and the ceremony's. */
type OtherAirGapJournalOverride = Omit<z.infer<typeof otherAirGapJournalAcceptedData>, 'folder' | 'manifestSha256'>;

/**
 * Checks `madeBy` of a bundle of the keys `keyIds` against `online` (see the module comment).
 * Returns what the override journals when the officer's word (`acceptOtherJournal`) lets through a
 * bundle of another air-gapped journal, or of none, else undefined. The caller journals it at once.
 * The refusals the word overcomes carry the bundle's digest (`bundleSha256`) as `refusedBundleSha256`,
 * not in their sentence: the app's word is given for that bundle only (officers-word.ts).
 */
export function checkBundleMakers(
  online: OnlineFacts,
  madeBy: WrappedMadeBy | undefined,
  keyIds: readonly string[],
  acceptOtherJournal: boolean,
  bundleSha256: string,
  /** The bundle's custody copy: named in the refusal, as the copy that backs up nothing once another wrap is imported. */
  custody?: CustodyArrangement,
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
  if (everyKeyBound(online.keys, keyIds)) return undefined;
  if (madeBy) refuseOlderCopy(online.airGapJournalTrail?.sessionWraps, madeBy);
  const earlier = online.airGapJournalTrail?.journal;
  if (!earlier || earlier.firstEntrySha256 === madeBy?.journalFirstEntrySha256) return undefined;
  const earlierFacts = {
    earlierAirGapJournal: earlier.file,
    earlierAirGapJournalFirstEntry: journalIdentity(earlier.firstEntrySha256),
    earlierSeq: earlier.seq,
  };
  const refused = { refusedBundleSha256: bundleSha256 };
  if (!acceptOtherJournal) {
    throw madeBy
      ? new KeyferryError('WRAPPED_OTHER_AIRGAP_JOURNAL', {
          airGapJournal: madeBy.journalFile,
          airGapJournalFirstEntry: journalIdentity(madeBy.journalFirstEntrySha256),
          ...earlierFacts,
          ...refused,
          ...custodyCopyValues(custody),
        })
      : new KeyferryError('WRAPPED_MADE_BY_MISSING', { ...earlierFacts, ...refused });
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

/** A bundle's custody copy as a refusal names it: its shares, holders and set tag ('none' before sets), or none. */
export function custodyCopyValues(custody: CustodyArrangement | undefined) {
  const shares = custody?.kind === 'shares' ? custody : undefined;
  return {
    copies: shares ? 'shares' : 'none',
    threshold: shares?.threshold ?? 0,
    total: shares?.total ?? 0,
    custodianList: listValue(shares?.custodians ?? []),
    setTag: shares?.backupDigest ? custodySetTag(shares.backupDigest) : 'none',
  };
}

/**
 * Refuses a word typed for the bundle a refusal named when the bundle read now, `digest`, is
 * another (WRAPPED_OVERRIDE_OTHER_BUNDLE): the officer changed the folder or the digest after the
 * refusal, and the word was never given for this bundle.
 */
export function refuseWordForOtherBundle(word: OfficersWord | undefined, digest: string): void {
  if (word === undefined || word === true || word.refusedBundleSha256 === digest) return;
  throw new KeyferryError('WRAPPED_OVERRIDE_OTHER_BUNDLE', {
    refusedBundle: groupHex(word.refusedBundleSha256),
    readBundle: groupHex(digest),
  });
}
