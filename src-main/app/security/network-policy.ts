/**
 * Which requests a Keyferry window may make: its own pages (`app://keyferry/...`) and inline
 * `data:` images, nothing else, in every mode. The renderer never needs the network: KMS calls
 * run in the main process. Pure, so tests pin it; ./network-guard.ts applies it to a session.
 */
import { APP_ORIGIN, isTrustedSender } from './sender-policy';

/** True for our own pages and assets, and for inline `data:image/...` URLs; false for all else. */
export function isAllowedWindowRequest(url: string): boolean {
  return isTrustedSender(url, APP_ORIGIN) || /^data:image\//i.test(url);
}

/** The print window loads one `data:` document (with its inline `data:` images) and nothing else. */
export function isAllowedPrintRequest(url: string): boolean {
  return url.startsWith('data:');
}
