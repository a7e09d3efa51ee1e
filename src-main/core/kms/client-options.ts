/** Options and public types of the KMS client. */
import type { KmsAction } from './api-schemas';
import type { KmsCredentials } from './credentials';
import type { HttpTransport } from './http-transport';
import type { RetryPolicy, Sleep } from './retry';

export type SigningAlgorithm = 'RSASSA_PSS_SHA_256' | 'RSASSA_PKCS1_V1_5_SHA_256' | 'ECDSA_SHA_256' | 'ECDSA_SHA_384';
export type MessageType = 'DIGEST' | 'RAW';

/** One line of the client's log: never bodies, headers or credentials. */
export interface KmsLogEvent {
  readonly action: KmsAction;
  readonly attempt: number;
  readonly outcome: 'ok' | 'error';
  readonly httpStatus?: number;
  readonly code?: string;
  readonly requestId?: string;
  readonly durationMs: number;
}

export interface KmsClientOptions {
  readonly projectId: string;
  readonly credentials: KmsCredentials;
  /** e.g. cn-north-4; used when no endpoint is given. */
  readonly region?: string;
  /** Explicit endpoint (https://..., or http://127.0.0.1:port for the simulator). */
  readonly endpoint?: string;
  /** PEM text of extra CA certificates trusted besides Node's roots. */
  readonly extraCaPem?: string;
  /** Per-request deadline (default 30 s). */
  readonly timeoutMs?: number;
  /** Where HTTPS_PROXY / NO_PROXY are read (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
  readonly retry?: Partial<RetryPolicy>;
  /** The clock used for X-Sdk-Date and token expiry (default: system clock). */
  readonly now?: () => Date;
  readonly sleep?: Sleep;
  readonly transport?: HttpTransport;
  readonly log?: (event: KmsLogEvent) => void;
}
