/**
 * Request authentication for Huawei Cloud APIs.
 * - AK/SK: "SDK-HMAC-SHA256" exactly as the official SDK signs (X-Sdk-Date, host, X-Project-Id,
 *   X-Security-Token for temporary credentials; every header given is signed).
 * - IAM token: the X-Auth-Token header.
 * Secrets never appear in what this module returns except as the headers the protocol requires.
 */
import { KeyferryError } from '../errors';
import {
  buildCanonicalRequest,
  buildStringToSign,
  CONTENT_SHA256_HEADER,
  formatSdkDate,
  groupQuery,
  SIGNING_ALGORITHM,
  sha256Hex,
  signedHeaderNames,
} from './canonical-request';
import type { AkSkCredentials, KmsCredentials } from './credentials';

interface SignableRequest {
  readonly method: string;
  /** Absolute URL; its path and query are signed as they will travel on the wire. */
  readonly url: URL;
  /** Headers to sign and send (names are case-insensitive; no host or date: those are added). */
  readonly headers: Readonly<Record<string, string>>;
  /** The exact body bytes (a string is taken as UTF-8). */
  readonly body: string | Uint8Array;
}

const HEADER_NAME = /^[a-z0-9-]+$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unsignable(reason: 'headerName' | 'twice' | 'spaces' | 'url' | 'reserved', header = ''): KeyferryError {
  return new KeyferryError('KMS_REQUEST_UNSIGNABLE', { reason, header });
}

function normalizeHeaders(headers: Readonly<Record<string, string>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [rawName, value] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    // Only token characters without "_": the official signer sorts with localeCompare, which
    // agrees with byte order for [a-z0-9-] but not for every character.
    if (!HEADER_NAME.test(name)) throw unsignable('headerName', rawName);
    if (out.has(name)) throw unsignable('twice', rawName);
    if (value !== value.trim() || /[\u0000-\u001f\u007f]/.test(value)) {
      throw unsignable('spaces', rawName);
    }
    out.set(name, value);
  }
  return out;
}

/**
 * Signs `request` with AK/SK at `date` and returns every header to send: the given ones plus
 * `X-Sdk-Date`, `host`, `X-Security-Token` (temporary credentials) and `Authorization`.
 */
export function signWithAkSk(
  request: SignableRequest,
  credentials: AkSkCredentials,
  date: Date,
): Record<string, string> {
  if (LONE_SURROGATE.test(request.url.pathname) || LONE_SURROGATE.test(request.url.search)) {
    throw unsignable('url');
  }
  const headers = normalizeHeaders(request.headers);
  if (headers.has('host') || headers.has('x-sdk-date') || headers.has('authorization')) {
    throw unsignable('reserved');
  }
  const sdkDate = formatSdkDate(date);
  headers.set('x-sdk-date', sdkDate);
  headers.set('host', request.url.host);
  const securityToken = credentials.securityTokenHeaderValue();
  if (securityToken !== undefined) headers.set('x-security-token', securityToken);

  const payloadHash =
    headers.get(CONTENT_SHA256_HEADER) ?? (request.body.length === 0 ? sha256Hex('') : sha256Hex(request.body));
  const canonical = buildCanonicalRequest({
    method: request.method,
    wirePath: request.url.pathname,
    query: groupQuery(request.url.searchParams),
    signedHeaders: headers,
    payloadHash,
  });
  const signature = credentials.hmacSha256Hex(buildStringToSign(sdkDate, canonical));
  const authorization = `${SIGNING_ALGORITHM} Access=${credentials.accessKeyId}, SignedHeaders=${signedHeaderNames(headers)}, Signature=${signature}`;

  const out: Record<string, string> = {};
  for (const [name, value] of headers) out[name] = value;
  out.authorization = authorization;
  return out;
}

/** Adds the IAM token header to `headers` (a copy) together with `host`. */
function authenticateWithToken(request: SignableRequest, token: string): Record<string, string> {
  const headers = normalizeHeaders(request.headers);
  const out: Record<string, string> = {};
  for (const [name, value] of headers) out[name] = value;
  out.host = request.url.host;
  out['x-auth-token'] = token;
  return out;
}

/** Authenticates a request with whichever credentials are given. */
export function authenticateRequest(
  request: SignableRequest,
  credentials: KmsCredentials,
  date: Date,
): Record<string, string> {
  return credentials.kind === 'aksk'
    ? signWithAkSk(request, credentials, date)
    : authenticateWithToken(request, credentials.authTokenHeaderValue());
}
