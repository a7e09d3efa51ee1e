/**
 * The air-gapped journal an import-parameters bundle names (format version 6: `ceremony.airGapJournal`,
 * the journal of the wraps the online side checked). Wrapped in another journal, the parameters
 * would not meet the earlier wraps: no wrap-again question, new material and a second custody set
 * that nobody is told to destroy (a trial's officer ran the printed command, whose --journal is a
 * bare file name, in another folder, and made both). Refused (AIRGAP_JOURNAL_NOT_THE_CEREMONYS)
 * before anyone types: a new journal, another journal of the ceremony, and an older copy of the
 * named one (it lacks the latest wrap the online side checked). Only the officer's word that the
 * named journal is lost (`--journal-lost REASON`) goes past it; it is journaled as an override the
 * receipt lists, and the online side asks for its own word before it imports such a bundle
 * (WRAPPED_OTHER_AIRGAP_JOURNAL). A bundle naming no journal (versions 1-5, a first wrap) is not
 * checked, nor one whose every key takes only the material the KMS holds (bound at its import): no
 * new material can come of it, and such a wrap, from the material file or HSM token, may be years on.
 */
import { recordedCeremonyId } from '../../bundle/ceremony-facts';
import { boundMaterialFor } from '../../bundle/bound-material';
import type { ImportParameters } from '../../bundle/import-parameters';
import type { CeremonyAirGapJournal } from '../../bundle/import-parameters-manifest';
import { KeyferryError } from '../../errors';
import type { JournalEntry } from '../../journal';
import { entriesBeforeOpening } from '../../journal/journal';
import { OFFICER_REASON_MAX, officerReasonSchema } from '../shared/officer-reason';
import { finishedWrapStarts } from './earlier-wraps';
import { sessionFinishedOnMedia } from './finished-on-media';
import {
  leftFilesToWithdraw,
  unfinishedLastSession,
  unfinishedSessionOnMedia,
  type UnfinishedSession,
} from './unfinished-session';
import { journalIdentity } from '../../../i18n/made-by-line';
import { wrapsOnMedia, type WrapOnMedia } from './wraps-on-media';

/** How a journal is not the one the parameters name: new (it recorded no ceremony yet), another, or an older copy of it. */
type NamedJournalMismatch = 'new' | 'other' | 'older';

/** A journal as this check reads it. */
interface JournalRead {
  readonly path: string;
  readonly entries: readonly JournalEntry[];
}

/** What the override journals (`parameters.named-journal-lost`) when the officer's word lets another journal wrap. */
interface NamedJournalLost {
  readonly namedJournal: string;
  readonly namedJournalFirstEntrySha256: string;
  readonly mismatch: NamedJournalMismatch;
  readonly reason: string;
  /** The wrapped bundle on the media that named the journal, when the parameters name none (wraps-on-media.ts). */
  readonly bundleOnMedia?: string;
}

/**
 * How `entries` differ from the journal `named`; undefined when they are that journal, as late as the
 * online side saw it or later: the latest wrap it checked is there, finished.
 */
export function namedJournalMismatch(
  named: CeremonyAirGapJournal,
  entries: readonly JournalEntry[],
): NamedJournalMismatch | undefined {
  if (entries[0]?.hash !== named.firstEntrySha256) return recordedCeremonyId(entries) === undefined ? 'new' : 'other';
  const last = named.lastWrap;
  if (!last) return undefined;
  // That wrap finished (its receipt was written): a copy made before it, or while it ran (whose
  // clean-up of an unfinished session would take away the finished wrap's custody shares), has not.
  const finished = finishedWrapStarts(entries).some((w) => w.seq === last.seq && w.sha256 === last.sha256);
  return finished ? undefined : 'older';
}

/**
 * A parameters bundle as this check reads it: the journal it names (format version 6) and its keys;
 * and, for parameters that name none, this ceremony's wraps found on the media beside it and beside
 * the wrap's output folder (wraps-on-media.ts): their journal is held to as one the parameters name.
 */
export interface NamingParameters {
  readonly named: CeremonyAirGapJournal | undefined;
  readonly keys: readonly Pick<ImportParameters, 'keyId' | 'replicaOf' | 'boundMaterial'>[];
  readonly onMedia?: readonly WrapOnMedia[] | undefined;
}

/**
 * Whether `entries` hold another entry where the latest wrap `named` names began: a copy that went
 * its own way (a wrap on the officer's word that the journal was lost), not an older copy of it.
 */
function divergedAt(named: CeremonyAirGapJournal, entries: readonly JournalEntry[]): boolean {
  const last = named.lastWrap;
  return last !== undefined && entries.some((e) => e.seq === last.seq && e.hash !== last.sha256);
}

