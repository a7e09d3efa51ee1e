/**
 * The custody files of an air-gapped session a crash or a power cut ended (unfinished-session.ts),
 * withdrawn by the next session on its journal. Where they are comes from that session's own
 * journal: its `custody.split` names each holder's folder and share index and the set's backup file
 * and digest (which name the share file); killed in the writes, its `custody.split-started` names the
 * same before any file was written (since 2026-12-07; killed before that entry, it wrote no file, and
 * a folder it was to create and did not is no custodian's business); killed before an older build
 * journaled the split, the folders its preflight found new or empty.
 *
 * Nothing is taken for withdrawn that was not seen removed: a custodian folder that cannot be read
 * (the stick unmounted, remounted at another path, taken away; a file where the folder was), a
 * holder's share file that is not in its folder, or a file that could not be removed is journaled
 * `custody.withdraw-failed` for that folder, naming the holder, the folder and the files, to delete
 * by hand (its `reasonPhrase` says so on every later receipt). A session killed before its split
 * that had produced material may have written part of a set: an unreadable folder of its is named
 * the same way, with the set's files as "may be there".
 *
 * Nor is anything taken that another session can have written: a set an earlier session of the
 * journal split, even when the crashed session's own entries name it too (lines copied into the
 * journal); and nothing at all of a session killed before it journaled its split. Its files could
 * not be told from a finished set of another journal on a stick mounted at the same path, or from
 * the set a later session of this journal wrote after this copy was taken (trials lost both so, and
 * files' times tell nothing across FAT's local times and copied sticks): the files of sets this copy
 * does not know are named, NOT withdrawn (`unknownSet`), to be deleted only if no receipt names that
 * set. A session that made no material cannot have begun a split: nothing is named for it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { phraseOf, type Phrase } from '../../../i18n/phrase';
import { listValue } from '../../../i18n/list';
import { setShareFileName } from '../../custody/set-share';
import { custodySetTag } from '../../custody/set-tag';
import { slipFileNames } from '../../custody/custody-slip';
import { backupPrintNameOf } from '../../custody/backup-print';
import { withdrawCustodyWrites } from '../../custody/withdraw-custody';
import type { Journal, JournalEntry } from '../../journal';
import type { CustodyWithdrawal } from './session-stop';
import type { NotWithdrawnCause } from './not-withdrawn-cause';
import { CUSTODY_SPLIT_STARTED, SPLIT_START_JOURNALED } from './custody-split';
import { writeReach } from './custody-write-reach';
import type { ClosingDone } from './closing-resume';

/** Why a custodian folder's files of the crashed session were not withdrawn (ICU select keys: no hyphens). */

/** A custodian folder whose files of the crashed session are not withdrawn: to delete by hand. */
export interface CustodyNotWithdrawn {
  readonly folder: string;
  /** Its holder as the crashed session's `custody.split` names it; null when it was killed before journaling the split. */
  readonly holder: { readonly custodian: string; readonly shareIndex: number } | null;
  readonly cause: NotWithdrawnCause;
  /** The files left there, as paths (empty: not known, killed before the split named them). */
  readonly files: readonly string[];
  /** What the journal, the CLI and the receipts say of it. */
  readonly phrase: Phrase;
}

export interface CrashedCustodyWithdrawal extends CustodyWithdrawal {
  readonly notWithdrawn: readonly CustodyNotWithdrawn[];
}

/** The crashed session's facts the withdrawal reads (from its journal entries). */
export interface CrashedCustody {
  /** Its entries, from its `ceremony.session-started` on. */
  readonly session: readonly JournalEntry[];
  /** The journal's entries before it (other sessions' custody sets are never touched). */
  readonly before: readonly JournalEntry[];
  readonly ceremonyId: string | null;
  /** The custodian folders its last passed preflight named, and whether each was to be created. */
  readonly custodianFolders: readonly { readonly folder: string; readonly willCreate: boolean }[];
}

