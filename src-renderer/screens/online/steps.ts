/** Which online step may run now, from the workflow's step (the order is the core's, through the contract; the guards stay in main). */
import { hasReached, ONLINE_STEPS, type OnlineStepName } from '../../../src-main/ipc/contract';
import type { StepState } from '../../components/Step';

export function reached(step: OnlineStepName | undefined, target: OnlineStepName): boolean {
  return hasReached(ONLINE_STEPS, step, target);
}

/** done once `step` is past `doneAt`, current when `step` is one of `now`, else waiting. */
export function stepState(
  step: OnlineStepName | undefined,
  now: readonly OnlineStepName[],
  doneAt: OnlineStepName,
): StepState {
  if (reached(step, doneAt)) return 'done';
  return step !== undefined && now.includes(step) ? 'current' : 'waiting';
}
