/**
 * The pure part of the `app://keyferry/` protocol: which file a URL names, and the response for
 * it. No Electron here (./protocol.ts plugs it into `protocol.handle`), so tests run it in Node.
 * Refuses anything that is not a plain file inside the renderer folder: traversal, encoded
 * separators, hidden files, unknown types, symbolic links leading out.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './sender-policy';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Headers on every response of the app protocol, errors included. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

type AssetLookup =
  | { readonly ok: true; readonly relativePath: string; readonly contentType: string }
  | { readonly ok: false; readonly status: 400 | 403 | 404; readonly reason: string };

/** Maps `app://keyferry/<path>` to a relative file path, or refuses it. Pure. */
export function resolveAppAsset(requestUrl: string): AssetLookup {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'malformed URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '' || url.username !== '') {
    return { ok: false, status: 403, reason: 'not the app origin' };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed path encoding' };
  }
  if (decoded === '/' || decoded === '') decoded = '/index.html';
  // Whitelist of characters Vite output uses; excludes \, %, :, NUL and anything exotic.
  if (!/^\/[A-Za-z0-9._\-/]+$/.test(decoded)) return { ok: false, status: 403, reason: 'path has refused characters' };
  const segments = decoded.slice(1).split('/');
  if (segments.some((segment) => segment === '' || segment.startsWith('.'))) {
    return { ok: false, status: 403, reason: 'path traversal or hidden file' };
  }
  const relativePath = segments.join('/');
  const contentType = CONTENT_TYPES[path.posix.extname(relativePath).toLowerCase()];
  if (!contentType) return { ok: false, status: 404, reason: 'unknown file type' };
  return { ok: true, relativePath, contentType };
}

interface AssetResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer | null;
}

function refusal(status: number, reason: string): AssetResponse {
  return {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
    body: Buffer.from(`${status} ${reason}\n`),
  };
}

/** Answers one app-protocol request from the files under `rendererRoot`. Never throws. */
export async function readAppAsset(rendererRoot: string, requestUrl: string, method = 'GET'): Promise<AssetResponse> {
  if (method !== 'GET' && method !== 'HEAD') return refusal(405, 'method not allowed');
  const lookup = resolveAppAsset(requestUrl);
  if (!lookup.ok) return refusal(lookup.status, lookup.reason);
  try {
    const root = await fs.realpath(rendererRoot);
    const file = await fs.realpath(path.join(root, ...lookup.relativePath.split('/')));
    // A symbolic link may point anywhere: the real path must still be inside the root.
    if (!file.startsWith(root + path.sep)) return refusal(403, 'outside the renderer folder');
    const stat = await fs.stat(file);
    if (!stat.isFile()) return refusal(404, 'not found');
    const body = method === 'HEAD' ? null : await fs.readFile(file);
    return {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': lookup.contentType, 'Content-Length': String(stat.size) },
      body,
    };
  } catch {
    return refusal(404, 'not found');
  }
}
