/**
 * Which requests a Keyferry window may make: its own pages (`app://keyferry/...`) and inline
 * `data:` images, nothing else, in every mode. The renderer never needs the network: KMS calls
 * run in the main process. Pure, so tests pin it; ./network-guard.ts applies it to a session.
 */
import { APP_ORIGIN, isTrustedSender } from '../ipc/sender-policy';

export function isAllowedWindowRequest(url: string): boolean {
  return isTrustedSender(url, APP_ORIGIN) || url.startsWith('data:');
}

/** The print window loads one `data:` document and may fetch nothing else. */
export function isAllowedPrintRequest(url: string): boolean {
  return url.startsWith('data:');
}
