/**
 * Which pages may call IPC: only our own renderer, served from the custom scheme
 * `app://keyferry/`. Everything else (file:, http(s):, devtools:, data:, about:blank, other hosts,
 * look-alikes such as `app://keyferry.evil`, credentials or ports in the URL) is refused.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'keyferry';
/** Origin of the renderer; pages are `app://keyferry/index.html` etc. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** True when `url` is a page of `appOrigin` (scheme and host equal exactly, no user, no port). */
export function isTrustedSender(url: string | null | undefined, appOrigin: string = APP_ORIGIN): boolean {
  if (typeof url !== 'string' || url.length === 0 || url.length > 4096) return false;
  const expected = parseOrigin(appOrigin);
  if (!expected) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === expected.protocol &&
    parsed.hostname === expected.hostname &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    // The raw text must start with the exact origin: rejects `app:keyferry`, `app:/\keyferry` etc.
    url.startsWith(`${appOrigin}/`)
  );
}

function parseOrigin(origin: string): URL | null {
  try {
    const parsed = new URL(origin);
    return parsed.hostname !== '' && `${parsed.protocol}//${parsed.hostname}` === origin ? parsed : null;
  } catch {
    return null;
  }
}
