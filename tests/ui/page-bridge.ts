/**
 * Bundled into the test page before the renderer loads (Chromium UI tests only): builds
 * `window.keyferry` with the SAME preload factory the app uses, over Playwright's binding
 * `__keyferryInvoke` (which runs the real router and handlers in the test process) instead of
 * ipcRenderer. Progress events arrive through `__keyferryPush`. CSP violations are reported to
 * the console so the harness can fail on them.
 */
// First, as in the preload: zod jitless before any schema is built (the page's CSP forbids eval).
import '../../src-main/preload/zod-jitless';
import { createKeyferryApi } from '../../src-main/preload/api-factory';

type Invoke = (channel: string, payload: unknown) => Promise<unknown>;
interface CspViolation {
  readonly violatedDirective: string;
  readonly blockedURI: string;
}
/** The page's global object (typed by hand: the Node test config has no DOM types). */
const page = globalThis as unknown as {
  __keyferryInvoke?: Invoke;
  document: { addEventListener(type: 'securitypolicyviolation', listener: (event: CspViolation) => void): void };
};
const listeners = new Set<(payload: unknown) => void>();

const api = createKeyferryApi(
  (channel, payload) => {
    const invoke = page.__keyferryInvoke;
    return invoke ? invoke(channel, payload) : Promise.reject(new Error('no bridge'));
  },
  (listener) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
);

Object.defineProperty(globalThis, 'keyferry', { value: api, enumerable: true });
Object.defineProperty(globalThis, '__keyferryPush', {
  value: (payload: unknown) => listeners.forEach((listener) => listener(payload)),
});
page.document.addEventListener('securitypolicyviolation', (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
});
