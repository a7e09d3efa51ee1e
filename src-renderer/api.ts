/** The renderer's only way out: `window.keyferry`, built by the preload from the IPC contract. */
import type { KeyferryApi } from '../src-main/preload/api-factory';

/** The bridge to the main process (exposed by the preload; by the harness in UI tests). */
export function api(): KeyferryApi {
  return window.keyferry;
}