const splitSchema = z.object({
  total: z.number().int(),
  backupFile: z.string().optional(),
  backupDigest: z.string().optional(),
  holders: z
    .array(
      z.object({
        shareIndex: z.number().int(),
        custodian: z.string(),
        folder: z.string(),
        shareFile: z.string().optional(),
        willCreate: z.boolean().optional(),
      }),
    )
    .max(16),
});
type JournaledSplit = z.output<typeof splitSchema>;

/** The set `entry` (a `custody.split` or its start) names, if it reads. */
export function journaledSplit(entry: JournalEntry | undefined): JournaledSplit | null {
  const parsed = entry ? splitSchema.safeParse(entry.data) : null;
  return parsed?.success ? parsed.data : null;
}

/** The entries that name a session's custody set: its split, and (since 2026-12-07) its start. */
const SET_NAMING_EVENTS: ReadonlySet<string> = new Set(['custody.split', CUSTODY_SPLIT_STARTED]);

/** The set tags (set-share.ts custodySetTag) of the custody sets `entries` journal as split or begun. */
function splitSetTags(entries: readonly JournalEntry[]): Set<string> {
  const tags = new Set<string>();
  for (const e of entries) {
    const digest = SET_NAMING_EVENTS.has(e.event) ? e.data['backupDigest'] : undefined;
    if (typeof digest === 'string' && /^[0-9a-fA-F]{8}/.test(digest)) tags.add(custodySetTag(digest));
  }
  return tags;
}

/** `-<8 hex>-` or `-<8 hex>.` right after the ceremony id: a name that carries its set (since session 13). */
const SET_TAG_AFTER_CEREMONY = /^-([0-9A-F]{8})[-.]/;
/** What follows the ceremony id in a share, slip or backup file name written before names carried the set. */
const UNTAGGED_REST = /^(?:-\d{1,2}of\d{1,2}(?:\.json|\.slip\.html|\.slip\.txt)|\.txt|\.html)$/;

/**
 * The names in a folder listing that the crashed session can have written: the ceremony's share and
 * backup files of its own set when it journaled the split; else (killed during the split) of any set
 * but those the journal's other sessions split. A folder found empty by the preflight can hold
 * another set's files by now: a custodian's stick of a finished session mounted at the same path.
 * A name without a set (an older version's) is taken only when no other session split a set.
 */
function sessionFileFilter(custody: CrashedCustody): (name: string) => boolean {
  const own = splitSetTags(custody.session);
  const others = splitSetTags(custody.before);
  const prefixes = [`keyferry-share-${custody.ceremonyId}`, `keyferry-backup-${custody.ceremonyId}`];
  return (name) => {
    const prefix = prefixes.find((p) => name.startsWith(p));
    if (prefix === undefined) return false;
    const rest = name.slice(prefix.length);
    const tag = SET_TAG_AFTER_CEREMONY.exec(rest)?.[1];
    // A name without its set was written before names carried it: the crashed session's only when no
    // other session of this journal split a set (an older session's stick may be at the same path).
    // Only such a name exactly: another ceremony whose id begins with this one's is not taken.
    // Nor once the crashed session's own set is known: its names carry that set.
    if (tag === undefined) return UNTAGGED_REST.test(rest) && others.size === 0 && own.size === 0;
    // One set is split by one session: a set an earlier session split is never the crashed one's.
    if (others.has(tag)) return false;
    return own.size > 0 ? own.has(tag) : true;
  };
}

/** Material the session produced (generated, loaded or taken from an HSM): only then can a split have begun. */
const PRODUCED_MATERIAL = new Set(['material.generated', 'material.loaded', 'material.hsm-selected']);

/** Whether the session's build journals a split's start before writing a file (custody-split.ts). */
function journalsSplitStart(session: readonly JournalEntry[]): boolean {
  const passed = session.findLast((e) => e.event === 'preflight.passed');
  return passed?.data['custodySplitStartJournaled'] === SPLIT_START_JOURNALED.custodySplitStartJournaled;
}

