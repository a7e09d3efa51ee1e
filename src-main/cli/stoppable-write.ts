/**
 * A write that a stop (Ctrl-C) ends part way: the stop aborts the write's signal (no further file is
 * started; the write removes or leaves to withdraw what it wrote), waits until the write settled,
 * then `stopped` tells the stop what was left, on its context (the lines printed with the stop's).
 * `online params` (the import-parameters bundle) and `custody split` (a custody set) use it;
 * leaveToTheStop is where any stopped command waits for the stop to end the process.
 */
import type { CliIo } from './command';
import type { StopContext } from './interrupts';

export interface StoppableWrite {
  /** Given to the write: aborted when a stop begins. */
  readonly signal: AbortSignal;
  /** Names the write once started (the stop waits for it to settle), and returns it. */
  writing<T>(write: Promise<T>): Promise<T>;
  /** Ends the stop's interest in the write (call once the command's write is over). */
  unregister(): void;
}

/** Registers the stop handler of a write (none without interrupts, e.g. in-process tests). */
export function abortWriteOnStop(
  io: CliIo,
  stopped: (context: StopContext, failure: unknown) => Promise<void> | void,
): StoppableWrite {
  const stop = new AbortController();
  let current: Promise<unknown> = Promise.resolve();
  const unregister =
    io.interrupts?.onStop(async (context) => {
      stop.abort();
      const failure = await current.then(
        () => undefined,
        (error: unknown) => error,
      );
      await stopped(context, failure);
    }) ?? (() => undefined);
  return {
    signal: stop.signal,
    writing(write) {
      current = write;
      return write;
    },
    unregister,
  };
}

/**
 * When `signal` was aborted by a stop, never returns: the stop's handlers say what became of the
 * work, journal the stop and end the process, and the command must not unwind meanwhile (its session
 * would close the journal under them) nor go on to its next step. Returns at once otherwise.
 */
export async function leaveToTheStop(signal: AbortSignal): Promise<void> {
  if (signal.aborted) await new Promise<never>(() => undefined);
}
