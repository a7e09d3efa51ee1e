/**
 * When the witnesses cannot confirm (WITNESS_ATTEMPTS_EXHAUSTED: a witness typed too many wrong
 * values), the session stops, on the air-gapped side as `keyferry airgap wrap` stops there and in a
 * custody restore as `keyferry custody restore` does: what it holds is wiped, a bundle it wrote is
 * withdrawn, and the stop is journaled with the problem (`ceremony.abandoned`, session-stop.ts).
 * Every later step of it is refused; the screen says so, with what was withdrawn, and offers a new
 * session (its network check: air-gapped.ts, custody-restore.ts).
 */
import { problemCause, type AbandonReport } from '../../core/ceremony/airgap/session-stop';
import type { ArtefactToConfirm } from '../../core/ceremony/airgap/witness-confirmations';
import { isKeyferryError, KeyferryError, toProblem } from '../../core/errors';
import type { Journal } from '../../core/journal';
import type { ValidRequest } from '../contract';
import { shownInTheApp } from '../shown-in-the-app';
import { abandonReportView } from './abandon-report-view';
import { witnessConfirmation } from './air-gapped-steps';
import type { AirGapSide, RestoreSide, StoppedAirGap } from './session';

/** A side whose witnesses confirm before anything is made: the air-gapped side, or a custody restore. */
type WitnessedSide = AirGapSide | RestoreSide;

/**
 * A witness's confirmation on `side`; the one that ends the witnesses' tries stops the session
 * first (stopWhenWitnessesCannotConfirm), and its problem is the answer.
 */
export async function confirmOrStop(side: WitnessedSide, request: ValidRequest<'confirmAsWitness'>) {
  try {
    return await witnessConfirmation(side.ceremony, request);
  } catch (error) {
    await stopWhenWitnessesCannotConfirm(side, error);
    throw error;
  }
}

/** Stops `side` when `error` (a refused confirmation) ended the confirmations; does nothing otherwise. */
async function stopWhenWitnessesCannotConfirm(side: WitnessedSide, error: unknown): Promise<void> {
  if (side.stopped || !isKeyferryError(error) || error.code !== 'WITNESS_ATTEMPTS_EXHAUSTED') return;
  const confirmations = side.ceremony.artefactsToConfirm();
  const state = side.ceremony.state;
  // A stop its journal could not take (the medium failed) stops the session all the same, and says so:
  // nothing was made before the confirmations, so nothing is held or written to withdraw.
  const stop = await side.ceremony.abandon(problemCause(error)).then(
    (report) => ({ report, journaled: true }),
    () => ({ report: nothingMade(state), journaled: false }),
  );
  side.stopped = { problem: toProblem(error), ...stop, confirmations };
}

/** Refuses every step of a session that stopped (before it reads a file for it); a new one starts with its network check. */
export function refuseWhenStopped(side: WitnessedSide): void {
  if (side.stopped) throw new KeyferryError('CEREMONY_STOPPED');
}

/**
 * Puts a stopped side aside before its network check starts a new session: its journal is closed
 * (one whose medium failed at the stop may not close cleanly: the new session opens it again).
 * True when `side` had stopped.
 */
export async function closedWhenStopped(
  side: { readonly stopped?: StoppedAirGap; readonly journal: Journal } | undefined,
) {
  if (!side?.stopped) return false;
  await side.journal.close().catch(() => undefined);
  return true;
}

/** What a stop before any material did: nothing wiped, withdrawn or left. */
function nothingMade(state: string): AbandonReport {
  return {
    state,
    wipedKeys: 0,
    underWay: 'nothing',
    withdrawnBundle: null,
    deleteByHand: null,
    withdrawnCustody: [],
    custodyByHand: [],
  };
}

/** The stop as the session view carries it: the problem in the app's words (`surface: app`), and what the stop did. */
export function stoppedAirGapView(stopped: StoppedAirGap | undefined) {
  if (!stopped) return null;
  const { code, message, nextStep, values } = stopped.problem;
  return {
    problem: shownInTheApp({ code, message, nextStep, ...(values ? { values: { ...values } } : {}) }),
    report: abandonReportView(stopped.report),
    journaled: stopped.journaled,
  };
}

/**
 * Where the session view reads the parameters and confirmations of `side`'s ceremony: a stopped
 * ceremony lists none (its guard refuses), so those it had at the stop.
 */
export function overviewSource<C extends { readonly parametersOverview: unknown }>(side: {
  readonly ceremony: C & { artefactsToConfirm(): ArtefactToConfirm[] };
  readonly stopped?: StoppedAirGap;
}): { readonly parametersOverview: C['parametersOverview']; artefactsToConfirm(): ArtefactToConfirm[] } {
  const { ceremony, stopped } = side;
  if (!stopped) return ceremony;
  return { parametersOverview: ceremony.parametersOverview, artefactsToConfirm: () => [...stopped.confirmations] };
}
