/**
 * The one list of each ceremony's states, in the order a ceremony passes them. The workflows'
 * state types, the IPC zod enums (ipc/schemas) and the renderer's step display all derive from
 * these lists; tests/core/ceremony/shared/ceremony-states.test.ts proves it. Which step may run
 * in which state is the step table beside it (shared/allowed-steps.ts), read by the step guards.
 * Renderer-safe: imports nothing.
 */

/** The online side (online/workflow.ts). */
export const ONLINE_STEPS = [
  'new',
  'keys-created',
  'parameters-fetched',
  'parameters-written',
  'material-checked',
  'imported',
  'verified',
  'finished',
] as const;
export type OnlineStep = (typeof ONLINE_STEPS)[number];

/**
 * How both air-gapped ceremonies open and close (airgap/ceremony-base.ts runs these steps for
 * both): the network checked, the parameters read and confirmed by the witnesses, then, once the
 * material is wrapped, the bundle and the receipt written.
 */
const AIR_GAP_OPENING = ['new', 'network-checked', 'parameters-read', 'fingerprints-confirmed'] as const;
const AIR_GAP_CLOSING = ['wrapped', 'bundle-written', 'finished'] as const;

/** The air-gapped side (airgap/workflow.ts). */
export const AIR_GAP_STATES = [...AIR_GAP_OPENING, 'material-ready', ...AIR_GAP_CLOSING] as const;
export type AirGapState = (typeof AIR_GAP_STATES)[number];

/**
 * The custody restore ceremony (restore/workflow.ts). The witnesses confirm the fresh bundle
 * before any custodian presents a share (DESIGN rule 9).
 */
export const RESTORE_STATES = [...AIR_GAP_OPENING, 'shares-presented', 'restored', ...AIR_GAP_CLOSING] as const;
export type RestoreState = (typeof RESTORE_STATES)[number];

/** True when `state` is `target` or a later state of the same `order`. */
export function hasReached<S extends string>(order: readonly S[], state: S | undefined, target: S): boolean {
  return state !== undefined && order.indexOf(state) >= order.indexOf(target);
}

/** The states of `order` from `first` up to (not including) 'finished'. */
function upToFinished<S extends string>(order: readonly S[], first: S): readonly S[] {
  return order.slice(order.indexOf(first), order.indexOf('finished' as S));
}

/**
 * The states in which leaving cuts an air-gapped ceremony short: material (or presented shares) is
 * held, or a wrapped bundle exists that no receipt names yet. Leaving before them loses nothing;
 * a finished ceremony has nothing left to lose. The app asks before closing in these states.
 */
export const UNFINISHED_AIR_GAP_STATES = upToFinished(AIR_GAP_STATES, 'material-ready');
export const UNFINISHED_RESTORE_STATES = upToFinished(RESTORE_STATES, 'shares-presented');
