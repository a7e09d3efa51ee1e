/**
 * An air-gapped session (a wrap or a custody restore) whose process ended without stopping: a crash
 * or a power cut (a SIGKILL stands in for one in tests). Its journal ends with neither a finished
 * bundle (`wrapped-bundle.completed`) nor a stop (`ceremony.abandoned`), and what it wrote is still
 * on the media: custody shares, slips and backups of material that was never wrapped (an orphaned
 * custody set a custodian could take away or bring to a restore years later), a wrapped-bundle
 * folder without its manifest. The next session on the journal, before its own start, journals
 * `ceremony.session-unfinished` (a deviation every later receipt lists), then withdraws what that
 * session wrote as a stop would (session-stop.ts): the custody files removed, the bundle folder
 * marked ABANDONED; whatever cannot be withdrawn is named to delete by hand.
 *
 * Only the files that session can have written are touched: the preflight it passed found every
 * folder new or empty, so a custodian folder's `keyferry-share-<ceremony>…` and
 * `keyferry-backup-<ceremony>…` files are that session's, except those whose names carry another
 * custody set than the one it split (or, killed during the split, a set another session split).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { phraseOf } from '../../../i18n/phrase';
import { MANIFEST_FILE, withdrawWrappedBundle } from '../../bundle';
import { toProblem } from '../../errors';
import { problemData, SESSION_SEALED_BY, SESSION_STOPPED_BY, type Journal, type JournalEntry } from '../../journal';
import { pathExists } from '../../fs/path-exists';
import { custodySetTag } from '../../custody/set-share';
import { withdrawCustodySplit } from './custody-split';
import { startsAirGappedSession } from './receipt-session';
import type { AbandonReport } from './session-stop';

/**
 * What the next session did about an earlier one that ended without stopping: which session and
 * entries, and what of it was withdrawn or is left to delete by hand, as a stop reports it.
 */
export interface UnfinishedSessionReport extends Pick<
  AbandonReport,
  'withdrawnBundle' | 'deleteByHand' | 'withdrawnCustody' | 'custodyByHand'
> {
  /** 1-based: the n-th air-gapped session of the journal. */
  readonly session: number;
  /** The journal entries it spans. */
  readonly fromSeq: number;
  readonly toSeq: number;
}

/** The journal's last air-gapped session when it has no end entry: its number and entries. */
function unfinishedLastSession(
  entries: readonly JournalEntry[],
): { readonly session: number; readonly entries: readonly JournalEntry[] } | null {
  const start = entries.findLastIndex(startsAirGappedSession);
  if (start === -1) return null;
  const session = entries.slice(start);
  if (session.some((e) => SESSION_SEALED_BY.has(e.event) || SESSION_STOPPED_BY.has(e.event))) return null;
  return { session: entries.filter(startsAirGappedSession).length, entries: session };
}

const destinationsSchema = z.object({
  destinations: z.array(z.object({ role: z.string(), folder: z.string(), willCreate: z.boolean() })),
});

/** The folders the session's last passed preflight named (it found each new or empty). */
function preflightedFolders(session: readonly JournalEntry[]) {
  const passed = session.findLast((e) => e.event === 'preflight.passed');
  const parsed = destinationsSchema.safeParse(passed?.data);
  return parsed.success ? parsed.data.destinations : [];
}

function ceremonyOf(session: readonly JournalEntry[]): string | null {
  const read = session.findLast((e) => e.event === 'parameters.read');
  const id = read?.data['ceremonyId'];
  return typeof id === 'string' ? id : null;
}

/** The set tags (set-share.ts custodySetTag) of the custody sets `entries` journal as split. */
function splitSetTags(entries: readonly JournalEntry[]): Set<string> {
  const tags = new Set<string>();
  for (const e of entries) {
    const digest = e.event === 'custody.split' ? e.data['backupDigest'] : undefined;
    if (typeof digest === 'string' && /^[0-9a-fA-F]{8}/.test(digest)) tags.add(custodySetTag(digest));
  }
  return tags;
}

/**
 * Which custody sets' files (by their names' set tag) the crashed session can have written: its own
 * set when it journaled the split; else (killed during the split) any set but those the journal's
 * other sessions split. A folder found empty by the preflight can hold another set's files by now:
 * a custodian's stick of a finished session mounted at the same path.
 */
interface SessionSets {
  readonly own: ReadonlySet<string>;
  readonly others: ReadonlySet<string>;
}

/** `-<8 hex>-` or `-<8 hex>.` right after the ceremony id: a name that carries its set (since session 13). */
const SET_TAG_AFTER_CEREMONY = /^-([0-9A-F]{8})[-.]/;

