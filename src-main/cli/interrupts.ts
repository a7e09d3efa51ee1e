/**
 * Stops by the officer (Ctrl-C: SIGINT) or the system (SIGTERM, SIGHUP) at any point of a command:
 * the handlers the command registered run newest first (the ceremony wipes what it holds, journals
 * the stop and withdraws an unreceipted bundle; the journal is closed, which releases its lock),
 * then the stop's text is printed once (a line saying what was done, what was not and how to resume,
 * followed by a line for each custody set withdrawn or left to delete by hand), and the process ends
 * with 128 + the signal number, or 0 when a handler found the command's work complete (the ceremony
 * had finished: its bundle and receipt stand). The command's end ends the process with its code,
 * unless a stop is under way: then the stop's code stands (a command whose writes the stop aborted
 * fails, and its 1 must not hide the 130). A stop after the command ended (its output said it all,
 * the process is ending) ends the process with the command's own exit code, printing nothing: it
 * must not journal an interruption nor say that nothing counts as done.
 * A stop is never reported as an unexpected failure.
 */
export type StopSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

const SIGNAL_NUMBERS: Record<StopSignal, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/** What the stop handlers share: the signal, and the text to print (the first handler to set it wins). */
export interface StopContext {
  readonly signal: StopSignal;
  line?: string;
  /** Lines printed before the stop's line (what the command had done when the stop came). */
  readonly before: string[];
  /** Set by a handler that journaled the stop itself (the journal's own handler then only closes it). */
  journaled?: boolean;
  /** Set by a handler whose lines before the stop's line print the whole command that continues (the line then points to it). */
  nextPrinted?: boolean;
  /** Set by a handler that found the command's work complete (a finished ceremony): the process ends 0. */
  completed?: boolean;
}

type StopHandler = (stop: StopContext) => Promise<void>;

export interface CliInterrupts {
  /** Registers `handler` to run on a stop; returns the function that unregisters it. */
  onStop(handler: StopHandler): () => void;
  /** True once a stop began: the command's own error output is then suppressed (the stop's text says it all). */
  readonly stopping: boolean;
  /** For a command that treats signals as its normal end (the simulator): stops are left to it. */
  leaveStopsToCommand(): void;
  /**
   * The command returned `code` (or failed: 1): ends the process with it, unless a stop is under way
   * (the stop ends it); a later stop only ends the process, with that code.
   */
  commandEnded(code: number): void;
}

/**
 * Listens for SIGINT, SIGTERM and SIGHUP on `processLike`. On the first one: runs every handler
 * (newest first; a failing handler does not stop the others), prints the lines handlers gave
 * to print before it, then the line (or `fallback`),
 * and calls `exit(128 + signal number)`, or `exit(0)` when a handler set `completed`. Further
 * signals while stopping are ignored. `commandEnded(code)` calls `exit(code)` unless a stop is under
 * way; after it, a signal calls `exit(code)` and nothing else.
 */
export function listenForStops(
  processLike: Pick<NodeJS.Process, 'on'>,
  print: (line: string) => void,
  fallback: (signal: StopSignal) => string,
  exit: (code: number) => void,
): CliInterrupts {
  const handlers: StopHandler[] = [];
  let stopping = false;
  let leftToCommand = false;
  let endedWith: number | undefined;
  const stop = async (signal: StopSignal): Promise<void> => {
    if (stopping || leftToCommand) return;
    stopping = true;
    if (endedWith !== undefined) {
      exit(endedWith);
      return;
    }
    const context: StopContext = { signal, before: [] };
    for (const handler of [...handlers].reverse()) {
      try {
        await handler(context);
      } catch {
        // the next handler still runs: the journal must be closed even if the wipe report failed
      }
    }
    print([...context.before, context.line ?? fallback(signal)].join('\n'));
    exit(context.completed ? 0 : 128 + SIGNAL_NUMBERS[signal]);
  };
  for (const signal of Object.keys(SIGNAL_NUMBERS) as StopSignal[]) {
    processLike.on(signal, () => void stop(signal));
  }
  return {
    get stopping() {
      return stopping;
    },
    leaveStopsToCommand() {
      leftToCommand = true;
    },
    commandEnded(code) {
      endedWith = code;
      if (!stopping) exit(code);
    },
    onStop(handler) {
      handlers.push(handler);
      return () => {
        const at = handlers.indexOf(handler);
        if (at >= 0) handlers.splice(at, 1);
      };
    },
  };
}
