/**
 * Keeping the main process responsive: long synchronous work cut into slices lets the event loop
 * turn between them (IPC answers, repaints, timers), and short work does not pay for turns it
 * does not need. Counted in event-loop turns, not milliseconds, so a loaded machine cannot make it
 * pass or fail by timing alone.
 */
import { readFile } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { eventLoopSlicer, mapInSlices, yieldToEventLoop } from '../../src-main/core/yield';

/** Holds the thread for `ms`, as a slice of real work does (verifying a journal entry, sealing a key). */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

/** Counts event-loop turns (one `setImmediate` per turn) until `stop()` is called. */
function turnCounter(): { readonly turns: () => number; stop(): void } {
  let turns = 0;
  let running = true;
  const tick = (): void => {
    if (!running) return;
    turns += 1;
    setImmediate(tick);
  };
  setImmediate(tick);
  return {
    turns: () => turns,
    stop: () => {
      running = false;
    },
  };
}

describe('mapInSlices', () => {
  it('gives what items.map gives, in order, with each index', async () => {
    const items = Array.from({ length: 50 }, (_, i) => `k${i}`);
    const fn = (item: string, index: number) => `${index}:${item.toUpperCase()}`;
    expect(await mapInSlices(items, fn)).toEqual(items.map(fn));
    expect(await mapInSlices([], fn)).toEqual([]);
  });

  it('lets the event loop turn while 40 items of 2 ms each run (a slice is at most 5 ms)', async () => {
    const counter = turnCounter();
    let timerRan = false;
    setTimeout(() => {
      timerRan = true;
    }, 0);
    await mapInSlices(
      Array.from({ length: 40 }, (_, i) => i),
      () => busy(2),
    );
    counter.stop();
    // 80 ms of work in slices of at most 3 items (3 × 2 ms reach the budget): at least 7 turns.
    expect(counter.turns()).toBeGreaterThanOrEqual(7);
    expect(timerRan).toBe(true);
  });
});

describe('eventLoopSlicer', () => {
  it('yields at every pause once its budget is used, and not at all within it', async () => {
    const spent = turnCounter();
    const exhausted = eventLoopSlicer(0);
    for (let i = 0; i < 10; i += 1) await exhausted.pause();
    spent.stop();
    expect(spent.turns()).toBeGreaterThanOrEqual(9);

    const fresh = turnCounter();
    const generous = eventLoopSlicer(60_000);
    for (let i = 0; i < 10; i += 1) await generous.pause();
    fresh.stop();
    expect(fresh.turns()).toBe(0);
  });

  it('continues the slice begun before it in the same run: two slicers in a row share one budget', async () => {
    /** The event-loop turns `slicer.pause()` takes. */
    const turnsOfPause = async (slicer: { pause(): Promise<void> }) => {
      const counter = turnCounter();
      await slicer.pause();
      counter.stop();
      return counter.turns();
    };
    await yieldToEventLoop(); // a slice of its own, whatever ran before
    // A budget the 6 ms of work stays well within even when a loaded machine deschedules the process
    // (20 ms was crossed once in CI: two turns where none were due).
    const first = eventLoopSlicer(200);
    busy(6);
    expect(await turnsOfPause(first)).toBe(0);
    // The next loop (a backup's text after its lines) starts 6 ms into the slice: 3 ms more use up 8.
    const second = eventLoopSlicer(8);
    busy(3);
    expect(await turnsOfPause(second)).toBeGreaterThanOrEqual(1);
  });
});

describe('yieldToEventLoop', () => {
  it('runs what was waiting (I/O callbacks, timers) before it resolves', async () => {
    let ran = false;
    setImmediate(() => {
      ran = true;
    });
    await yieldToEventLoop();
    expect(ran).toBe(true);
  });

  it('lets a due timer run when the work before it was resumed by an I/O callback', async () => {
    // Work resumed by a file read runs in the loop's poll phase; a single setImmediate would fire in
    // that same turn's check phase, before the timers.
    await new Promise((resolve) => readFile(__filename, resolve));
    let ran = false;
    setTimeout(() => {
      ran = true;
    }, 0);
    busy(3); // the timer is due
    await yieldToEventLoop();
    expect(ran).toBe(true);
  });
});
