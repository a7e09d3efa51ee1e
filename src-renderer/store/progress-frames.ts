/**
 * Progress events applied once a frame: a 100-key step sends hundreds of them (each key started,
 * then done), and each alone re-rendered the screen. The events of a frame are applied together, in
 * the order sent; `flush` applies them at once (before an action starts or ends, so an action's
 * events never land after its end or in the next action's progress).
 */
import type { ProgressEvent } from '../../src-main/ipc/contract';

/** One key's phase in a key-by-key step (several keys run at once): started, done or failed. */
export interface KeyPhaseSeen {
  readonly stage: string;
  readonly phase: NonNullable<ProgressEvent['keyPhase']>;
}

export interface ProgressShown {
  readonly progress: ProgressEvent | null;
  readonly keyPhases: Readonly<Record<string, KeyPhaseSeen>>;
}

/** `shown` after `events`: the last event is the progress shown, each key at its last phase. */
export function progressApplied(shown: ProgressShown, events: readonly ProgressEvent[]): ProgressShown {
  const keyPhases = { ...shown.keyPhases };
  for (const { keyId, keyPhase, stage } of events)
    if (keyId !== undefined && keyPhase !== undefined) keyPhases[keyId] = { stage, phase: keyPhase };
  return { progress: events.at(-1) ?? shown.progress, keyPhases };
}

/** The next frame (a timer where there are no frames, outside a browser). */
function nextFrame(apply: () => void): void {
  const { requestAnimationFrame: frame } = globalThis as { requestAnimationFrame?: (run: () => void) => number };
  if (typeof frame === 'function') frame(apply);
  else setTimeout(apply, 16);
}

export interface ProgressFrames {
  /** An event received: applied with the others of its frame. */
  push(event: ProgressEvent): void;
  /** Applies the events received so far now (nothing when there are none). */
  flush(): void;
}

export function progressFrames(apply: (events: readonly ProgressEvent[]) => void): ProgressFrames {
  let pending: ProgressEvent[] = [];
  let frameAsked = false;
  const flush = () => {
    if (pending.length === 0) return;
    const events = pending;
    pending = [];
    apply(events);
  };
  return {
    push: (event) => {
      pending.push(event);
      if (frameAsked) return;
      frameAsked = true;
      nextFrame(() => {
        frameAsked = false;
        flush();
      });
    },
    flush,
  };
}
