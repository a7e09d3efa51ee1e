/**
 * The simulator's clock: real (or injected) time plus an offset. The offset lives in the
 * simulator's state (`clockOffsetMs`), so a simulator resumed from its state file keeps the time it
 * was moved to: an import token that expired stays expired after a restart.
 */
export interface SimulatorClock {
  /** Milliseconds since the epoch, as the simulator sees them. */
  now(): number;
  /** The base time the offset is added to (this computer's clock, unless a test injected one). */
  baseNow(): number;
  /** How far the simulator's time is from the base time, in ms. */
  offset(): number;
  /** Moves the clock forward (or back, with a negative value) by `ms`. */
  advance(ms: number): void;
  /** Sets the clock to `epochMs`. */
  set(epochMs: number): void;
}

/** Where the offset is kept (the simulator's state). */
interface ClockOffsetHolder {
  clockOffsetMs?: number;
}

export function createSimulatorClock(base: () => number = Date.now, holder: ClockOffsetHolder = {}): SimulatorClock {
  const offset = () => holder.clockOffsetMs ?? 0;
  const setOffset = (ms: number) => {
    if (ms === 0) delete holder.clockOffsetMs;
    else holder.clockOffsetMs = ms;
  };
  return {
    now: () => base() + offset(),
    baseNow: base,
    offset,
    advance: (ms) => setOffset(offset() + ms),
    set: (epochMs) => setOffset(epochMs - base()),
  };
}