/** One custodian folder to withdraw from: its holder and the files the split journaled there, when known. */
interface CustodianTarget {
  readonly folder: string;
  readonly willCreate: boolean;
  readonly holder: { readonly custodian: string; readonly shareIndex: number; readonly share: string } | null;
  /** The names the split wrote there that the journal records (share file, backup file). */
  readonly journaledNames: readonly string[];
  /** Every file the split wrote there: those, the share's slips (a typed slip restores) and the backup's printout. */
  readonly writtenNames: readonly string[];
}

/** The share file the split wrote for share `shareIndex`: as journaled, else by the set's naming (custody/set-share.ts). */
function shareFileOf(ceremonyId: string, split: JournaledSplit, h: JournaledSplit['holders'][number]): string[] {
  if (h.shareFile !== undefined) return [h.shareFile];
  if (split.backupDigest === undefined) return [];
  return [setShareFileName({ ceremonyId, index: h.shareIndex, n: split.total, backupDigest: split.backupDigest })];
}

export function targetsOf(
  custody: CrashedCustody,
  ceremonyId: string,
  split: JournaledSplit | null,
): CustodianTarget[] {
  if (!split)
    return custody.custodianFolders.map((d) => ({
      ...d,
      folder: path.resolve(d.folder),
      holder: null,
      journaledNames: [],
      writtenNames: [],
    }));
  return split.holders.map((h) => {
    const folder = path.resolve(h.folder);
    const planned = custody.custodianFolders.find((d) => path.resolve(d.folder) === folder);
    const shareFile = shareFileOf(ceremonyId, split, h);
    const backupFile = split.backupFile ? [split.backupFile] : [];
    return {
      folder,
      willCreate: h.willCreate ?? planned?.willCreate ?? false,
      holder: { custodian: h.custodian, shareIndex: h.shareIndex, share: `${h.shareIndex}/${split.total}` },
      journaledNames: [...shareFile, ...backupFile],
      writtenNames: [
        ...shareFile.flatMap((f) => [f, ...slipFileNames(f)]),
        ...backupFile.flatMap((f) => [f, backupPrintNameOf(f)]),
      ],
    };
  });
}

export function notWithdrawn(
  target: CustodianTarget,
  cause: NotWithdrawnCause,
  files: readonly string[],
  /** `maybe`: its holder is known, but not that the writes reached its folder (a split killed in them). */
  reached: 'yes' | 'maybe' = 'yes',
): CustodyNotWithdrawn {
  const holder = target.holder;
  return {
    folder: target.folder,
    holder: holder && { custodian: holder.custodian, shareIndex: holder.shareIndex },
    cause,
    files,
    phrase: phraseOf('journal.reason.custody-not-withdrawn', {
      cause,
      holder: holder ? (reached === 'maybe' ? 'maybe' : 'known') : 'unknown',
      custodian: holder?.custodian ?? '',
      share: holder?.share ?? '',
      folder: target.folder,
      files: files.length,
      filesList: listValue(files.map((f) => path.basename(f))),
    }),
  };
}

/** Journals `custody.withdraw-failed` (or `custody.kept`, on purpose) for one custodian folder whose files stay. */
export function journalNotWithdrawn(
  journal: Journal,
  operator: string,
  f: CustodyNotWithdrawn,
  event: 'custody.withdraw-failed' | 'custody.kept' = 'custody.withdraw-failed',
) {
  return journal.append(operator, event, {
    folder: f.folder,
    ...(f.holder ? { custodian: f.holder.custodian, shareIndex: f.holder.shareIndex } : {}),
    cause: f.cause,
    leftFiles: [...f.files],
    reasonPhrase: { ...f.phrase },
  });
}

/**
 * Removes the crashed session's custody files from its custodians' folders and journals what was
 * removed (`custody.withdrawn`) and, one entry per folder, what was not (`custody.withdraw-failed`,
 * see the file comment). Never throws for a folder or file it cannot reach. Resumed after a closing
 * cut short (`done`, closing-resume.ts): a folder it journaled as not withdrawn is named as it was,
 * not journaled again; files gone from a folder it journaled withdrawn were its removals; files gone
 * before it journaled any removal may have been removed by it, or never there (`closingCut`).
 */
