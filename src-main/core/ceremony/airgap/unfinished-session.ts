/**
 * An air-gapped session (a wrap or a custody restore) whose process ended without stopping: a crash
 * or a power cut (a SIGKILL stands in for one in tests). Its journal ends with neither a finished
 * bundle (`wrapped-bundle.completed`) nor a stop (`ceremony.abandoned`), and what it wrote is still
 * on the media: custody shares, slips and backups of material that was never wrapped (an orphaned
 * custody set a custodian could take away or bring to a restore years later), a wrapped-bundle
 * folder without its manifest. The next session on the journal, before its own start, journals
 * `ceremony.session-unfinished` (a deviation every later receipt lists), then withdraws what that
 * session wrote as a stop would (session-stop.ts): the bundle folder marked ABANDONED, the custody
 * files removed (crashed-session-custody.ts: only that session's set; a custodian folder that cannot
 * be read or cleared is journaled as not withdrawn), and the HSM token objects it generated are named
 * (crashed-session-token-objects.ts). Whatever is not withdrawn is named to delete by hand. A
 * session whose bundle on the media shows it finished is no crash: the journal is an older copy, and
 * nothing is written or removed (finished-on-media.ts).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { phraseOf } from '../../../i18n/phrase';
import { MANIFEST_FILE } from '../../bundle';
import { voidCrashedSessionReceipt } from './crashed-session-receipt';
import { voidReceipt } from '../shared/void-receipt';
import {
  CLOSING_FINISHED_EVENT,
  INTERRUPTED_EVENT,
  sealingEntries,
  SESSION_STOPPED_BY,
  stringList,
  type Journal,
  type JournalEntry,
} from '../../journal';
import { withdrawCrashedCustody, type CustodyNotWithdrawn } from './crashed-session-custody';
import { crashedSessionTokenObjects } from './crashed-session-token-objects';
import { refuseSessionFinishedOnMedia, sessionFinishedOnMedia } from './finished-on-media';
import { startsAirGappedSession } from './receipt-session';
import type { AbandonReport, SessionPausePoint } from './session-stop';
import { stopCutShort } from './stop-cut-short';
import { withdrawCrashedBundle } from './crashed-session-bundle';
import { keepCustodyOfReceiptSession } from './crashed-custody-kept';
import { CLOSING_END_JOURNALED, closingBegun, refuseBundleGoneInBegunClosing } from './closing-resume';

/**
 * What the next session did about an earlier one that ended without stopping: which session and
 * entries, and what of it was withdrawn or is left to delete by hand, as a stop reports it.
 */
export interface UnfinishedSessionReport extends Pick<
  AbandonReport,
  'withdrawnBundle' | 'withdrawnHow' | 'deleteByHand' | 'withdrawnCustody' | 'custodyByHand' | 'tokenObjects'
> {
  /** 1-based: the n-th air-gapped session of the journal. */
  readonly session: number;
  /** The journal entries it spans. */
  readonly fromSeq: number;
  readonly toSeq: number;
  /**
   * The entry of its `ceremony.interrupted` when a stop (Ctrl-C) came before the ceremony could
   * journal its end (the journal's own stop handler ran, the ceremony's not yet): not a crash. Null: none.
   */
  readonly interruptedSeq: number | null;
  /**
   * Its own stop had begun (its `ceremony.interrupted`, at interruptedSeq, or its withdrawals) and was
   * cut short before `ceremony.abandoned` (stop-cut-short.ts): what that stop withdrew is not withdrawn again.
   */
  readonly stopCutShort: boolean;
  /**
   * The `ceremony.session-unfinished` of a closing of it that was cut short (closing-resume.ts), run
   * again now: what that closing journaled is named as it was, not done twice. Null: closed now, whole.
   */
  readonly resumedSeq: number | null;
  /** Its custodians' folders whose files it wrote are not withdrawn (unreadable, not found, not removed): to delete by hand. */
  readonly notWithdrawn: readonly CustodyNotWithdrawn[];
  /**
   * The receipt files it printed, now voided: one never journaled (crashed-session-receipt.ts), or
   * the journaled receipt of a bundle that never became whole (beforeManifest).
   */
  readonly voidedReceipts: readonly string[];
  /** It was killed after its receipt and before its bundle's manifest (unfinishedSessionOnMedia). */
  readonly beforeManifest: boolean;
}

/**
 * What the closing of the unfinished session was checked against, journaled with the closing
 * (`ceremony.session-unfinished`; unfinished-before-opening.ts): the parameters bundle (its folder and digest), or nothing, the
 * officer having chosen console files, so an audit sees a closing no parameters checked.
 */
