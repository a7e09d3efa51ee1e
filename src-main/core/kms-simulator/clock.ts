/** The simulator's clock: real (or injected) time plus an offset tests can move forward. */
export interface SimulatorClock {
  /** Milliseconds since the epoch, as the simulator sees them. */
  now(): number;
  /** Moves the clock forward (or back, with a negative value) by `ms`. */
  advance(ms: number): void;
  /** Sets the clock to `epochMs`. */
  set(epochMs: number): void;
}

export function createSimulatorClock(base: () => number = Date.now): SimulatorClock {
  let offset = 0;
  return {
    now: () => base() + offset,
    advance: (ms) => {
      offset += ms;
    },
    set: (epochMs) => {
      offset = epochMs - base();
    },
  };
}
