/** Step 1 of an air-gapped ceremony: check that no network interface is live, and show the outcome. */
import type { ReactNode } from 'react';
import { Step, StepButton, type StepState } from './Step';
import { useT } from '../i18n';

/** The numbered step: an optional intro, the check button, the outcome (warning when overridden). */
export function NetworkCheckStep({
  state,
  section,
  available,
  onCheck,
  result,
  label,
  intro,
  children,
}: {
  state: StepState;
  section: string;
  available: boolean;
  onCheck: () => void;
  result: {
    overridden: boolean;
    message: { key: 'network.offline' } | { key: 'network.overridden'; values: { interfacesList: string } };
  } | null;
  label?: string;
  /** Shown above the button. */
  intro?: ReactNode;
  /** Shown below the outcome. */
  children?: ReactNode;
}) {
  const { t, message } = useT();
  return (
    <Step number={1} title={t('network.step')} state={state} section={section}>
      {intro}
      <StepButton available={available} onClick={onCheck}>
        {label ?? t('network.step')}
      </StepButton>
      {result && <p className={result.overridden ? 'warning' : 'notice'}>{message(result.message)}</p>}
      {children}
    </Step>
  );
}
