/**
 * When the witnesses cannot confirm (WITNESS_ATTEMPTS_EXHAUSTED: a witness typed too many wrong
 * values), the air-gapped session stops, as `keyferry airgap wrap` stops there: what it holds is
 * wiped, a bundle it wrote is withdrawn, and the stop is journaled with the problem
 * (`ceremony.abandoned`, session-stop.ts). Every later step of it is refused; the screen says so,
 * with what was withdrawn, and offers a new session (its network check, air-gapped.ts).
 */
import { problemCause, type AbandonReport } from '../../core/ceremony/airgap/session-stop';
import { isKeyferryError, toProblem } from '../../core/errors';
import { shownInTheApp } from '../router';
import { abandonReportView } from './abandon-report-view';
import type { AirGapCeremony } from '../../core/ceremony/airgap/workflow';
import type { AirGapSide, StoppedAirGap } from './session';

/** Stops `side` when `error` (a refused confirmation) ended the confirmations; does nothing otherwise. */
export async function stopWhenWitnessesCannotConfirm(side: AirGapSide, error: unknown): Promise<void> {
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

/** Where the session view reads the parameters and confirmations: a stopped ceremony lists none, so those it had at the stop. */
export function overviewSource(side: AirGapSide): Pick<AirGapCeremony, 'parametersOverview' | 'artefactsToConfirm'> {
  const { ceremony, stopped } = side;
  if (!stopped) return ceremony;
  return { parametersOverview: ceremony.parametersOverview, artefactsToConfirm: () => [...stopped.confirmations] };
}
