/**
 * How an air-gapped session (the air-gapped side or the custody restore) stops before it finished:
 * what is held is wiped, the stop is journaled (an interrupt as such), a wrapped bundle that was
 * written but that no receipt names is withdrawn so the online side refuses it, and the custody
 * files the session wrote are removed. The report says what was done and what is left to delete
 * by hand.
 */
import { materialIdOf, withdrawWrappedBundle, withdrawnBundleData, withdrawalKind } from '../../bundle';
import { toProblem, type ProblemDetails } from '../../errors';
import { problemData, type Journal, type JournalEntry, INTERRUPTED_EVENT } from '../../journal';
import type { Phrase } from '../../../i18n/phrase';
import type { WrittenWrappedBundle } from './wrap';
import type { TokenObjectsCleanup } from './token-objects-cleanup';

/** How a stopped session ended: what was wiped and whether a written bundle was withdrawn. */
export interface AbandonReport {
  /** The state the session had reached when it stopped. */
  readonly state: string;
  /**
   * The session's last journal entry before the stop: the step it had really reached, finer than
   * `state` (a state spans several entries: a witness's confirmation while others are still to type).
   */
  readonly lastStep?: JournaledStep;
  /** The key materials wiped (the journal's `wipedKeys`: one per replica group, held under its primary's id). */
  readonly wipedKeys: number;
  /** The keys those materials serve, where more (a replica group's keys share one material). */
  readonly wipedKeysServed?: number;
  /**
   * When nothing finished was held: what material work the state allowed to be under way, which the
   * stop discarded ('generating' once the witnesses confirmed an air-gapped wrap; 'rebuilding' once
   * custodians presented shares to a restore; 'wrapping' once the material was ready, which the wrap
   * wipes key by key as it wraps; 'nothing' before that).
   */
  readonly underWay: MaterialUnderWay;
  /** The wrapped-bundle folder marked ABANDONED (no receipt names it), if one was written. */
  readonly withdrawnBundle: string | null;
  /**
   * How it was withdrawn: ABANDONED.txt written (`marked`); no room for that, so its manifest removed
   * (`manifestRemoved`); no room for that and no manifest ever written (`noManifest`: no reader takes
   * the folder for a bundle, which is still to delete).
   */
  readonly withdrawnHow?: ReturnType<typeof withdrawalKind>;
  /** Set when a written bundle could not be withdrawn: the folder to delete by hand. */
  readonly deleteByHand: string | null;
  /** Custodian folders whose files of this session (shares, slips, backup) were removed. */
  readonly withdrawnCustody: readonly string[];
  /**
   * Custodian folders this session made for the shares and removed again before any file went in
   * (a stop right after the split began), each with its custodian (null: the journal names none).
   */
  readonly removedCustodyFolders?: readonly RemovedCustodianFolder[];
  /** Custody files of this session that could not be removed: to delete by hand. */
  readonly custodyByHand: readonly string[];
  /** The receipt (HTML file name) this session wrote for a bundle that never completed, renamed NAME.void. */
  readonly voidedReceipt?: string;
  /** The HSM token objects this session generated: destroyed, or left to delete by hand (token-objects-cleanup.ts). */
  readonly tokenObjects?: TokenObjectsCleanup;
}

/** What a stop's wipe held: the materials, by the id each is held under, and how many keys they serve. */
export interface WipedMaterial {
  readonly materialIds: readonly string[];
  readonly keys: number;
}

/** The materials `held` (by material id) and the keys of `keys` they serve (a replica's is its primary's). */
export function wipedMaterialOf(
  held: readonly string[],
  keys: readonly { readonly keyId: string; readonly replicaOf?: string | undefined }[],
): WipedMaterial {
  return { materialIds: held, keys: keys.filter((k) => held.includes(materialIdOf(k))).length };
}

/** The receipt the running session voided (`receipt.voided` since its start), if any. */
function voidedReceiptOf(journal: Journal): string | undefined {
  const entries = journal.entries;
  const start = entries.findLastIndex((e) => e.event === 'ceremony.session-started');
  const voided = entries.slice(start + 1).findLast((e) => e.event === 'receipt.voided');
  const file = voided?.data['htmlFile'];
  return typeof file === 'string' ? file : undefined;
}

