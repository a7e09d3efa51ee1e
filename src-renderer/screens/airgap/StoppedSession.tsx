/**
 * What the witnesses' step says once the session stopped because they could not confirm (main's
 * handlers/witnesses-stop.ts, as `airgap wrap` stops there): that it is stopped and why (the
 * problem, with its way on), what the stop wiped and withdrew (in the words said where the officer
 * leaves a ceremony), that none of its steps runs any more, and the way on: a new session, started
 * by the network check as after leaving a ceremony. From the session view: a reloaded window says it too.
 */
import { StepButton } from '../../components/Step';
import { WithdrawalLines } from '../../components/WithdrawalLines';
import { useAppStore } from '../../store/store';
import { useT } from '../../i18n';

export function StoppedSession() {
  const stopped = useAppStore((s) => s.ceremony?.airGap?.stopped ?? null);
  const startAgain = useAppStore((s) => s.startAirGapAgain);
  const { t, problem } = useT();
  if (!stopped) return null;
  const why = problem(stopped.problem);
  return (
    <div className="banner banner-danger stopped-session" role="alert">
      <p className="banner-title">{t('air.stopped.title')}</p>
      <p className="stopped-why">{why.message}</p>
      <p>{t('left.wiped', { wiped: stopped.report.wipedKeys })}</p>
      <WithdrawalLines report={stopped.report} noBundle={<p>{t('left.no-bundle')}</p>} />
      <p className="stopped-steps">{t('air.stopped.steps', { journaled: stopped.journaled ? 'yes' : 'no' })}</p>
      <p className="stopped-next">{why.nextStep}</p>
      <p className="hint">{t('air.stopped.again-hint')}</p>
      <StepButton available onClick={() => void startAgain()}>
        {t('air.stopped.again')}
      </StepButton>
    </div>
  );
}