export type ClosingChecked =
  | { readonly against: 'parameters'; readonly folder: string; readonly parametersSha256: string }
  | { readonly against: 'console-files' };

/** The journal's last air-gapped session when it did not end: its number and entries. */
export interface UnfinishedSession {
  readonly session: number;
  readonly entries: readonly JournalEntry[];
  /**
   * The `receipt.written` of a session killed between its receipt and its bundle's manifest
   * (unfinishedSessionOnMedia): the receipt names a bundle that never became whole, and is voided.
   */
  readonly receiptOfNoBundle?: JournalEntry;
}

/** The journal's last air-gapped session, ended or not: its number and entries. */
function lastAirGappedSession(entries: readonly JournalEntry[]): UnfinishedSession | null {
  const start = entries.findLastIndex(startsAirGappedSession);
  if (start === -1) return null;
  return { session: entries.filter(startsAirGappedSession).length, entries: entries.slice(start) };
}

/**
 * The journal's last air-gapped session when it has no end entry (sealingEntries, SESSION_STOPPED_BY),
 * or when its closing began and did not finish (closing-resume.ts): the next start runs that closing
 * again, withdrawing what the session wrote, so every check made before a closing is made before it too.
 */
export function unfinishedLastSession(entries: readonly JournalEntry[]): UnfinishedSession | null {
  const last = lastAirGappedSession(entries);
  const begun = last ? closingBegun(last.entries) : null;
  if (last && begun) return { session: last.session, entries: begun.session };
  const sealing = sealingEntries(entries);
  return last?.entries.some((e) => sealing.has(e.seq) || SESSION_STOPPED_BY.has(e.event)) === false ? last : null;
}

/**
 * The journal's last air-gapped session when it did not end, as the journal and the media show it:
 * one with no end entry (unfinishedLastSession), or one killed between its receipt and its bundle's
 * manifest. The receipt is written first and the manifest after it (receipt-step.ts), so such a
 * session's journal ends at `receipt.written` while its bundle folder, where its preflight put it,
 * holds the bundle's files and no manifest, or nothing (the officer's word that it is lost): a bundle
 * no online side takes, which the receipt names. It is closed as a crash is, its receipt voided; its
 * custody set is KEPT and named (a journal copy cut short, its manifest taken away, would look the
 * same: keepCustodyOfReceiptSession). A bundle folder that
 * holds a manifest (a whole bundle whose `wrapped-bundle.completed` was never appended) leaves the
 * session sealed, as before; so does a
 * session whose `wrapped-bundle.written` does not say the manifest comes after the receipt (journals
 * written before 2026-11-30 end a finished wrap at its receipt, its manifest written before it: a
 * folder of theirs without one was emptied by hand, not cut). A folder that is not there, or does
 * not read, is asked for (AIRGAP_SESSION_FINISHED_ON_MEDIA): the stick may be elsewhere.
 */
export async function unfinishedSessionOnMedia(
  entries: readonly JournalEntry[],
  journalPath: string,
): Promise<UnfinishedSession | null> {
  const last = lastAirGappedSession(entries);
  const begun = last ? closingBegun(last.entries) : null;
  if (last && begun) {
    const bundle = preflightedFolders(begun.session).find((d) => d.role === 'bundle')?.folder;
    await refuseBundleGoneInBegunClosing(begun, bundle, { journal: journalPath, number: last.session });
    return { session: last.session, entries: begun.session };
  }
  const unfinished = unfinishedLastSession(entries);
  if (unfinished) {
    // One whose receipt a closing cut short voided (before its entry): its bundle folder is asked for all the same.
    if (unfinished.entries.some((e) => e.event === 'receipt.written'))
      await bundleFolderNames(unfinished.entries, journalPath, unfinished.session);
    return unfinished;
  }
  if (!last || last.entries.some((e) => e.event === 'wrapped-bundle.completed' || SESSION_STOPPED_BY.has(e.event)))
    return null;
  const sealing = sealingEntries(entries);
  const receipt = last.entries.findLast((e) => e.event === 'receipt.written' && sealing.has(e.seq));
  const names = receipt ? await bundleFolderNames(last.entries, journalPath, last.session) : undefined;
  if (!receipt || names === undefined || names.includes(MANIFEST_FILE)) return null;
  return { ...last, receiptOfNoBundle: receipt };
}

/**
 * What the bundle folder of `session` (the n-th, `number`) holds, where its preflight put it, when it
 * was staged to take its manifest after the receipt (undefined otherwise: a bundle written whole
 * before it, journals before 2026-11-30, lacks its manifest only when someone took it away, never by
 * a cut). An empty folder there is the officer's word that the bundle is lost. Gone, or not readable,
 * the medium may be elsewhere (a trial's app, reopened with the stick out, took such a session for
 * finished and asked to wrap again): it is asked for (AIRGAP_SESSION_FINISHED_ON_MEDIA), nothing closed.
 */
