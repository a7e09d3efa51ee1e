/**
 * Work for many keys or files at once, bounded (KMS calls online, key generation and bundle files
 * air-gapped). Results keep the items' order. When one fails, no further item is started, every
 * task already under way is allowed to finish (so its effect is journaled or wiped), and then the
 * first failure is raised.
 */
import { eventLoopSlicer } from './yield';

/** Runs `task` for each item with at most `limit` running at once; results in item order. */
export async function forEachConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const slicer = eventLoopSlicer();
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        results[index] = await task(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
      // A task that needs no waiting (AES material is randomBytes at once) resolves at once, and the
      // next runs in the same turn: once the slice has used its budget, let the event loop run.
      await slicer.pause();
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  if (failure) throw failure.error;
  return results;
}