/** The custody files of `ceremonyId` in `folder` (share, slips, backup and its printout) the session can have written. */
async function custodyFilesIn(folder: string, ceremonyId: string, sets: SessionSets): Promise<string[]> {
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  const prefixes = [`keyferry-share-${ceremonyId}`, `keyferry-backup-${ceremonyId}`];
  const ours = (name: string): boolean => {
    const prefix = prefixes.find((p) => name.startsWith(p));
    if (prefix === undefined) return false;
    const tag = SET_TAG_AFTER_CEREMONY.exec(name.slice(prefix.length))?.[1];
    if (tag === undefined) return true; // a name without its set: written before names carried it
    return sets.own.size > 0 ? sets.own.has(tag) : !sets.others.has(tag);
  };
  return names.filter(ours).map((n) => path.join(folder, n));
}

/** Marks the session's wrapped-bundle folder ABANDONED (journaled), when it holds anything. */
async function withdrawBundleFolder(
  journal: Journal,
  operator: string,
  session: readonly JournalEntry[],
  folder: string,
  now: Date,
): Promise<{ withdrawn: string | null; byHand: string | null }> {
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  // A manifest is written only after the receipt, which ends a session: a folder holding one is a
  // finished bundle (another stick at the same path), never the crashed session's; it is left as it is.
  if (names.length === 0 || names.includes(MANIFEST_FILE)) return { withdrawn: null, byHand: null };
  const written = session.findLast((e) => e.event === 'wrapped-bundle.written');
  const digest = written?.data['manifestSha256'];
  const manifestSha256: Record<string, string> = typeof digest === 'string' ? { manifestSha256: digest } : {};
  try {
    const withdrawn = await withdrawWrappedBundle(folder, {
      reason: CRASH_REASON,
      phrase: phraseOf('journal.reason.ended-without-stop'),
      at: now,
      journal: journal.path,
    });
    await journal.append(operator, 'wrapped-bundle.withdrawn', {
      folder: withdrawn.dir,
      ...manifestSha256,
      marker: path.basename(withdrawn.marker),
      manifestRenamed: withdrawn.manifestRenamed,
      manifestWritten: withdrawn.manifestWritten,
    });
    return { withdrawn: withdrawn.dir, byHand: null };
  } catch (error) {
    await journal.append(operator, 'wrapped-bundle.withdraw-failed', {
      folder,
      ...manifestSha256,
      ...problemData(toProblem(error)),
    });
    return { withdrawn: null, byHand: folder };
  }
}

const CRASH_REASON = 'the process ended without stopping: a crash or power loss';

/**
 * Before a session starts on `journal`: when its last air-gapped session has no end entry, journals
 * `ceremony.session-unfinished` and withdraws what that session wrote (see the file comment).
 * Null when the last session ended (or there is none).
 */
export async function closeUnfinishedSession(
  journal: Journal,
  operator: string,
  now: Date,
): Promise<UnfinishedSessionReport | null> {
  const unfinished = unfinishedLastSession(journal.entries);
  if (!unfinished) return null;
  const { session, entries } = unfinished;
  const fromSeq = (entries[0] as JournalEntry).seq;
  const toSeq = (entries.at(-1) as JournalEntry).seq;
  await journal.append(operator, 'ceremony.session-unfinished', {
    reason: CRASH_REASON,
    reasonPhrase: { ...phraseOf('journal.reason.ended-without-stop') },
    session,
    seq: fromSeq,
    count: entries.length,
  });
  const folders = preflightedFolders(entries);
  const bundleFolder = folders.find((d) => d.role === 'bundle');
  const bundle = bundleFolder
    ? await withdrawBundleFolder(journal, operator, entries, bundleFolder.folder, now)
    : { withdrawn: null, byHand: null };
  const ceremonyId = ceremonyOf(entries);
  const custodians = folders.filter((d) => d.role === 'custodian');
  const sets: SessionSets = {
    own: splitSetTags(entries),
    others: splitSetTags(journal.entries.filter((e) => e.seq < fromSeq)),
  };
  const files: string[] = [];
  const createdFolders: string[] = [];
  for (const d of custodians) {
    if (ceremonyId) files.push(...(await custodyFilesIn(d.folder, ceremonyId, sets)));
    if (d.willCreate && (await pathExists(d.folder).catch(() => false))) createdFolders.push(d.folder);
  }
  const custody = await withdrawCustodySplit({ files, createdFolders }, journal, operator);
  return {
    session,
    fromSeq,
    toSeq,
    withdrawnBundle: bundle.withdrawn,
    deleteByHand: bundle.byHand,
    withdrawnCustody: custody.withdrawnCustody,
    custodyByHand: custody.custodyByHand,
  };
}
