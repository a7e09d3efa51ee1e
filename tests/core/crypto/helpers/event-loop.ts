/**
 * Watching the event loop while some async work runs, with a 1 ms ticker and monitorEventLoopDelay.
 * "Blocked" means the main thread itself was busy: on Linux the main thread's own on-CPU time
 * between two ticks is read from /proc/thread-self/schedstat, so time the OS gave to other
 * processes on a loaded machine (a wall-clock gap, but not a block) is told apart from real work.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

export interface EventLoopWatch<T> {
  readonly result: T;
  readonly elapsedMs: number;
  readonly ticks: number;
  /** Longest wall-clock gap between ticks (includes time the OS ran other processes). */
  readonly longestGapMs: number;
  /** monitorEventLoopDelay's maximum, in ms. */
  readonly histogramMaxMs: number;
  /** Longest main-thread on-CPU time between two ticks; undefined where schedstat is unavailable. */
  readonly longestBusyMs: number | undefined;
}

/** Opens the main thread's schedstat (call on the main thread); undefined where unsupported. */
function mainThreadRunClock(): { read(): number; close(): void } | undefined {
  let fd: number;
  try {
    fd = openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return undefined;
  }
  const buffer = Buffer.alloc(128);
  return {
    read: () => Number(buffer.toString('latin1', 0, readSync(fd, buffer, 0, buffer.length, 0)).split(' ')[0]) / 1e6,
    close: () => closeSync(fd),
  };
}

export async function watchEventLoop<T>(work: () => Promise<T>): Promise<EventLoopWatch<T>> {
  const clock = mainThreadRunClock();
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let ticks = 0;
  let longestGapMs = 0;
  let longestBusyMs = 0;
  let lastWall = performance.now();
  let lastRun = clock?.read() ?? 0;
  const sample = () => {
    const wall = performance.now();
    const run = clock?.read() ?? 0;
    longestGapMs = Math.max(longestGapMs, wall - lastWall);
    longestBusyMs = Math.max(longestBusyMs, run - lastRun);
    lastWall = wall;
    lastRun = run;
  };
  const ticker = setInterval(() => {
    ticks += 1;
    sample();
  }, 1);
  histogram.enable();
  const started = performance.now();
  try {
    const result = await work();
    sample();
    return {
      result,
      elapsedMs: performance.now() - started,
      ticks,
      longestGapMs,
      histogramMaxMs: histogram.max / 1e6,
      longestBusyMs: clock ? longestBusyMs : undefined,
    };
  } finally {
    histogram.disable();
    clearInterval(ticker);
    clock?.close();
  }
}
