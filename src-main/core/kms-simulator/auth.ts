/**
 * Authentication as the API gateway does it: AK/SK signatures verified with the same
 * canonicalization as the client (canonical-request.ts), X-Sdk-Date within 15 minutes of the
 * simulator's clock (or of the real clock, once the simulator's was moved for an expiry rehearsal:
 * the computers signing requests keep their own time), an AK locked for five minutes after five wrong signatures in a row, the
 * security token of temporary credentials, and simulator-issued IAM tokens (X-Auth-Token).
 */
import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual, createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import {
  buildCanonicalRequest,
  buildStringToSign,
  CONTENT_SHA256_HEADER,
  parseSdkDate,
  sha256Hex,
} from '../kms/canonical-request';
import { SimError } from './sim-error';
import type { SimState } from './state';

const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
const LOCKOUT_FAILURES = 5;
const LOCKOUT_MS = 5 * 60 * 1000;
const AUTHORIZATION = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;
const IAM_TOKEN_AAD = Buffer.from('keyferry-kms-simulator/iam-token/v1', 'utf8');

interface AuthRequest {
  readonly method: string;
  /** The request target exactly as received (path and query). */
  readonly rawUrl: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

const gatewayError = (detail: string) => new SimError('APIGW.0301', detail);

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

export class SimAuthenticator {
  readonly #state: SimState;
  readonly #now: () => number;
  readonly #realNow: () => number;
  readonly #failures = new Map<string, { count: number; lockedUntil: number }>();

  /** `realNow`: the clock before any move (a request dated by it is not skewed). Default `now`. */
  constructor(state: SimState, now: () => number, realNow: () => number = now) {
    this.#state = state;
    this.#now = now;
    this.#realNow = realNow;
  }

  /** Throws the gateway's (or KMS's) error when the request is not properly authenticated. */
  verify(request: AuthRequest): void {
    const authorization = headerValue(request.headers, 'authorization');
    if (authorization !== undefined) return this.#verifySignature(request, authorization);
    const token = headerValue(request.headers, 'x-auth-token');
    if (token !== undefined) return this.#verifyIamToken(token);
    throw gatewayError('No Authorization or X-Auth-Token header.');
  }

  #verifySignature(request: AuthRequest, authorization: string): void {
    const match = AUTHORIZATION.exec(authorization);
    if (!match) throw gatewayError('The Authorization header is malformed.');
    const [, ak = '', signedList = '', signature = ''] = match;
    if (ak !== this.#state.accessKeyId) throw gatewayError('The access key does not exist.');
    const now = this.#now();
    const record = this.#failures.get(ak) ?? { count: 0, lockedUntil: 0 };
    if (record.lockedUntil > now) {
      throw gatewayError(
        `The access key is locked after ${LOCKOUT_FAILURES} failed signatures; retry in ${Math.ceil((record.lockedUntil - now) / 1000)} s.`,
      );
    }
    const sdkDateText = headerValue(request.headers, 'x-sdk-date');
    const sdkDate = sdkDateText === undefined ? undefined : parseSdkDate(sdkDateText);
    if (!sdkDateText || !sdkDate) throw gatewayError('X-Sdk-Date is missing or malformed.');
    const skewed = (clock: number) => Math.abs(sdkDate.getTime() - clock) > MAX_CLOCK_SKEW_MS;
    if (skewed(now) && skewed(this.#realNow())) {
      throw gatewayError('X-Sdk-Date is more than 15 minutes away from the server time.');
    }
    const names = signedList.split(';');
    const signed = new Map<string, string>();
    for (const name of names) {
      const value = headerValue(request.headers, name);
      if (value === undefined) return this.#fail(ak, record, now, `Signed header ${name} is missing.`);
      signed.set(name, value);
    }
    if (!signed.has('host') || !signed.has('x-sdk-date'))
      return this.#fail(ak, record, now, 'host and X-Sdk-Date must be signed.');
    const securityToken = this.#state.securityToken;
    if (securityToken !== undefined) {
      const sent = signed.get('x-security-token');
      if (
        sent === undefined ||
        sent.length !== securityToken.length ||
        !timingSafeEqual(Buffer.from(sent), Buffer.from(securityToken))
      ) {
        return this.#fail(ak, record, now, 'The security token is missing, unsigned or wrong.');
      }
    }
    const queryAt = request.rawUrl.indexOf('?');
    const wirePath = queryAt < 0 ? request.rawUrl : request.rawUrl.slice(0, queryAt);
    const query = new URLSearchParams(queryAt < 0 ? '' : request.rawUrl.slice(queryAt + 1));
    const grouped = new Map<string, string[]>();
    for (const [key, value] of query) grouped.set(key, [...(grouped.get(key) ?? []), value]);
    const canonical = buildCanonicalRequest({
      method: request.method,
      wirePath,
      query: grouped,
      signedHeaders: signed,
      payloadHash: headerValue(request.headers, CONTENT_SHA256_HEADER) ?? sha256Hex(request.body),
    });
    const expected = createHmac('sha256', this.#state.secretKey)
      .update(buildStringToSign(sdkDateText, canonical), 'utf8')
      .digest();
    if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return this.#fail(ak, record, now, '');
    this.#failures.delete(ak);
  }

  #fail(ak: string, record: { count: number; lockedUntil: number }, now: number, detail: string): never {
    const count = record.count + 1;
    this.#failures.set(
      ak,
      count >= LOCKOUT_FAILURES ? { count: 0, lockedUntil: now + LOCKOUT_MS } : { count, lockedUntil: 0 },
    );
    throw detail ? gatewayError(detail) : new SimError('APIGW.0301');
  }

  /** Issues an IAM token for this project, valid `ttlMs` (default 24 hours). */
  issueIamToken(ttlMs = 24 * 60 * 60 * 1000): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(this.#state.tokenSecret, 'base64'), iv);
    cipher.setAAD(IAM_TOKEN_AAD);
    const body = Buffer.concat([
      cipher.update(JSON.stringify({ p: this.#state.projectId, e: this.#now() + ttlMs }), 'utf8'),
      cipher.final(),
    ]);
    return `MIIsim${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  #verifyIamToken(token: string): void {
    if (!token.startsWith('MIIsim')) throw new SimError('KMS.0302');
    const blob = Buffer.from(token.slice(6), 'base64url');
    let claims: { p?: unknown; e?: unknown };
    try {
      const decipher = createDecipheriv(
        'aes-256-gcm',
        Buffer.from(this.#state.tokenSecret, 'base64'),
        blob.subarray(0, 12),
      );
      decipher.setAAD(IAM_TOKEN_AAD);
      decipher.setAuthTag(blob.subarray(12, 28));
      claims = JSON.parse(Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8')) as {
        p?: unknown;
        e?: unknown;
      };
    } catch {
      throw new SimError('KMS.0302');
    }
    if (typeof claims.e !== 'number' || claims.e <= this.#now()) throw new SimError('KMS.0303');
    if (claims.p !== this.#state.projectId) throw new SimError('KMS.0305');
  }
}
