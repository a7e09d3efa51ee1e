/**
 * Credentials for the KMS: an AK/SK pair (optionally temporary, with a security token) or an IAM
 * token. Secrets live in private fields and never leave the object except where the protocol
 * needs them: the SK only as an HMAC computed here, tokens only as the header value they become.
 * String(), JSON.stringify() and util.inspect() show "[redacted]" in their place.
 */
import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import { KeyferryError } from '../errors';

const REDACTED = '[redacted]';

function requireText(value: string | undefined, what: 'ak' | 'sk' | 'securityToken' | 'iamToken'): string {
  if (typeof value !== 'string' || value.trim() === '' || /[\s\u0000-\u001f\u007f]/.test(value)) {
    throw new KeyferryError('KMS_CREDENTIALS_INVALID', { what });
  }
  return value;
}

/** An access key pair; with `securityToken` it is a temporary credential (STS). */
export class AkSkCredentials {
  readonly kind = 'aksk' as const;
  /** The access key ID is not secret: it travels in every Authorization header. */
  readonly accessKeyId: string;
  readonly #secretKey: string;
  readonly #securityToken: string | undefined;

  constructor(input: { accessKeyId: string; secretKey: string; securityToken?: string }) {
    this.accessKeyId = requireText(input.accessKeyId, 'ak');
    this.#secretKey = requireText(input.secretKey, 'sk');
    this.#securityToken =
      input.securityToken === undefined ? undefined : requireText(input.securityToken, 'securityToken');
  }

  get isTemporary(): boolean {
    return this.#securityToken !== undefined;
  }

  /** Hex HMAC-SHA256 of `data` under the SK (the signature step of SDK-HMAC-SHA256). */
  hmacSha256Hex(data: string): string {
    return createHmac('sha256', this.#secretKey).update(data, 'utf8').digest('hex');
  }

  /** The value for the X-Security-Token header, for temporary credentials only. */
  securityTokenHeaderValue(): string | undefined {
    return this.#securityToken;
  }

  toString(): string {
    return `AkSkCredentials(ak=${this.accessKeyId}, sk=${REDACTED}${this.isTemporary ? `, securityToken=${REDACTED}` : ''})`;
  }

  toJSON(): Record<string, string> {
    return {
      kind: this.kind,
      accessKeyId: this.accessKeyId,
      secretKey: REDACTED,
      ...(this.isTemporary ? { securityToken: REDACTED } : {}),
    };
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

/** An IAM user token (X-Subject-Token of POST /v3/auth/tokens), sent as X-Auth-Token. */
export class IamTokenCredentials {
  readonly kind = 'token' as const;
  readonly #token: string;

  constructor(token: string) {
    this.#token = requireText(token, 'iamToken');
  }

  /** The value for the X-Auth-Token header. */
  authTokenHeaderValue(): string {
    return this.#token;
  }

  toString(): string {
    return `IamTokenCredentials(token=${REDACTED})`;
  }

  toJSON(): Record<string, string> {
    return { kind: this.kind, token: REDACTED };
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

export type KmsCredentials = AkSkCredentials | IamTokenCredentials;