export type MaterialUnderWay = 'nothing' | 'generating' | 'rebuilding' | 'wrapping';

/**
 * TEST ONLY (cli/test-pause.ts): where a stop or the closing of an unfinished session waits, so a
 * test can kill the process there: a stop after its withdrawals and before `ceremony.abandoned`; a
 * closing after its `ceremony.session-unfinished`, before its withdrawals.
 */
export type SessionPausePoint = 'stop-before-abandoned' | 'closing-after-unfinished';

/** A journal entry as a stop names it: its number, event and who made it. */
interface JournaledStep {
  readonly seq: number;
  readonly event: string;
  readonly actor: string;
}

/** A custodian folder a stopped session made and removed again, empty, and whose it was. */
interface RemovedCustodianFolder {
  readonly folder: string;
  readonly custodian: string | null;
  /** Gone from its path before the stop could remove it (its stick pulled): the empty folder is on those media. */
  readonly gone?: true;
}

/** What a stop did with the custody files its session wrote (custody-split.ts withdrawCustodySplit). */
export type CustodyWithdrawal = Pick<AbandonReport, 'withdrawnCustody' | 'custodyByHand' | 'removedCustodyFolders'>;

/**
 * Why a session stopped: a failure, a signal (the officer pressed Ctrl-C, or the system stopped it),
 * or, in the app, the officer confirmed leaving the ceremony (closing the window, or another screen).
 */
export interface StopCause {
  /** Why, in English as it is recorded (older readers print it). */
  readonly reason: string;
  /** Why, as a catalogue phrase: receipts print it in their own language. */
  readonly phrase?: Phrase;
  /** The problem that stopped the ceremony: its code and values are journaled for the receipts. */
  readonly problem?: ProblemDetails;
  readonly signal?: 'SIGINT' | 'SIGTERM' | 'SIGHUP';
  readonly left?: 'window-closed' | 'ceremony-left';
}

/** A ceremony stopped by `error`: its English text as the reason, its code and values for the receipts. */
export function problemCause(error: unknown): StopCause {
  const problem = toProblem(error);
  return { reason: problem.message, problem };
}

/** The session a stop ends, as its ceremony holds it. */
export interface StoppingSession {
  /** Refuses every later step; its state is the one the stop records. */
  readonly guard: { stop(): void; readonly state: string };
  readonly journal: Journal;
  readonly operator: string;
  readonly now: () => Date;
  /** The bundle or receipt write under way: the stop waits for it before deciding what to withdraw. */
  readonly writing: () => Promise<unknown>;
  /** A custody restore's session (its withdrawn bundle says to restore again, not to wrap). */
  readonly restore: boolean;
  /** The wrapped bundle this session wrote, if any (asked once the write under way settled). */
  readonly bundle: () => WrittenWrappedBundle | undefined;
  /** What material work the ceremony's state `state` allows to be under way (see AbandonReport.underWay). */
  readonly underWay: (state: string) => MaterialUnderWay;
  /** TEST ONLY: awaited at a pause point (SessionPausePoint). */
  readonly pause?: (point: SessionPausePoint) => Promise<void>;
}

/** What a stop undoes besides wiping: the session's custody files, and the HSM token objects it generated. */
export interface StopUndo {
  readonly withdrawCustody?: () => Promise<CustodyWithdrawal>;
  readonly discardTokenObjects?: () => Promise<TokenObjectsCleanup | null>;
}

/**
 * Ends `session`, which will not finish: wipes what is held (`wipe`, returning the materials it
 * held and the keys they serve), journals the stop (`ceremony.interrupted` for a signal or a left screen, with those
 * ids, then `ceremony.abandoned`), withdraws a written bundle no receipt names, destroys the HSM token
 * objects the session generated and removes its custody files (`undo`). A finished session is
 * left as it is.
 */
