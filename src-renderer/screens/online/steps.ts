/** Which online step may run now, from the workflow's step (mirrors its guards, for the buttons). */
import type { OnlineStepName } from '../../../src-main/ipc/contract';
import type { StepState } from '../../components/Step';

const ORDER: readonly OnlineStepName[] = [
  'new',
  'keys-created',
  'parameters-fetched',
  'parameters-written',
  'material-checked',
  'imported',
  'verified',
  'finished',
];

export function reached(step: OnlineStepName | undefined, target: OnlineStepName): boolean {
  return step !== undefined && ORDER.indexOf(step) >= ORDER.indexOf(target);
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
