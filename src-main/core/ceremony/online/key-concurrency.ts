/**
 * KMS calls for many keys at once, bounded: a ceremony of a hundred keys should cost a few round
 * trips of wall time, not a hundred, without flooding the region's rate limit. Results keep the
 * keys' order. When one key fails, no further key is started, every call already sent is allowed
 * to finish (so its effect is journaled: a key created in the KMS is never forgotten by the
 * journal), and then the first failure is raised (`forEachConcurrently` in core/concurrency.ts,
 * shared with the air-gapped side's key generation).
 */
import { forEachConcurrently } from '../../concurrency';
import { reportProgress, type CeremonyProgress, type KeyPhase, type ProgressListener } from '../shared/progress';

/** Keys handled at once unless the officer chooses otherwise (--concurrency). */
export const DEFAULT_KMS_CONCURRENCY = 8;
/** More than this in flight only earns throttling answers from the API gateway. */
export const MAX_KMS_CONCURRENCY = 32;

/** What a key's progress line says, and which key it is (absent before the KMS names it). */
interface KeyProgressLine {
  readonly keyId?: string;
  readonly line: Pick<CeremonyProgress, 'code' | 'values' | 'message'>;
}

/**
 * `forEachConcurrently` (core/concurrency.ts) with progress per key: each key reports `started` when its calls
 * begin and `done` (or `failed`) when they end; `done` counts the keys finished so far, so a
 * screen can show both the overall bar and which keys are in flight. A task calls `recording()`
 * (with the key id, when the KMS has just named it) once the KMS has done what the key needed and only its journal entry remains: a failure after
 * that is `unrecorded`, not `failed` (the officer must not read "NOT done" of a key the KMS holds).
 */
export async function forEachKeyWithProgress<T, R>(
  options: {
    readonly concurrency: number;
    readonly onProgress: ProgressListener | undefined;
    readonly step: string;
    /**
     * When one step runs in several passes (primaries, then their replicas): the keys finished in
     * earlier passes and the step's total, so the count runs once over every key of the step.
     */
    readonly count?: { readonly before: number; readonly total: number };
  },
  items: readonly T[],
  describe: (item: T) => KeyProgressLine,
  task: (item: T, index: number, recording: (keyId?: string) => void) => Promise<R>,
): Promise<R[]> {
  let finished = options.count?.before ?? 0;
  const total = options.count?.total ?? items.length;
  const report = (item: T, keyPhase: KeyPhase, keyId?: string) => {
    const { keyId: known, line } = describe(item);
    const id = keyId ?? known;
    reportProgress(options.onProgress, {
      step: options.step,
      done: finished,
      total,
      keyPhase,
      ...(id ? { keyId: id } : {}),
      ...line,
    });
  };
  return forEachConcurrently(items, options.concurrency, async (item, index) => {
    report(item, 'started');
    // Set once only the journal entry remains: the key id the KMS gave (a created key), or ''.
    let recording: string | undefined;
    try {
      const result = await task(item, index, (keyId) => (recording = keyId ?? ''));
      finished += 1;
      report(item, 'done', keyIdOf(result));
      return result;
    } catch (error) {
      if (recording === undefined) report(item, 'failed');
      else report(item, 'unrecorded', recording || undefined);
      throw error;
    }
  });
}

function keyIdOf(result: unknown): string | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const keyId = (result as { keyId?: unknown }).keyId;
  return typeof keyId === 'string' ? keyId : undefined;
}
