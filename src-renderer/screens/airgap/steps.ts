/** Which air-gapped step may run now, from the workflow's state (the order is the core's, through the contract; the guards stay in main). */
import {
  AIR_GAP_STATES,
  hasReached,
  RESTORE_STATES,
  type AirGapStateName,
  type RestoreStateName,
} from '../../../src-main/ipc/contract';
import type { StepState } from '../../components/Step';

export function reachedState(state: AirGapStateName | undefined, target: AirGapStateName): boolean {
  return hasReached(AIR_GAP_STATES, state, target);
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

/** The same for the custody restore ceremony's states. */
export function restoreStepState(
  state: RestoreStateName | undefined,
  now: readonly RestoreStateName[],
  doneAt: RestoreStateName,
): StepState {
  if (hasReached(RESTORE_STATES, state, doneAt)) return 'done';
  if (state === undefined) return now.includes('new') ? 'current' : 'waiting';
  return now.includes(state) ? 'current' : 'waiting';
}
