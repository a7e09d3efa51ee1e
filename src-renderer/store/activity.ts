/**
 * What is running and what went wrong: one action at a time (buttons are disabled while it runs),
 * the last problem with the section it belongs to (shown there, in plain words, with the next
 * step), the last success notice, and the latest progress event from the main process.
 */
import type { Problem, ProgressEvent, Result } from '../../src-main/ipc/contract';
import { english } from '../../src-main/i18n/translate';
import type { SliceCreator } from './store';
import type { UiAction } from './ui-action';

interface ShownProblem extends Problem {
  /** The screen section the failed action belongs to (e.g. `online-connect`). */
  readonly section: string;
  readonly action: UiAction;
}

/** One key's phase in a key-by-key step (several keys run at once): started, done or failed. */
interface KeyPhaseSeen {
  readonly stage: string;
  readonly phase: NonNullable<ProgressEvent['keyPhase']>;
}

export interface ActivitySlice {
  busy: { section: string; action: UiAction } | null;
  problem: ShownProblem | null;
  /** The last action that succeeded. */
  notice: UiAction | null;
  progress: ProgressEvent | null;
  /** Per key, where the running (or last) key-by-key step stands: from the progress events' keyId and keyPhase. */
  keyPhases: Readonly<Record<string, KeyPhaseSeen>>;
  /** Runs one call for `section`; resolves to its value, or undefined when it failed (problem set). */
  run<T>(section: string, action: UiAction, call: () => Promise<Result<T>>): Promise<T | undefined>;
  setProgress(event: ProgressEvent): void;
  dismissProblem(): void;
}

export const createActivitySlice: SliceCreator<ActivitySlice> = (set, get) => ({
  busy: null,
  problem: null,
  notice: null,
  progress: null,
  keyPhases: {},
  run: async (section, action, call) => {
    if (get().busy) return undefined;
    set({ busy: { section, action }, problem: null, notice: null, progress: null, keyPhases: {} });
    try {
      let result: Awaited<ReturnType<typeof call>>;
      try {
        result = await call();
      } catch {
        result = {
          ok: false,
          problem: {
            code: 'UI_UNAVAILABLE',
            ...english.problem({
              code: 'UI_UNAVAILABLE',
              message: '',
              nextStep: '',
              values: { action: english.message(action) },
            }),
            values: { action: english.message(action) },
          },
        };
      }
      if (!result.ok) {
        set({ problem: { ...result.problem, section, action } });
        return undefined;
      }
      set({ notice: action });
      return result.value;
    } finally {
      set({ busy: null });
    }
  },
  setProgress: (event) => {
    const { keyId, keyPhase } = event;
    if (keyId === undefined || keyPhase === undefined) set({ progress: event });
    else
      set((s) => ({
        progress: event,
        keyPhases: { ...s.keyPhases, [keyId]: { stage: event.stage, phase: keyPhase } },
      }));
  },
  dismissProblem: () => set({ problem: null }),
});
