/** One numbered step of a ceremony screen: heading, state, content, and its activity regions. */
import { useId, type ReactNode } from 'react';
import { useAppStore } from '../store/store';
import type { MessageKey } from '../../src-main/i18n/catalogue';
import { Activity } from './Activity';
import { useT } from '../i18n';

/** `stopped`: a step of a session that stopped (nothing more runs in it). */
export type StepState = 'done' | 'current' | 'waiting' | 'stopped';

const STATE_LABEL: Readonly<Record<StepState, MessageKey>> = {
  done: 'step.state.done',
  current: 'step.state.current',
  waiting: 'step.state.waiting',
  stopped: 'step.state.stopped',
};

export function Step({
  number,
  title,
  state,
  section,
  children,
}: {
  number: number;
  title: string;
  state: StepState;
  section: string;
  children: ReactNode;
}) {
  const id = useId();
  const { t, message } = useT();
  return (
    <section className={`step step-${state}`} aria-labelledby={id} data-section={section}>
      <h2 id={id}>
        <span className="step-number" aria-hidden="true">
          {number}
        </span>
        <span>{t('step.title', { number, title })}</span>
        <span className={`step-state state-${state}`}>{message({ key: STATE_LABEL[state] })}</span>
      </h2>
      {children}
      <Activity section={section} />
    </section>
  );
}

/** A button that runs a step: disabled while anything runs or when the step is not available. */
export function StepButton({
  children,
  onClick,
  available,
  primary = true,
  submit = false,
}: {
  children: ReactNode;
  onClick?: () => void;
  available: boolean;
  primary?: boolean;
  submit?: boolean;
}) {
  const busy = useAppStore((s) => s.busy !== null);
  return (
    <button
      type={submit ? 'submit' : 'button'}
      className={primary ? 'primary' : 'secondary'}
      onClick={onClick}
      disabled={busy || !available}
    >
      {children}
    </button>
  );
}