async function bundleFolderNames(
  session: readonly JournalEntry[],
  journalPath: string,
  number: number,
): Promise<string[] | undefined> {
  const folder = preflightedFolders(session).find((d) => d.role === 'bundle')?.folder;
  const staged = session.findLast((e) => e.event === 'wrapped-bundle.written');
  if (staged?.data['manifest'] !== 'after-receipt' || folder === undefined) return undefined;
  const names = await fs.readdir(folder).catch(() => null);
  if (names === null)
    throw sessionFinishedOnMedia(
      journalPath,
      { number, seq: (session[0] as JournalEntry).seq },
      { evidence: 'missingAfterReceipt', where: folder },
    );
  return names;
}

/**
 * Whether the unfinished `session` may have left files its closing withdraws: the folders its
 * preflight passed (preflightedFolders) and the custody set it split (crashed-session-custody.ts)
 * are what the closing reads; before either, it wrote nothing.
 */
export function leftFilesToWithdraw(session: readonly JournalEntry[]): boolean {
  return session.some((e) => e.event === 'preflight.passed' || e.event === 'custody.split');
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

const CRASH_REASON = 'the process ended without stopping: a crash or power loss';
const STOPPED_REASON = 'the process was stopped before the session could journal its end';
const STOP_CUT_SHORT_REASON =
  'the session was stopped, and the process ended (a crash or power loss) before its stop journaled its end';
const CUT_BEFORE_MANIFEST_REASON =
  'the process ended after the receipt and before the bundle manifest was written: the bundle never became whole';

/**
 * Before a session starts on `journal`: when its last air-gapped session has no end entry, journals
 * `ceremony.session-unfinished` and withdraws what that session wrote (see the file comment), then
 * journals the closing finished (`ceremony.session-closed`, closing-resume.ts). A closing begun and
 * not finished (cut short itself) is run again, its entry not journaled twice. Null when the last
 * session ended (or there is none).
 */
export async function closeUnfinishedSession(
  journal: Journal,
  operator: string,
  now: Date,
  /** What the app checked before the journal opened (unfinished-before-opening.ts), journaled with the closing. */
  checked?: ClosingChecked,
  /** TEST ONLY: awaited after `ceremony.session-unfinished` (session-stop.ts SessionPausePoint). */
  pause?: (point: SessionPausePoint) => Promise<void>,
): Promise<UnfinishedSessionReport | null> {
  const last = lastAirGappedSession(journal.entries);
  const begun = last ? closingBegun(last.entries) : null;
  // A closing begun is run again, its bundle folder asked for when gone (refuseBundleGoneInBegunClosing).
  const unfinished = await unfinishedSessionOnMedia(journal.entries, journal.path);
  if (!unfinished) return null;
  const { session, entries } = unfinished;
  const receiptOfNoBundle = 'receiptOfNoBundle' in unfinished ? unfinished.receiptOfNoBundle : undefined;
  const done = begun?.done;
  // A session that journaled its receipt (still sealing it, or voided by a closing cut short itself)
  // ended after it: its custody copy is kept, whatever else the closing does.
  const receiptWritten = receiptOfNoBundle ?? entries.findLast((e) => e.event === 'receipt.written');
  const fromSeq = (entries[0] as JournalEntry).seq;
  const toSeq = (entries.at(-1) as JournalEntry).seq;
  const folders = preflightedFolders(entries);
  const bundleFolder = folders.find((d) => d.role === 'bundle');
  // An older copy of a journal whose session finished, or that went on: nothing of it is taken for a
  // crash's. A closing begun was past this check.
  if (!begun)
    await refuseSessionFinishedOnMedia({
      journal: journal.path,
      entries: journal.entries,
      session: entries,
      number: session,
      bundleFolder: bundleFolder?.folder,
      receiptFolder: folders.find((d) => d.role === 'receipt')?.folder,
      // Its own receipt, journaled, is no sign it finished elsewhere (its bundle folder was looked at).
      receiptJournaled: receiptWritten !== undefined,
    });
  // Its own stop, cut short before its `ceremony.abandoned` (stop-cut-short.ts): not a crash alone.
  const stop = receiptWritten ? null : stopCutShort(entries);
  // A stop journaled by the journal's own handler (before the ceremony's was registered) in the run of
  // this very session (it names the session's start) is no crash; an interrupt of a later run that
  // never started its session, or one that names none (older versions), is not taken for it.
  const interruptedSeq =
    stop?.interruptedSeq ??
    entries.find((e) => e.event === INTERRUPTED_EVENT && e.data.sessionSeq === fromSeq)?.seq ??
    null;
  const why = stop
    ? { reason: STOP_CUT_SHORT_REASON, phrase: phraseOf('journal.reason.stop-cut-short', { seq: interruptedSeq ?? 0 }) }
    : interruptedSeq !== null
      ? { reason: STOPPED_REASON, phrase: phraseOf('journal.reason.stopped-before-end', { seq: interruptedSeq }) }
      : receiptWritten
        ? { reason: CUT_BEFORE_MANIFEST_REASON, phrase: phraseOf('journal.reason.ended-before-manifest') }
        : { reason: CRASH_REASON, phrase: phraseOf('journal.reason.ended-without-stop') };
  // Its journaled receipt is voided first: the session is then unsealed, so a closing cut short at
  // any point after is found again, and never leaves a receipt sealing it, ready to sign.
  const receiptFolder = folders.find((d) => d.role === 'receipt')?.folder;
  const journaledVoided =
    receiptOfNoBundle && receiptFolder !== undefined
      ? await voidReceipt(
          {
            htmlFile: path.join(receiptFolder, String(receiptOfNoBundle.data['htmlFile'])),
            textFile: path.join(receiptFolder, String(receiptOfNoBundle.data['textFile'])),
          },
          journal,
          operator,
        )
      : [];
  const crashed = {
    session: entries,
    before: journal.entries.filter((e) => e.seq < fromSeq),
    ceremonyId: ceremonyOf(entries),
    custodianFolders: folders.filter((d) => d.role === 'custodian'),
  };
  const closing =
    begun?.unfinished ??
    (await journal.append(operator, 'ceremony.session-unfinished', {
      reason: why.reason,
      reasonPhrase: { ...why.phrase },
      session,
      seq: fromSeq,
      count: entries.length,
      ...(checked === undefined
        ? {}
        : {
            checkedAgainst: checked.against,
            ...(checked.against === 'parameters' ? { parametersSha256: checked.parametersSha256 } : {}),
          }),
      ...CLOSING_END_JOURNALED,
    }));
  await pause?.('closing-after-unfinished');
  // Its receipt was written: the set is kept, named, never removed (keepCustodyOfReceiptSession).
  const kept = receiptWritten ? await keepCustodyOfReceiptSession(crashed, journal, operator, done) : undefined;
  // Withdrawn by its stop, or by this closing cut short, and still showing it: not withdrawn twice.
  const bundle = bundleFolder
    ? await withdrawCrashedBundle(
        journal,
        operator,
        entries,
        [...entries, ...(done?.entries ?? [])],
        bundleFolder.folder,
        now,
        why,
      )
    : { withdrawn: null, byHand: null };
  // A receipt it printed and never journaled (a cut before its entry) names the bundle just withdrawn too.
  // Voided by an earlier closing cut short: named again, not to be signed.
  const voidedBefore = [...(receiptOfNoBundle ? [] : entries), ...(done?.entries ?? [])].flatMap((e) =>
    e.event === 'receipt.voided' ? stringList(e.data['voidedFiles']) : [],
  );
  const voidedReceipts = [
    ...journaledVoided,
    ...voidedBefore,
    ...(await voidCrashedSessionReceipt(
      journal,
      operator,
      { entries, ceremonyId: ceremonyOf(entries) },
      receiptFolder,
    )),
  ];
  // Folders its stop (cut short) journaled cleared stand as cleared; files of the set found there again are removed.
  const custody = kept ?? (await withdrawCrashedCustody(crashed, journal, operator, done, stop?.clearedFolders));
  // Token objects it generated are named, not destroyed: no session here is logged in to that token.
  // Never those of a session cut after its receipt: for an HSM wrap they are its custody copy, kept as its shares are.
  const tokenObjects = receiptWritten
    ? undefined
    : await crashedSessionTokenObjects(entries, journal, operator, why.reason, done?.entries);
  await journal.append(operator, CLOSING_FINISHED_EVENT, { seq: closing.seq });
  return {
    session,
    fromSeq,
    toSeq,
    interruptedSeq,
    stopCutShort: stop !== null,
    resumedSeq: begun ? closing.seq : null,
    withdrawnBundle: bundle.withdrawn,
    ...(bundle.how ? { withdrawnHow: bundle.how } : {}),
    deleteByHand: bundle.byHand,
    withdrawnCustody: custody.withdrawnCustody,
    custodyByHand: custody.custodyByHand,
    notWithdrawn: custody.notWithdrawn,
    voidedReceipts,
    beforeManifest: receiptWritten !== undefined,
    ...(tokenObjects ? { tokenObjects } : {}),
  };
}
