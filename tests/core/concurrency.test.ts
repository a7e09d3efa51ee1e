import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { forEachConcurrently } from '../../src-main/core/concurrency';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('forEachConcurrently', () => {
  it('never runs more than the limit at once and keeps the keys in order', async () => {
    let running = 0;
    let peak = 0;
    const items = Array.from({ length: 20 }, (_, i) => i);
    const results = await forEachConcurrently(items, 4, async (n) => {
      running += 1;
      peak = Math.max(peak, running);
      await tick(20 - n); // later keys finish first
      running -= 1;
      return n * 10;
    });
    expect(results).toEqual(items.map((n) => n * 10));
    expect(peak).toBe(4);
  });

  it('after a failure starts no further key, lets every started one finish, then raises the first failure', async () => {
    const finished: number[] = [];
    const started: number[] = [];
    const run = forEachConcurrently([0, 1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      started.push(n);
      if (n === 1) {
        await tick(5);
        throw new Error('key 1 refused');
      }
      await tick(40);
      finished.push(n);
      return n;
    });
    await expect(run).rejects.toThrow('key 1 refused');
    // 0 and 2 were in flight when 1 failed: both completed (their effects get journaled).
    expect(finished.sort()).toEqual([0, 2]);
    expect(started.sort()).toEqual([0, 1, 2]);
  });

  it('lets the event loop run between tasks that need no waiting (AES material is made at once)', async () => {
    let turns = 0;
    let running = true;
    const tick = (): void => {
      if (!running) return;
      turns += 1;
      setImmediate(tick);
    };
    setImmediate(tick);
    const seen = await forEachConcurrently(
      Array.from({ length: 200 }, (_, i) => i),
      4,
      async () => {
        const until = performance.now() + 0.2;
        while (performance.now() < until);
        return turns;
      },
    );
    running = false;
    // 40 ms of work that never waits: the loop turned in between, so a timer or an IPC answer would have run.
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBeGreaterThan(0);
  });

  it('runs one at a time with a limit of 1 and accepts an empty list', async () => {
    let running = 0;
    let peak = 0;
    await forEachConcurrently([1, 2, 3], 1, async () => {
      running += 1;
      peak = Math.max(peak, running);
      await tick(2);
      running -= 1;
    });
    expect(peak).toBe(1);
    await expect(forEachConcurrently([], 8, async () => 1)).resolves.toEqual([]);
  });
});
