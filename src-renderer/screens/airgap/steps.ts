/** Which air-gapped step may run now, from the workflow's state (mirrors its guards, for the buttons). */
import type { AirGapStateName, RestoreStateName } from '../../../src-main/ipc/contract';
import type { StepState } from '../../components/Step';

const ORDER: readonly AirGapStateName[] = [
  'new',
  'network-checked',
  'parameters-read',
  'fingerprints-confirmed',
  'material-ready',
  'wrapped',
  'bundle-written',
  'finished',
];

export function reachedState(state: AirGapStateName | undefined, target: AirGapStateName): boolean {
  return state !== undefined && ORDER.indexOf(state) >= ORDER.indexOf(target);
}

export function airStepState(
  state: AirGapStateName | undefined,
  now: readonly AirGapStateName[],
  doneAt: AirGapStateName,
): StepState {
  if (reachedState(state, doneAt)) return 'done';
  if (state === undefined) return now.includes('new') ? 'current' : 'waiting';
  return now.includes(state) ? 'current' : 'waiting';
}

const RESTORE_ORDER: readonly RestoreStateName[] = [
  'new',
  'network-checked',
  'parameters-read',
  'shares-presented',
  'restored',
  'fingerprints-confirmed',
  'wrapped',
  'bundle-written',
  'finished',
];

/** The same for the custody restore ceremony's states. */
export function restoreStepState(
  state: RestoreStateName | undefined,
  now: readonly RestoreStateName[],
  doneAt: RestoreStateName,
): StepState {
  if (state !== undefined && RESTORE_ORDER.indexOf(state) >= RESTORE_ORDER.indexOf(doneAt)) return 'done';
  if (state === undefined) return now.includes('new') ? 'current' : 'waiting';
  return now.includes(state) ? 'current' : 'waiting';
}