/**
 * The journal to wrap in: the one the parameters name, else that of a wrap on the media, unless
 * `entries` are one of those wraps' journals (late enough); undefined when nothing is named.
 */
function journalToWrapIn(
  parameters: NamingParameters,
  entries: readonly JournalEntry[],
): { readonly named: CeremonyAirGapJournal; readonly onMedia?: string; readonly later?: boolean } | undefined {
  const wraps = (parameters.onMedia ?? []).map((w) => ({ ...w, mismatch: namedJournalMismatch(w.journal, entries) }));
  // An older copy of the journal of a wrap on the media (it lacks that wrap): held to that wrap, even
  // when the parameters name the journal as the online side last saw it (a review's copy, cut
  // before a later wrap whose bundle lay on the stick, passed on the earlier wrap the parameters named).
  const older = wraps.find((w) => w.mismatch === 'older' && !divergedAt(w.journal, entries));
  if (older) return { named: older.journal, onMedia: older.folder, later: parameters.named !== undefined };
  if (parameters.named) return { named: parameters.named };
  if (wraps.some((w) => w.mismatch === undefined)) return undefined;
  const [first] = wraps;
  return first && { named: first.journal, onMedia: first.folder };
}

/**
 * Whether every key of the parameters takes only the material the KMS already holds (bound at its
 * import): no new material can come of them, so any journal may wrap them.
 */
export function everyKeyBound(keys: NamingParameters['keys']): boolean {
  return keys.length > 0 && keys.every((p) => boundMaterialFor(p, keys) !== undefined);
}

/**
 * Checks `journal` against the journal the parameters name (`parameters.named`). Refuses another
 * journal unless `journalLost` gives the officer's reason, then returns what the override journals;
 * refuses `journalLost` given where nothing is to be overridden (JOURNAL_LOST_REFUSED), so no
 * receipt lists a word that changed nothing.
 */
export function checkNamedJournal(
  parameters: NamingParameters,
  journal: JournalRead,
  journalLost: string | undefined,
  /** Who is told the way on: the command line (--journal, --journal-lost) or the app (its ceremony folder). */
  where: 'cli' | 'app' = 'app',
  /** When: as the parameters are read, or at the preflight (they were read, and may have been confirmed). */
  at: 'read' | 'preflight' = 'read',
): NamedJournalLost | undefined {
  const reason = journalLostReason(journalLost, journal.path);
  const { keys } = parameters;
  const toWrapIn = journalToWrapIn(parameters, journal.entries);
  const named = toWrapIn?.named;
  if (named && everyKeyBound(keys)) refuseClosingInOlderCopy(named, journal);
  if (!named || everyKeyBound(keys)) {
    // Nothing named, or the journal given is the one a wrap on the media names.
    const why = named ? 'bound' : (parameters.onMedia?.length ?? 0) > 0 ? 'named' : 'none';
    if (reason !== undefined) throw lostRefused(why, journal.path);
    return undefined;
  }
  const mismatch = namedJournalMismatch(named, journal.entries);
  if (!mismatch) {
    if (reason !== undefined) throw lostRefused('named', journal.path);
    return undefined;
  }
  if (reason === undefined)
    throw new KeyferryError('AIRGAP_JOURNAL_NOT_THE_CEREMONYS', {
      journal: journal.path,
      named: named.file,
      namedFirstEntry: journalIdentity(named.firstEntrySha256),
      mismatch,
      wrapSeq: named.lastWrap?.seq ?? 0,
      where,
      source: toWrapIn?.onMedia === undefined ? 'parameters' : toWrapIn.later ? 'later' : 'media',
      folder: toWrapIn?.onMedia ?? '',
      at,
    });
  return {
    namedJournal: named.file,
    namedJournalFirstEntrySha256: named.firstEntrySha256,
    mismatch,
    reason,
    ...(toWrapIn?.onMedia === undefined ? {} : { bundleOnMedia: toWrapIn.onMedia }),
  };
}

/**
 * Parameters whose every key is bound are not held to their journal (no new material can come of
 * them), but a session opened on an older copy of it would close that copy's last session as a
 * crash's and remove its custody shares: a trial cut the journal inside a wrap the online side had
 * imported (set aside as a torn line), emptied its bundle folder, filed its receipts away, and the
 * next wrap removed the only backup of the material the KMS held. When the journal lacks the latest
 * wrap the online side took, or has it unfinished, and ends with a session whose closing would
 * withdraw files, nothing is opened (AIRGAP_SESSION_FINISHED_ON_MEDIA, the parameters as evidence).
 */
