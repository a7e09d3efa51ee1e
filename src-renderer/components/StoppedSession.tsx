/**
 * What the witnesses' step says once the session stopped because they could not confirm (main's
 * handlers/witnesses-stop.ts, as `airgap wrap` and `custody restore` stop there), on the air-gapped
 * screen and the custody restore's: that it is stopped and why (the problem, with its way on), what
 * the stop wiped and withdrew (in the words said where the officer leaves a ceremony), that none of
 * its steps runs any more, and the way on: a new session, started by the network check as after
 * leaving a ceremony. From the session view: a reloaded window says it too.
 */
import { StepButton } from './Step';
import { WithdrawalLines } from './WithdrawalLines';
import { useAppStore, type AppState } from '../store/store';
import { useT } from '../i18n';

/** The two sides whose witnesses can stop their session: where each view carries the stop, and its new session. */
const STOP_OF = {
  'air-gapped': {
    stopped: (s: AppState) => s.ceremony?.airGap?.stopped ?? null,
    startAgain: (s: AppState) => s.startAirGapAgain,
    side: 'airgap',
  },
  'custody-restore': {
    stopped: (s: AppState) => s.ceremony?.restore?.stopped ?? null,
    startAgain: (s: AppState) => s.restoreCheckNetwork,
    side: 'restore',
  },
} as const;

export function StoppedSession({ side }: { side: keyof typeof STOP_OF }) {
  const stopped = useAppStore(STOP_OF[side].stopped);
  const startAgain = useAppStore(STOP_OF[side].startAgain);
  const { t, problem } = useT();
  if (!stopped) return null;
  const why = problem(stopped.problem);
  return (
    <div className="banner banner-danger stopped-session" role="alert">
      <p className="banner-title">{t('air.stopped.title')}</p>
      <p className="stopped-why">{why.message}</p>
      <p>{t('left.wiped', { wiped: stopped.report.wipedKeys })}</p>
      <WithdrawalLines report={stopped.report} noBundle={<p>{t('left.no-bundle')}</p>} />
      <p className="stopped-steps">
        {t('air.stopped.steps', { side: STOP_OF[side].side, journaled: stopped.journaled ? 'yes' : 'no' })}
      </p>
      <p className="stopped-next">{why.nextStep}</p>
      <p className="hint">{t('air.stopped.again-hint')}</p>
      <StepButton available onClick={() => void startAgain()}>
        {t('air.stopped.again')}
      </StepButton>
    </div>
  );
}
