/**
 * Retries with exponential backoff and jitter, for safe (read-only) KMS calls only. The caller
 * decides which errors are worth another attempt (5xx, 429, connection failures); state-changing
 * calls never come through here.
 */
import { randomInt } from 'node:crypto';
import { isKmsError } from './errors';

export interface RetryPolicy {
  /** Total attempts including the first (1 disables retries). */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 4000 };

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

/** Runs `operation` until it succeeds, fails with a non-retryable error, or attempts run out. */
export async function withRetries<T>(
  operation: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  sleep: Sleep,
  onRetry?: (attempt: number, error: unknown, delayMs: number) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (attempt >= policy.maxAttempts || !isRetryableError(error)) throw error;
      const delay = backoffDelay(policy, attempt);
      onRetry?.(attempt, error, delay);
      await sleep(delay);
    }
  }
}
