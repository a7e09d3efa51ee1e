/**
 * Keeping the main process responsive: a long run of synchronous work (verifying 10,000 journal
 * entries, encrypting 100 keys into a custody backup) is cut into slices, and between slices the
 * event loop runs (IPC, repaints, timers). No slice should hold the loop for more than a frame
 * (16 ms); `SLICE_BUDGET_MS` leaves room for the item that crosses the budget, a garbage
 * collection on top of it and a loaded machine (with 8, 10,000 journal entries opened and a
 * 100-key custody set held the loop for 10-14 ms of CPU at a time).
 */
import { performance } from 'node:perf_hooks';
// The same setImmediate, called as no turn of ours: a turn is what yieldToEventLoop asks for (the global one).
import { setImmediate as whenTheLoopTurns } from 'node:timers';

/** How long one slice of work may run before it lets the event loop turn. */
const SLICE_BUDGET_MS = 5;

/**
 * Lets the event loop turn once (timers and I/O callbacks run) before continuing. Through two
 * `setImmediate`s: work resumed by an I/O callback (a file read, an fsync) runs in the loop's poll
 * phase, and one immediate then fires in the same turn's check phase, before any timer or other
 * I/O callback, so the slices before and after it held the loop as one (seen as 20-30 ms stalls).
 * An immediate queued from an immediate waits for the next turn.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

/** When the slice now running began; undefined once the event loop has turned since. */
let sliceStart: number | undefined;

/**
 * When the slice now running began: one slice for every slicer until the event loop turns (an
 * immediate queued at its start fires). Two slicers one after the other in the same run of work
 * (the lines of a backup, then its text) share one budget: each starting its own held the loop
 * for two budgets, seen as 16 ms stalls. Work that awaits I/O or the thread pool lets the loop
 * turn, and its next slice starts afresh.
 */
function currentSliceStart(): number {
  if (sliceStart === undefined) {
    sliceStart = performance.now();
    whenTheLoopTurns(() => {
      sliceStart = undefined;
    });
  }
  return sliceStart;
}

/**
 * Call `pause()` between items of a long synchronous loop: it yields to the event loop once the
 * current slice has run for `budgetMs`, and resolves at once otherwise.
 */
export function eventLoopSlicer(budgetMs = SLICE_BUDGET_MS): { pause(): Promise<void> } {
  currentSliceStart();
  return {
    async pause() {
      if (performance.now() - currentSliceStart() < budgetMs) return;
      await yieldToEventLoop();
      currentSliceStart();
    },
  };
}

/**
 * `items.map(fn)` for a long list whose items each take a fraction of a frame: the event loop runs
 * between items once the current slice has used its budget.
 */
export async function mapInSlices<T, R>(items: readonly T[], fn: (item: T, index: number) => R): Promise<R[]> {
  const slicer = eventLoopSlicer();
  const out: R[] = [];
  for (const [index, item] of items.entries()) {
    await slicer.pause();
    out.push(fn(item, index));
  }
  return out;
}

/**
 * Runs a generator of synchronous work that yields between its items (a journal line, a backup
 * line) in slices: the event loop turns once a slice has used its budget. Its return value.
 */
export async function stepsInSlices<R>(steps: Generator<void, R>): Promise<R> {
  const slicer = eventLoopSlicer();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await slicer.pause();
  }
}

/** The same generator run to its end at once (small inputs, tests). */
export function stepsAtOnce<R>(steps: Generator<void, R>): R {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
