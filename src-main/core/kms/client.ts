/**
 * The Huawei Cloud KMS client (API v1.0): signed JSON POSTs to
 * {endpoint}/v1.0/{project_id}/kms/{action}, answers checked with zod, failures as KmsError.
 * Read-only calls retry with backoff on 5xx and connection failures; state-changing calls retry
 * only when the API gateway throttled them (the KMS never saw the request); how many requests are
 * in flight to an endpoint adapts to its throttling (endpoint-limiter.ts); and
 * import-key-material reconciles a lost answer (see import-reconcile.ts).
 */
import { createPublicKey } from 'node:crypto';
import { inspect } from 'node:util';
import type { z } from 'zod';
import { DEFAULT_WRAPPING_ALGORITHM, type KeySpec, type KeyUsage } from '../crypto/key-spec';
import { errorFromAnswer, parseAnswer, publicKeyDerFromAnswer, requestIdOf } from './answers';
import * as wire from './api-schemas';
import type { KmsAction } from './api-schemas';
import type { KmsClientOptions, KmsLogEvent, MessageType, SigningAlgorithm } from './client-options';
import type { KmsCredentials } from './credentials';
import { actionUrl, checkProjectId, resolveEndpoint } from './endpoint';
import { badResponse, isKmsError } from './errors';
import { createNodeTransport, type HttpTransport } from './http-transport';
import { endpointLimiter } from './endpoint-limiter';
import { importWithReconciliation } from './import-reconcile';
import {
  DEFAULT_RETRY_POLICY,
  isThrottledError,
  realSleep,
  reportKmsRetry,
  retrySafeCall,
  retryThrottledOnly,
  withRetries,
  type RetryPolicy,
  type Sleep,
} from './retry';
import { authenticateRequest } from './signer';
import {
  keyInfoFromWire,
  type ImportKeyMaterialInput,
  type ImportOutcome,
  type ImportParameters,
  type KeyState,
  type KmsKeyInfo,
} from './types';

export type { KmsClientOptions, KmsLogEvent, SigningAlgorithm } from './client-options';

/** Actions that change nothing on the service, so repeating them is safe. */
const SAFE_ACTIONS: ReadonlySet<KmsAction> = new Set<KmsAction>([
  'describe-key',
  'list-keys',
  'get-parameters-for-import',
  'get-publickey',
  'encrypt-data',
  'decrypt-data',
  'sign',
  'verify',
]);

/** What a sign or verify call is about: the key, the message, the algorithm and whether the message is a digest. */
interface SigningInput {
  readonly keyId: string;
  readonly message: Buffer;
  readonly algorithm: SigningAlgorithm;
  readonly messageType?: MessageType;
}

/** The wire body of a sign call, or with the signature to check, of a verify call (fields in the API's order). */
function signingFields(input: SigningInput, signature?: Buffer): Record<string, string> {
  return {
    key_id: input.keyId,
    message: input.message.toString('base64'),
    ...(signature ? { signature: signature.toString('base64') } : {}),
    signing_algorithm: input.algorithm,
    message_type: input.messageType ?? 'RAW',
  };
}

export class KmsClient {
  readonly endpoint: URL;
  readonly projectId: string;
  readonly #credentials: KmsCredentials;
  readonly #transport: HttpTransport;
  readonly #timeoutMs: number;
  readonly #retry: RetryPolicy;
  readonly #now: () => Date;
  readonly #sleep: Sleep;
  readonly #log: ((event: KmsLogEvent) => void) | undefined;

  constructor(options: KmsClientOptions) {
    this.endpoint = resolveEndpoint(options);
    this.projectId = checkProjectId(options.projectId);
    this.#credentials = options.credentials;
    this.#transport =
      options.transport ??
      createNodeTransport({
        ...(options.extraCaPem !== undefined ? { extraCaPem: options.extraCaPem } : {}),
        ...(options.env ? { env: options.env } : {}),
      });
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.#now = options.now ?? (() => new Date());
    this.#sleep = options.sleep ?? realSleep;
    this.#log = options.log;
  }

