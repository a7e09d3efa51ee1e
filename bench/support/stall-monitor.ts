/**
 * The longest event-loop stall while some work runs, the figure issue 15 bounds at 16 ms: a 1 ms
 * timer turns the loop, and the longest time between two of its turns is the longest run of
 * synchronous work. Given two ways, both read at the same two turns of that one timer (so the CPU
 * figure of a gap can never exceed its wall figure, as it could when the wall figure came from
 * monitorEventLoopDelay's own, differently timed histogram):
 *
 * - wall: the time between the two turns (the timer's own 1 ms included), inflated when other processes take the cores, as they
 *   do on a shared machine;
 * - CPU: the main thread's own on-CPU time between the same two turns (Linux:
 *   /proc/thread-self/schedstat), which a loaded machine does not inflate, and which leaves out
 *   libuv's thread pool (fsync, async crypto) working beside the loop. Where schedstat is missing,
 *   the process's CPU time (an overestimate: it counts the thread pool too).
 *
 * Printed by the benches, never asserted.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** The longest stall seen since the last reset, in ms. */
export interface Stall {
  readonly wallMs: number;
  readonly cpuMs: number;
}

export interface StallMonitor {
  /** The longest stall since start or the last reset; waits 2 ms first, so a block at the very end is seen. */
  settle(): Promise<Stall>;
  reset(): void;
  stop(): void;
}

/** The main thread's on-CPU time in ms (process CPU time where schedstat is missing), and how to stop reading it. */
function mainThreadCpuClock(): { read(): number; close(): void } {
  let fd: number;
  try {
    fd = openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return {
      read: () => {
        const { user, system } = process.cpuUsage();
        return (user + system) / 1000;
      },
      close: () => {},
    };
  }
  const buffer = Buffer.alloc(128);
  return {
    read: () => Number(buffer.toString('latin1', 0, readSync(fd, buffer, 0, buffer.length, 0)).split(' ')[0]) / 1e6,
    close: () => closeSync(fd),
  };
}

/** Starts watching the event loop (call on the main thread). */
export function startStallMonitor(): StallMonitor {
  const clock = mainThreadCpuClock();
  let lastCpu = clock.read();
  let lastWall = performance.now();
  let cpuMax = 0;
  let wallMax = 0;
  const timer = setInterval(() => {
    const cpu = clock.read();
    const wall = performance.now();
    cpuMax = Math.max(cpuMax, cpu - lastCpu);
    wallMax = Math.max(wallMax, wall - lastWall);
    lastCpu = cpu;
    lastWall = wall;
  }, 1);
  const reset = () => {
    cpuMax = 0;
    wallMax = 0;
    lastCpu = clock.read();
    lastWall = performance.now();
  };
  return {
    async settle() {
      await new Promise((resolve) => setTimeout(resolve, 2));
      return { wallMs: wallMax, cpuMs: cpuMax };
    },
    reset,
    stop() {
      clearInterval(timer);
      clock.close();
    },
  };
}

/** `work()` under a stall monitor: its result, its time (wall ms) and its longest stall. */
export async function withStallMonitor<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; stall: Stall }> {
  const monitor = startStallMonitor();
  try {
    // Both figures are gaps between two turns of the monitor's timer: synchronous work run at once
    // (a backup encoded and read back) must come after its first turn to be seen. Its timer turns
    // first (not reset after: the wait itself is no stall).
    await new Promise((resolve) => setTimeout(resolve, 2));
    const start = performance.now();
    const value = await work();
    const ms = performance.now() - start;
    return { value, ms, stall: await monitor.settle() };
  } finally {
    monitor.stop();
  }
}

/** A stall as the benches print it: `12.3 ms (CPU 4.5 ms)`. */
export function stallText(stall: Stall): string {
  return `${stall.wallMs.toFixed(1)} ms (CPU ${stall.cpuMs.toFixed(1)} ms)`;
}
