/**
 * The canonical request of "SDK-HMAC-SHA256" (Huawei Cloud API Gateway signing), shared by the
 * client's signer and the simulator's verifier so both canonicalize byte for byte alike.
 *
 * Lines joined by "\n": method; URI (each path segment percent-encoded, "/" appended);
 * query (keys sorted, each key's values sorted, `key=value` joined by "&"); canonical headers
 * (`name:value\n`, names lower-cased and sorted); signed header names joined by ";"; hex
 * SHA-256 of the body (or the X-Sdk-Content-Sha256 header's value when present).
 */
import { createHash } from 'node:crypto';

export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';
export const CONTENT_SHA256_HEADER = 'x-sdk-content-sha256';

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/**
 * Percent-encodes every byte of the UTF-8 form except the RFC 3986 unreserved characters, with
 * upper-case hex (the official signer's `urlEncode`).
 */
function signingUriEncode(text: string): string {
  let out = '';
  for (const char of text) {
    if (UNRESERVED.test(char)) {
      out += char;
    } else {
      for (const byte of Buffer.from(char, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

/** The canonical URI of a path as it travels on the wire: each segment encoded, "/" appended. */
function canonicalUri(wirePath: string): string {
  const encoded = wirePath.split('/').map(signingUriEncode).join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

/** Groups query parameters by key, in order of appearance. */
export function groupQuery(params: URLSearchParams): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of params) {
    const values = grouped.get(key);
    if (values) values.push(value);
    else grouped.set(key, [value]);
  }
  return grouped;
}

function codeUnitCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The canonical query string: keys sorted, every key's values sorted, both encoded. */
function canonicalQueryString(query: Map<string, string[]>): string {
  const parts: string[] = [];
  for (const key of [...query.keys()].sort(codeUnitCompare)) {
    const values = [...(query.get(key) ?? [])].sort(codeUnitCompare);
    for (const value of values) parts.push(`${signingUriEncode(key)}=${signingUriEncode(value)}`);
  }
  return parts.join('&');
}

/** Hex SHA-256 of a string (UTF-8) or bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

interface CanonicalInput {
  readonly method: string;
  readonly wirePath: string;
  readonly query: Map<string, string[]>;
  /** The signed headers: lower-case name → value exactly as sent. */
  readonly signedHeaders: ReadonlyMap<string, string>;
  /** Hex SHA-256 of the body, or the X-Sdk-Content-Sha256 value. */
  readonly payloadHash: string;
}

/** Sorted, `;`-joined lower-case names of the signed headers. */
export function signedHeaderNames(headers: ReadonlyMap<string, string>): string {
  return [...headers.keys()].sort(codeUnitCompare).join(';');
}

export function buildCanonicalRequest(input: CanonicalInput): string {
  const names = [...input.signedHeaders.keys()].sort(codeUnitCompare);
  const canonicalHeaders = names.map((name) => `${name}:${input.signedHeaders.get(name) ?? ''}\n`).join('');
  return [
    input.method.toUpperCase(),
    canonicalUri(input.wirePath),
    canonicalQueryString(input.query),
    canonicalHeaders,
    names.join(';'),
    input.payloadHash,
  ].join('\n');
}

/** `SDK-HMAC-SHA256\n<X-Sdk-Date>\n<hex sha256(canonical request)>`. */
export function buildStringToSign(sdkDate: string, canonicalRequest: string): string {
  return [SIGNING_ALGORITHM, sdkDate, sha256Hex(canonicalRequest)].join('\n');
}

/** Formats a date as X-Sdk-Date: `YYYYMMDDTHHMMSSZ` in UTC. */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** Parses an X-Sdk-Date value; undefined when it is not exactly `YYYYMMDDTHHMMSSZ`. */
export function parseSdkDate(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return formatSdkDate(date) === value ? date : undefined;
}