export async function stopAirGapSession(
  session: StoppingSession,
  cause: StopCause,
  wipe: () => WipedMaterial,
  undo: StopUndo = {},
): Promise<AbandonReport> {
  session.guard.stop();
  const wiped = wipe();
  const wipedKeyIds = wiped.materialIds;
  const wipedKeys = wipedKeyIds.length;
  const served = wiped.keys > wipedKeys ? { wipedKeysServed: wiped.keys } : {};
  // The keys by id, so the next receipt names them (alias and key id), not a count alone.
  const wipedIds: { wipedKeyIds?: string[] } = wipedKeys > 0 ? { wipedKeyIds: [...wipedKeyIds] } : {};
  await session.writing().catch(() => undefined);
  const state = session.guard.state;
  const underWay = session.underWay(state);
  const stepOf = (entry: JournalEntry | undefined): JournaledStep | undefined =>
    entry ? { seq: entry.seq, event: entry.event, actor: entry.actor } : undefined;
  let lastStep = stepOf(session.journal.entries.at(-1));
  const report = {
    state,
    ...(lastStep ? { lastStep } : {}),
    wipedKeys,
    ...served,
    underWay,
    withdrawnBundle: null,
    deleteByHand: null,
    withdrawnCustody: [],
    custodyByHand: [],
  };
  if (state === 'finished') return report;
  const { journal, operator } = session;
  if (cause.signal || cause.left) {
    const interrupted = await journal.append(operator, INTERRUPTED_EVENT, {
      ...(cause.signal ? { signal: cause.signal } : {}),
      ...(cause.left ? { left: cause.left } : {}),
      state,
      wipedKeys,
      ...wipedIds,
    });
    // Entries of a step under way when the stop came (a wrap journaling its keys) went in before this
    // one: the last of them is the step reached (a trial's stop line named an entry three before).
    lastStep = stepOf(journal.entries.find((e) => e.seq === interrupted.seq - 1)) ?? lastStep;
  }
  const bundle = session.bundle();
  let withdrawnBundle: string | null = null;
  let withdrawnHow: AbandonReport['withdrawnHow'];
  let deleteByHand: string | null = null;
  if (bundle) {
    try {
      const withdrawn = await withdrawWrappedBundle(bundle.dir, {
        reason: cause.reason,
        phrase: cause.phrase,
        problem: cause.problem,
        at: session.now(),
        journal: journal.path,
        restore: session.restore,
      });
      withdrawnBundle = withdrawn.dir;
      withdrawnHow = withdrawalKind(withdrawn);
      await journal.append(operator, 'wrapped-bundle.withdrawn', {
        ...withdrawnBundleData(withdrawn),
        manifestSha256: bundle.manifestSha256,
      });
    } catch (error) {
      deleteByHand = bundle.dir;
      await journal.append(operator, 'wrapped-bundle.withdraw-failed', {
        folder: bundle.dir,
        manifestSha256: bundle.manifestSha256,
        ...problemData(toProblem(error)),
      });
    }
  }
  const tokenObjects = (await undo.discardTokenObjects?.()) ?? null;
  const custody = (await undo.withdrawCustody?.()) ?? { withdrawnCustody: [], custodyByHand: [] };
  await session.pause?.('stop-before-abandoned');
  await journal.append(operator, 'ceremony.abandoned', {
    ...(cause.problem ? problemData(cause.problem) : {}),
    reason: cause.reason,
    ...(cause.phrase ? { reasonPhrase: { ...cause.phrase } } : {}),
    wipedKeys,
    ...wipedIds,
    state,
    ...(withdrawnBundle ? { withdrawnBundle } : {}),
  });
  const voidedReceipt = voidedReceiptOf(journal);
  return {
    state,
    ...(lastStep ? { lastStep } : {}),
    wipedKeys,
    ...served,
    underWay,
    withdrawnBundle,
    ...(withdrawnHow ? { withdrawnHow } : {}),
    deleteByHand,
    ...custody,
    ...(voidedReceipt ? { voidedReceipt } : {}),
    ...(tokenObjects ? { tokenObjects } : {}),
  };
}
