/**
 * Selectors that must return a stable value: zustand re-renders when a selector's result changes
 * by identity, so "nothing yet" is the same empty array every time, never a new one.
 */
import type { AppState } from './store';

const NONE: readonly never[] = Object.freeze([]);

/** The keys of the online ceremony (journal view), or none. */
export const selectCeremonyKeys = (s: AppState) => s.ceremony?.online?.keys ?? NONE;
/** The keys of the import parameters read on the air-gapped side, or none. */
export const selectParameterKeys = (s: AppState) => s.overview?.keys ?? NONE;
