/**
 * What a ceremony may run now and what it has done, as main computed it from the core's step table
 * (src-main/core/ceremony/shared/allowed-steps.ts) into the session views: the screens ask here
 * (`canRun`, `isDone`) and never compare states themselves (tests/core/ceremony/shared/allowed-steps.test.ts).
 */
import type { StepState } from '../components/Step';

interface Availability<K extends string> {
  readonly allowedSteps: readonly K[];
  readonly doneSteps: readonly K[];
  /** Set when the session stopped (the air-gapped side's view): none of its steps runs again. */
  readonly stopped?: object | null;
}

export interface StepQuestions<K extends string> {
  /** A session of this ceremony exists (it may be finished). */
  readonly inSession: boolean;
  /** The session stopped: every step card says so, and none may run. */
  readonly stopped: boolean;
  /** The core's guard lets `step` run now. */
  canRun(step: K): boolean;
  /** The ceremony has reached what `step` leads to. */
  isDone(step: K): boolean;
  /** A step card's look: stopped with its session; else done once `doneBy` is done, current while one of `runs` may run, else waiting. */
  display(runs: readonly K[], doneBy: K): StepState;
}

/** Before a session exists only `start` may run (it opens one). */
export function stepQuestions<K extends string>(view: Availability<K> | null | undefined, start?: K): StepQuestions<K> {
  const allowed: readonly K[] = view ? view.allowedSteps : start ? [start] : [];
  const done: readonly K[] = view ? view.doneSteps : [];
  const canRun = (step: K) => allowed.includes(step);
  const isDone = (step: K) => done.includes(step);
  const stopped = !!view?.stopped;
  return {
    inSession: !!view,
    stopped,
    canRun,
    isDone,
    display: (runs, doneBy) =>
      stopped ? 'stopped' : isDone(doneBy) ? 'done' : runs.some(canRun) ? 'current' : 'waiting',
  };
}
