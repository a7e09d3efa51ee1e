/** A step of a ceremony screen as the screen's plan names it: its number, title and section from the plan. */
import type { ReactNode } from 'react';
import { useT, type PlainKey } from '../i18n';
import { Step, type StepState } from './Step';
import type { PlannedStepOf } from './step-plan';

/** The plan's title, or (for a title that takes values) the one the screen words. */
type Titled = { plan: PlannedStepOf<PlainKey>; title?: string } | { plan: PlannedStepOf<null>; title: string };

export function PlannedStep({ plan, title, state, children }: Titled & { state: StepState; children: ReactNode }) {
  const { message } = useT();
  return (
    <Step
      number={plan.number}
      title={title ?? (plan.title === null ? '' : message({ key: plan.title }))}
      state={state}
      section={plan.section}
    >
      {children}
    </Step>
  );
}
