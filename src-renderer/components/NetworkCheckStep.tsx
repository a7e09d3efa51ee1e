/**
 * Step 1 of an air-gapped ceremony: check that no network interface is live, and show the outcome
 * (and an earlier session of the journal that a crash or power cut ended, closed by this check).
 */
import type { ReactNode } from 'react';
import { StepButton } from './Step';
import { PlannedStep } from './PlannedStep';
import type { PlannedStepOf } from './step-plan';
import type { StepQuestions } from '../store/step-questions';
import { useAppStore, type AppState } from '../store/store';
import { useT } from '../i18n';
import { EarlierSessionNotice } from './EarlierSessionNotice';

/** The two air-gapped sides' network checks: where each keeps its outcome, and its check. */
const NETWORK_CHECK_OF = {
  'air-gapped': { result: (s: AppState) => s.airNetwork, check: (s: AppState) => s.checkAirGap },
  'custody-restore': { result: (s: AppState) => s.restoreNetwork, check: (s: AppState) => s.restoreCheckNetwork },
} as const;

/** The numbered step: an optional intro, the check button, the outcome (warning when overridden). */
export function NetworkCheckStep({
  plan,
  side,
  steps,
  available = steps.canRun('checkNetwork'),
  label,
  intro,
  children,
}: {
  /** The screen plan's first step. */
  plan: PlannedStepOf<'network.step'>;
  side: keyof typeof NETWORK_CHECK_OF;
  /** The side's step questions: the check is `checkNetwork`, done once the parameters may be read. */
  steps: Pick<StepQuestions<'checkNetwork' | 'readParameters'>, 'canRun' | 'display'>;
  /** Whether the check may run (by default, when `checkNetwork` may). */
  available?: boolean;
  label?: string;
  /** Shown above the button. */
  intro?: ReactNode;
  /** Shown below the outcome. */
  children?: ReactNode;
}) {
  const result = useAppStore(NETWORK_CHECK_OF[side].result);
  const check = useAppStore(NETWORK_CHECK_OF[side].check);
  const { t, message } = useT();
  return (
    <PlannedStep plan={plan} state={steps.display(['checkNetwork'], 'readParameters')}>
      {intro}
      <StepButton available={available} onClick={() => void check()}>
        {label ?? t('network.step')}
      </StepButton>
      {result && <p className={result.overridden ? 'warning' : 'notice'}>{message(result.message)}</p>}
      {result?.earlierSession && <EarlierSessionNotice earlier={result.earlierSession} />}
      {children}
    </PlannedStep>
  );
}