export async function withdrawCrashedCustody(
  custody: CrashedCustody,
  journal: Journal,
  operator: string,
  done?: ClosingDone,
  /** Folders the session's own stop, cut short, journaled cleared (stop-cut-short.ts): their files are gone by it. */
  stopCleared: readonly string[] = [],
): Promise<CrashedCustodyWithdrawal> {
  const ceremonyId = custody.ceremonyId;
  if (ceremonyId === null) return { withdrawnCustody: [], custodyByHand: [], notWithdrawn: [] };
  // Entries naming two sets in one session are not its own (a line copied in): nothing is taken by them.
  const oneSet = splitSetTags(custody.session).size <= 1;
  const split = oneSet ? custody.session.findLast((e) => e.event === 'custody.split') : undefined;
  // Killed in the writes after their start was journaled: the set, its holders and folders are known.
  const begun = oneSet ? (split ?? custody.session.findLast((e) => e.event === CUSTODY_SPLIT_STARTED)) : undefined;
  const parsed = begun ? splitSchema.safeParse(begun.data) : null;
  const targets = targetsOf(custody, ceremonyId, parsed?.success ? parsed.data : null);
  const producedMaterial = custody.session.some((e) => PRODUCED_MATERIAL.has(e.event));
  // Killed before its start entry, a build that journals it made no folder and wrote no file; else a
  // folder that cannot be read may hold its files, and is named.
  const beforeStart = begun === undefined && journalsSplitStart(custody.session);
  const mayHaveWritten = producedMaterial && !beforeStart;
  // Files of the ceremony no entry of it names (an older build killed in its split, a start entry
  // dropped from a copy, two sets named): found, they are named to check, never removed.
  const unnamedWrites = begun === undefined && producedMaterial;
  const ours = sessionFileFilter(custody);
  // The cut closing journaled no removal: what is gone may be its removals, cut before their entry.
  const cut = done !== undefined && !done.entries.some((e) => e.event === 'custody.withdrawn');
  const journaledBefore = (t: CustodianTarget) => done?.custodyJournaled.get(t.folder);
  const clearedBefore = new Set([...(done?.withdrawnFolders ?? []), ...stopCleared.map((f) => path.resolve(f))]);
  const withdrawnBefore = (t: CustodianTarget) => clearedBefore.has(t.folder);
  const listings: (readonly string[] | null)[] = [];
  for (const target of targets) listings.push(await fs.readdir(target.folder).catch(() => null));
  // Killed in the writes (a start, no split): how far they got, holder by holder.
  const reach =
    split === undefined && begun !== undefined
      ? writeReach(listings.map((listing) => listing?.some(ours) ?? null))
      : undefined;
  // Every holder's folder that reads holds the whole set: the writes may have ended, only the split's
  // entry missing, or the journal is a copy cut short of a finished wrap: named to check, never removed.
  const wholeSet =
    reach !== undefined &&
    listings.some((listing) => listing !== null) &&
    targets.every((t, i) => {
      const listing = listings[i];
      // A folder not readable (a custodian gone home with their stick) is no sign the writes were cut.
      return (
        listing === null ||
        listing === undefined ||
        (t.journaledNames.length > 0 && t.journaledNames.every((n) => listing.includes(n)))
      );
    });
  const files: string[] = [];
  const unknownSets = new Map<CustodianTarget, readonly string[]>();
  const createdFolders: string[] = [];
  for (const [i, target] of targets.entries()) {
    const listing = listings[i];
    if (listing === null || listing === undefined || journaledBefore(target)) continue;
    const named = listing.filter(ours).map((n) => path.join(target.folder, n));
    if (begun !== undefined && !wholeSet) files.push(...named);
    else if ((unnamedWrites || wholeSet) && named.length > 0) unknownSets.set(target, named);
    // The folders it made, empty again: never one whose share is not in it (another stick at its path).
    if (target.willCreate && !wholeSet && reach?.[i] !== 'written' && !beforeStart) createdFolders.push(target.folder);
  }
  const removed =
    files.length > 0 || createdFolders.length > 0
      ? await withdrawCustodyWrites({ files, createdFolders })
      : { folders: [], removedFiles: 0, leftFiles: [], movedFiles: [] };
  const failed: CustodyNotWithdrawn[] = [];
  const saidBefore: CustodyNotWithdrawn[] = [];
  for (const [i, target] of targets.entries()) {
    const listing = listings[i] ?? null;
    const inFolder = (names: readonly string[]) => names.map((n) => path.join(target.folder, n));
    const before = journaledBefore(target);
    if (before) saidBefore.push(before);
    // Cleared by the cut closing, as journaled: nothing of it is missing now.
    if (before || (withdrawnBefore(target) && !removed.leftFiles.some((f) => path.dirname(f) === target.folder)))
      continue;
    if (listing === null) {
      // A folder it made, removed again by the cut closing, or taken away: not known which.
      if (cut && target.willCreate && target.holder && reach?.[i] !== 'notReached') {
        failed.push(notWithdrawn(target, 'closingCut', inFolder(target.writtenNames)));
        continue;
      }
      // Written there (or maybe, killed in the split): the folder is not where it was. One the writes
      // never reached (a later holder's, after a readable folder they left empty) holds nothing of it.
      if (reach?.[i] === 'notReached') continue;
      // Maybe reached: named with its holder, the set's files as "may be there", never as written into it.
      if (reach?.[i] === 'unknown') failed.push(notWithdrawn(target, 'unreadable', [], 'maybe'));
      else if (target.holder || mayHaveWritten)
        failed.push(notWithdrawn(target, 'unreadable', inFolder(target.writtenNames)));
      continue;
    }
    // Written whole by a journaled split, or by one killed in the writes before a later holder's folder.
    const wholeHere = split !== undefined || reach?.[i] === 'written';
    const missing = wholeHere ? target.journaledNames.filter((n) => !listing.includes(n)) : [];
    const left = removed.leftFiles.filter((f) => path.dirname(f) === target.folder);
    // Not here: delete them (the share's slips and the backup's printout with them) wherever they are now.
    const elsewhere = inFolder(target.writtenNames.filter((n) => !listing.includes(n)));
    const unknown = unknownSets.get(target);
    if (unknown) failed.push(notWithdrawn(target, 'unknownSet', unknown));
    else if (missing.length > 0)
      failed.push(notWithdrawn(target, cut ? 'closingCut' : 'shareMissing', [...elsewhere, ...left]));
    else if (left.length > 0) failed.push(notWithdrawn(target, 'notRemoved', left));
  }
  // Only folders files of it were removed from: an empty folder it made, removed again, withdrew nothing.
  const notRemoved = new Set([...removed.leftFiles, ...removed.movedFiles]);
  const emptied = new Set(files.filter((f) => !notRemoved.has(f)).map((f) => path.dirname(f)));
  const withdrawnNow = [...emptied].filter((folder) => !failed.some((f) => f.folder === folder));
  if (removed.removedFiles > 0)
    await journal.append(operator, 'custody.withdrawn', {
      folders: [...withdrawnNow],
      removedFiles: removed.removedFiles,
    });
  for (const f of failed) await journalNotWithdrawn(journal, operator, f);
  const all = [...saidBefore, ...failed];
  return {
    // A folder cleared before and named not withdrawn now (a file of the set found there again) is not both.
    withdrawnCustody: [...new Set([...clearedBefore, ...withdrawnNow])].filter(
      (folder) => !failed.some((f) => f.folder === folder),
    ),
    custodyByHand: all.flatMap((f) => (f.files.length > 0 ? f.files : [f.folder])),
    notWithdrawn: all,
  };
}
