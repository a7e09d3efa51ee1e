/**
 * Retries with exponential backoff and jitter. Safe (read-only) KMS calls retry on any retryable
 * error (5xx, 429, connection failures). State-changing calls retry only when the API gateway
 * throttled them (HTTP 429; Huawei documents the code APIG.0308, "The throttling threshold has
 * been reached", and advises waiting a few seconds and sending it again): the gateway refused the
 * request before the KMS saw it, so sending it again cannot do anything twice. Attempts are
 * bounded (RetryPolicy). Whoever runs a KMS call can watch its retries (`observeKmsRetries`), e.g.
 * to journal them.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomInt } from 'node:crypto';
import type { KmsAction } from './api-schemas';
import { isKmsError } from './errors';

export interface RetryPolicy {
  /** Total attempts including the first (1 disables retries). */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /**
   * Total attempts (including the first) when the API gateway throttles a call. Huawei advises
   * waiting a few seconds and sending it again; a ceremony with many keys meets this often.
   */
  readonly throttledAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 4000,
  throttledAttempts: 7,
};

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Delay before attempt `attempt + 1`: half of the exponential step plus up to the other half at random. */
function backoffDelay(policy: RetryPolicy, attempt: number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const half = Math.floor(step / 2);
  return half + (step - half > 0 ? randomInt(step - half + 1) : 0);
}

/** True for errors a repeated read may overcome. */
export function isRetryableError(error: unknown): boolean {
  return isKmsError(error) && error.retryable;
}

/**
 * The API gateway's throttling codes: APIG.0308 is the one Huawei documents (HTTP 429);
 * APIGW.0308 is accepted too, as the dedicated gateways spell their codes APIGW.
 */
const THROTTLING_CODES: ReadonlySet<string> = new Set(['APIG.0308', 'APIGW.0308']);

/** True when the API gateway refused the call for the rate limit: the KMS never saw it. */
export function isThrottledError(error: unknown): boolean {
  return isKmsError(error) && (error.httpStatus === 429 || THROTTLING_CODES.has(error.code));
}

/** One retry about to happen: the failed attempt, why, and how long the client waits first. */
interface KmsRetry {
  readonly action: KmsAction;
  /** The attempt that failed (1 = the first). */
  readonly attempt: number;
  readonly code: string;
  readonly httpStatus: number | null;
  readonly throttled: boolean;
  readonly delayMs: number;
}

/** Called before each retry's wait; the wait starts once it settles. */
type KmsRetryObserver = (retry: KmsRetry) => void | Promise<void>;

const retryObservers = new AsyncLocalStorage<KmsRetryObserver>();

/**
 * Runs `run` with `observer` told of every retry of the KMS calls it makes (and only those: calls
 * running at the same time for other keys have their own observer).
 */
export function observeKmsRetries<T>(observer: KmsRetryObserver, run: () => Promise<T>): Promise<T> {
  return retryObservers.run(observer, run);
}

/** Tells the observer of the current call, if any, about `retry`; an observer's failure never stops the retry. */
export async function reportKmsRetry(retry: KmsRetry): Promise<void> {
  const observer = retryObservers.getStore();
  if (!observer) return;
  try {
    await observer(retry);
  } catch {
    // Recording a retry must not turn a recoverable call into a failed one.
  }
}

/** Whether attempt `attempt` that failed with `error` is followed by another one. */
type RetryDecision = (error: unknown, attempt: number) => boolean;

/** Safe (read-only) calls: any retryable error, up to maxAttempts; throttling up to throttledAttempts. */
export function retrySafeCall(policy: RetryPolicy): RetryDecision {
  return (error, attempt) =>
    isThrottledError(error)
      ? attempt < Math.max(policy.throttledAttempts, policy.maxAttempts)
      : attempt < policy.maxAttempts && isRetryableError(error);
}

/** State-changing calls: only throttling, which the KMS never saw, up to throttledAttempts. */
export function retryThrottledOnly(policy: RetryPolicy): RetryDecision {
  return (error, attempt) => attempt < policy.throttledAttempts && isThrottledError(error);
}

/** Runs `operation` until it succeeds or `shouldRetry` says a failure is final. */
export async function withRetries<T>(
  operation: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  sleep: Sleep,
  shouldRetry: RetryDecision = retrySafeCall(policy),
  onRetry?: (attempt: number, error: unknown, delayMs: number) => void | Promise<void>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!shouldRetry(error, attempt)) throw error;
      const delay = backoffDelay(policy, attempt);
      await onRetry?.(attempt, error, delay);
      await sleep(delay);
    }
  }
}