function refuseClosingInOlderCopy(named: CeremonyAirGapJournal, journal: JournalRead): void {
  if (namedJournalMismatch(named, journal.entries) !== 'older') return;
  const unfinished = unfinishedLastSession(journal.entries);
  if (!unfinished || !leftFilesToWithdraw(unfinished.entries)) return;
  throw sessionFinishedOnMedia(
    journal.path,
    { number: unfinished.session, seq: (unfinished.entries[0] as JournalEntry).seq },
    { evidence: 'parameters', where: named.file, count: named.lastWrap?.seq ?? 0 },
  );
}

/**
 * A session the journal ends cut between its receipt and its manifest (unfinished-session.ts) that the
 * parameters name as the latest wrap the online side took: the online side checked its bundle, so that
 * bundle was whole; its manifest was taken away since, or this journal is a copy cut short. Closing it
 * as cut would void the receipt of material a key may hold (a review's copy, cut after the receipt,
 * its manifest removed): refused (AIRGAP_SESSION_FINISHED_ON_MEDIA, the parameters as evidence).
 */
export function refuseClosingTakenWrap(
  named: CeremonyAirGapJournal | undefined,
  journal: string,
  unfinished: UnfinishedSession | null,
): void {
  const start = unfinished?.entries[0];
  const last = named?.lastWrap;
  if (!unfinished?.receiptOfNoBundle || !start || !last || last.seq !== start.seq || last.sha256 !== start.hash) return;
  throw sessionFinishedOnMedia(
    journal,
    { number: unfinished.session, seq: start.seq },
    { evidence: 'parameters', where: named.file, count: last.seq },
  );
}

/**
 * refuseClosingTakenWrap for the journal at `file` before it opens (the command line's wrap and
 * restore): its entries read, its last session looked at on the media.
 */
export async function refuseClosingTakenWrapIn(
  file: string,
  named: CeremonyAirGapJournal | undefined,
  entries?: readonly JournalEntry[],
): Promise<void> {
  const read = entries ?? (await entriesBeforeOpening(file));
  if (read && named?.lastWrap) refuseClosingTakenWrap(named, file, await unfinishedSessionOnMedia(read, file));
}

/** The parameters a session read, as its preflight holds them to the wraps beside the output folder. */
export interface ReadNaming extends NamingParameters {
  readonly ceremonyId: string;
  /** The officer's word that the named journal is lost was given at the read: not held again. */
  readonly journalLost: boolean;
}

/**
 * The same at the preflight, for this ceremony's wraps in the folders beside the wrapped bundle's
 * output folder `output`: the app chooses that folder only there, after the parameters were read
 * (a review's second app session, parameters on stick 1, wrapped beside the first wrap on stick 2
 * and made a second material). The command line looked beside --out at the read already.
 */
export async function checkWrapsBesideOutput(
  read: ReadNaming | undefined,
  output: string,
  journal: JournalRead,
): Promise<void> {
  if (!read || read.journalLost) return;
  const beside = await wrapsOnMedia([{ dir: output, shownAs: output }], read.ceremonyId);
  if (beside.length === 0) return;
  const onMedia = [...(read.onMedia ?? []), ...beside];
  checkNamedJournal({ ...read, onMedia }, journal, undefined, 'app', 'preflight');
}

/**
 * The same before the journal at `file` opens (the command line): nothing is written to a journal,
 * or a new one created, for parameters that must be wrapped elsewhere; returns what the override
 * will journal, for the warning said before anyone types. A journal that does not read passes;
 * opening it says why.
 */
export async function refuseJournalFileNotNamed(
  file: string,
  parameters: NamingParameters,
  journalLost: string | undefined,
  entries: Promise<readonly JournalEntry[] | undefined> = entriesBeforeOpening(file),
): Promise<NamedJournalLost | undefined> {
  const read = await entries;
  if (!read) return undefined;
  const lost = checkNamedJournal(parameters, { path: file, entries: read }, journalLost, 'cli');
  await refuseClosingTakenWrapIn(file, parameters.named, read);
  return lost;
}

/** Refuses `journalLost` given with parameters that are no bundle (console files): they name no journal. */
export function refuseJournalLostWithoutBundle(journalLost: string | undefined, journal: string): void {
  if (journalLost !== undefined) throw lostRefused('none', journal);
}

/** The officer's reason the named journal is lost, checked as any override's (JOURNAL_LOST_REFUSED, why invalid). */
function journalLostReason(given: string | undefined, journal: string): string | undefined {
  if (given === undefined) return undefined;
  const parsed = officerReasonSchema.safeParse(given);
  if (!parsed.success) throw lostRefused('invalid', journal);
  return parsed.data;
}

/** --journal-lost refused: no journal named, every key bound, the journal given is the named one, or no reason given. */
function lostRefused(why: 'none' | 'bound' | 'named' | 'invalid', journal: string): KeyferryError {
  return new KeyferryError('JOURNAL_LOST_REFUSED', { why, journal, max: OFFICER_REASON_MAX });
}
