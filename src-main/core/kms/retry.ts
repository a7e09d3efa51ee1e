/**
 * Retries with exponential backoff and jitter. Safe (read-only) KMS calls retry on any retryable
 * error (5xx, 429, connection failures). State-changing calls retry only when the API gateway
 * throttled them (HTTP 429, APIG.0308): the gateway refused the request before the KMS saw it, so
 * sending it again cannot do anything twice.
 */
import { randomInt } from 'node:crypto';
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
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const half = Math.floor(step / 2);
  return half + (step - half > 0 ? randomInt(step - half + 1) : 0);
}

/** True for errors a repeated read may overcome. */
export function isRetryableError(error: unknown): boolean {
  return isKmsError(error) && error.retryable;
}

/** True when the API gateway refused the call for the rate limit: the KMS never saw it. */
export function isThrottledError(error: unknown): boolean {
  return isKmsError(error) && (error.httpStatus === 429 || error.code === 'APIG.0308');
}

/** Whether attempt `attempt` that failed with `error` is followed by another one. */
export type RetryDecision = (error: unknown, attempt: number) => boolean;

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
  onRetry?: (attempt: number, error: unknown, delayMs: number) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!shouldRetry(error, attempt)) throw error;
      const delay = backoffDelay(policy, attempt);
      onRetry?.(attempt, error, delay);
      await sleep(delay);
    }
  }
}