  /** Sends one signed request with the exact body text; no retries. Resolves to the HTTP answer. */
  async #sendOnce(action: KmsAction, bodyText: string, attempt: number) {
    const url = actionUrl(this.endpoint, this.projectId, action);
    const body = Buffer.from(bodyText, 'utf8');
    const headers = authenticateRequest(
      { method: 'POST', url, headers: { 'content-type': 'application/json', 'x-project-id': this.projectId }, body },
      this.#credentials,
      this.#now(),
    );
    const started = Date.now();
    try {
      const response = await this.#transport.send({ method: 'POST', url, headers, body, timeoutMs: this.#timeoutMs });
      const requestId = requestIdOf(response);
      const ok = response.status >= 200 && response.status < 300;
      const error = ok ? undefined : errorFromAnswer(response);
      this.#log?.({
        action,
        attempt,
        outcome: ok ? 'ok' : 'error',
        httpStatus: response.status,
        ...(error ? { code: error.code } : {}),
        ...(requestId ? { requestId } : {}),
        durationMs: Date.now() - started,
      });
      if (error) throw error;
      return response;
    } catch (error) {
      if (isKmsError(error) && error.httpStatus === undefined) {
        this.#log?.({ action, attempt, outcome: 'error', code: error.code, durationMs: Date.now() - started });
      }
      throw error;
    }
  }

  async #call<T>(action: KmsAction, body: Record<string, unknown>, schema: z.ZodType<T>): Promise<T> {
    const text = JSON.stringify(body);
    const decide = SAFE_ACTIONS.has(action) ? retrySafeCall(this.#retry) : retryThrottledOnly(this.#retry);
    // Every client of this endpoint sends through its one limiter (endpoint-limiter.ts): the
    // gateway's throttling lowers how many requests are in flight, and holds them all while a
    // throttled call waits; that call's next attempt goes first.
    const limiter = endpointLimiter(this.endpoint);
    let throttled = false;
    const response = await withRetries(
      async (attempt) => {
        const permit = await limiter.acquire(throttled);
        try {
          const answer = await this.#sendOnce(action, text, attempt);
          throttled = false;
          return answer;
        } catch (error) {
          throttled = isThrottledError(error);
          throw error;
        } finally {
          permit.release(throttled);
        }
      },
      this.#retry,
      (ms) => (throttled ? limiter.pauseWhile(this.#sleep(ms)) : this.#sleep(ms)),
      decide,
      (attempt, error, delayMs) =>
        reportKmsRetry({
          action,
          attempt,
          code: isKmsError(error) ? error.code : 'KMS_UNKNOWN',
          httpStatus: isKmsError(error) ? (error.httpStatus ?? null) : null,
          throttled: isThrottledError(error),
          delayMs,
        }),
    );
    return parseAnswer(response, schema, action);
  }

  /** Calls any action with a JSON body and returns the parsed answer unchecked (diagnostics, tests). */
  async callAction(action: KmsAction, body: Record<string, unknown>): Promise<unknown> {
    return this.#call(action, body, wire.emptyAnswer);
  }

  /** Calls an action with an exact body text (which need not be valid JSON); no retries. */
  async callActionRaw(action: KmsAction, bodyText: string): Promise<unknown> {
    const response = await this.#sendOnce(action, bodyText, 1);
    return parseAnswer(response, wire.emptyAnswer, action);
  }

  /** create-key; `origin` defaults to external (a key waiting for imported material). */
  async createKey(input: {
    alias: string;
    spec: KeySpec;
    usage?: KeyUsage;
    description?: string;
    origin?: 'external' | 'kms';
  }): Promise<{ keyId: string; domainId: string }> {
    const answer = await this.#call(
      'create-key',
      {
        key_alias: input.alias,
        key_spec: input.spec,
        ...(input.usage ? { key_usage: input.usage } : {}),
        ...(input.description !== undefined ? { key_description: input.description } : {}),
        origin: input.origin ?? 'external',
      },
      wire.createKeyAnswer,
    );
    return { keyId: answer.key_info.key_id, domainId: answer.key_info.domain_id };
  }

  async describeKey(keyId: string): Promise<KmsKeyInfo> {
    const answer = await this.#call('describe-key', { key_id: keyId }, wire.describeKeyAnswer);
    this.#checkSameKey(keyId, answer.key_info.key_id, 'describe-key');
    return keyInfoFromWire(answer.key_info);
  }

  /** list-keys, following every page (marker / truncated). */
  async listKeys(filter: { state?: KeyState; spec?: string; pageSize?: number } = {}): Promise<KmsKeyInfo[]> {
    const keys: KmsKeyInfo[] = [];
    const seenMarkers = new Set<string>();
    let marker: string | undefined;
    for (;;) {
      const answer = await this.#call(
        'list-keys',
        {
          limit: String(filter.pageSize ?? 100),
          ...(marker !== undefined ? { marker } : {}),
          ...(filter.state !== undefined ? { key_state: String(filter.state) } : {}),
          ...(filter.spec !== undefined ? { key_spec: filter.spec } : {}),
        },
        wire.listKeysAnswer,
      );
      keys.push(...answer.key_details.map(keyInfoFromWire));
      if (answer.truncated === 'false') return keys;
      const next = answer.next_marker;
      if (!next || seenMarkers.has(next) || seenMarkers.size > 100_000) {
        throw badResponse({ reason: 'marker' });
      }
      seenMarkers.add(next);
      marker = next;
    }
  }

  async enableKey(keyId: string): Promise<KeyState> {
    return Number(
      (await this.#call('enable-key', { key_id: keyId }, wire.keyStateAnswer)).key_info.key_state,
    ) as KeyState;
  }

  async disableKey(keyId: string): Promise<KeyState> {
    return Number(
      (await this.#call('disable-key', { key_id: keyId }, wire.keyStateAnswer)).key_info.key_state,
    ) as KeyState;
  }

  async scheduleKeyDeletion(keyId: string, pendingDays: number): Promise<KeyState> {
    return Number(
      (
        await this.#call(
          'schedule-key-deletion',
          { key_id: keyId, pending_days: String(pendingDays) },
          wire.keyDeletionAnswer,
        )
      ).key_state,
    ) as KeyState;
  }

  async cancelKeyDeletion(keyId: string): Promise<KeyState> {
    return Number(
      (await this.#call('cancel-key-deletion', { key_id: keyId }, wire.keyDeletionAnswer)).key_state,
    ) as KeyState;
  }

  /** get-parameters-for-import: a fresh wrapping key and import token, valid 24 hours. */
  async getParametersForImport(input: { keyId: string; wrappingAlgorithm?: string }): Promise<ImportParameters> {
    const wrappingAlgorithm = input.wrappingAlgorithm ?? DEFAULT_WRAPPING_ALGORITHM;
    const answer = await this.#call(
      'get-parameters-for-import',
      { key_id: input.keyId, wrapping_algorithm: wrappingAlgorithm },
      wire.importParametersAnswer,
    );
    this.#checkSameKey(input.keyId, answer.key_id, 'get-parameters-for-import');
    const publicKeyDer = Buffer.from(answer.public_key, 'base64');
    try {
      const key = createPublicKey({ key: publicKeyDer, format: 'der', type: 'spki' });
      if (key.asymmetricKeyType !== 'rsa') throw new Error('not RSA');
    } catch {
      throw badResponse({ reason: 'wrappingKey' });
    }
    return {
      keyId: answer.key_id,
      wrappingAlgorithm,
      importToken: answer.import_token,
      expiresAt: new Date(answer.expiration_time * 1000),
      publicKeyDer,
    };
  }

  /** import-key-material, with describe-key reconciliation of a lost answer. */
  async importKeyMaterial(input: ImportKeyMaterialInput): Promise<ImportOutcome> {
    return importWithReconciliation(
      {
        sendImport: async (body) => {
          await this.#call('import-key-material', body, wire.emptyAnswer);
        },
        describeKey: (keyId) => this.describeKey(keyId),
        getPublicKeyDer: async (keyId) => (await this.getPublicKey(keyId)).publicKeyDer,
        now: this.#now,
      },
      input,
    );
  }

  async deleteImportedKeyMaterial(keyId: string): Promise<void> {
    await this.#call('delete-imported-key-material', { key_id: keyId }, wire.emptyAnswer);
  }

  /** get-publickey; the key comes back as SPKI DER whatever encoding the KMS used. */
  async getPublicKey(keyId: string): Promise<{ keyId: string; publicKeyDer: Buffer }> {
    const answer = await this.#call('get-publickey', { key_id: keyId }, wire.publicKeyAnswer);
    this.#checkSameKey(keyId, answer.key_id, 'get-publickey');
    return { keyId: answer.key_id, publicKeyDer: publicKeyDerFromAnswer(answer.public_key, 'get-publickey') };
  }

  async encryptData(input: {
    keyId: string;
    plainText: string;
    algorithm?: string;
  }): Promise<{ keyId: string; cipherText: string }> {
    const answer = await this.#call(
      'encrypt-data',
      {
        key_id: input.keyId,
        plain_text: input.plainText,
        encryption_algorithm: input.algorithm ?? 'SYMMETRIC_DEFAULT',
      },
      wire.encryptAnswer,
    );
    return { keyId: answer.key_id, cipherText: answer.cipher_text };
  }

  async decryptData(input: {
    cipherText: string;
    keyId?: string;
    algorithm?: string;
  }): Promise<{ keyId: string; plainText: string }> {
    const answer = await this.#call(
      'decrypt-data',
      {
        cipher_text: input.cipherText,
        ...(input.keyId ? { key_id: input.keyId } : {}),
        encryption_algorithm: input.algorithm ?? 'SYMMETRIC_DEFAULT',
      },
      wire.decryptAnswer,
    );
    return { keyId: answer.key_id, plainText: answer.plain_text };
  }

  async sign(input: SigningInput): Promise<Buffer> {
    const answer = await this.#call('sign', signingFields(input), wire.signAnswer);
    return Buffer.from(answer.signature, 'base64');
  }

  async verify(input: SigningInput & { signature: Buffer }): Promise<boolean> {
    const answer = await this.#call('verify', signingFields(input, input.signature), wire.verifyAnswer);
    return answer.signature_valid === 'true';
  }

  /** Closes idle connections. */
  close(): void {
    this.#transport.close();
  }

  #checkSameKey(asked: string, answered: string, action: string): void {
    if (asked !== answered) {
      throw badResponse({ reason: 'otherKey', action, answered, asked });
    }
  }

  toJSON(): Record<string, string> {
    return { endpoint: this.endpoint.origin, projectId: this.projectId, authentication: this.#credentials.kind };
  }

  toString(): string {
    return `KmsClient(${this.endpoint.origin}, project ${this.projectId}, ${this.#credentials.kind})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }
}
