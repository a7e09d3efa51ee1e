/**
 * Test helper: how often work done in slices lets the event loop turn. `yieldsWhile` counts the
 * setImmediate calls `work` makes (core/yield.ts yields through setImmediate; I/O takes none) while
 * performance.now() says every slice is over (each reading 10 ms after the last), so the count is
 * the number of slices, whatever the machine's speed. Both spies are restored after.
 */
import { performance } from 'node:perf_hooks';
import { vi } from 'vitest';

/** The spied clock, never running backwards across calls: a slice begun under one call may be measured under the next. */
let clock = 0;

export async function yieldsWhile<T>(work: () => Promise<T>): Promise<{ value: T; yields: number }> {
  clock = Math.max(clock, performance.now());
  const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 10));
  const immediate = vi.spyOn(globalThis, 'setImmediate');
  try {
    const value = await work();
    return { value, yields: immediate.mock.calls.length };
  } finally {
    now.mockRestore();
    immediate.mockRestore();
  }
}
