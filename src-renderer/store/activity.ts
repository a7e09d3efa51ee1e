/**
 * What is running and what went wrong: one action at a time (buttons are disabled while it runs),
 * the actions asked for meanwhile (each waits its turn, shown as waiting in its section), the last
 * problem with the section it belongs to (shown there, in plain words, with the next step), the
 * last success notice, and the latest progress event from the main process (applied once a frame:
 * a 100-key step sends hundreds of events, and each alone re-rendered the screen).
 */
import type { Problem, ProgressEvent, Result } from '../../src-main/ipc/contract';
import { english } from '../../src-main/i18n/translate';
import type { SliceCreator } from './store';
import type { UiAction } from './ui-action';
import { progressApplied, progressFrames, type KeyPhaseSeen } from './progress-frames';

interface ShownProblem extends Problem {
  /** The screen section the failed action belongs to (e.g. `online-connect`). */
  readonly section: string;
  readonly action: UiAction;
}

/** An action of a screen section: what runs, or what waits to run. */
export interface SectionAction {
  readonly section: string;
  readonly action: UiAction;
}

export interface ActivitySlice {
  busy: SectionAction | null;
  /**
   * Actions asked for while another ran (a journal chosen while the first one is read, a step an
   * effect starts): they run in this order, one after another, never dropped.
   */
  waiting: readonly SectionAction[];
  problem: ShownProblem | null;
  /** The last action that succeeded. */
  notice: UiAction | null;
  progress: ProgressEvent | null;
  /** Per key, where the running (or last) key-by-key step stands: from the progress events' keyId and keyPhase. */
  keyPhases: Readonly<Record<string, KeyPhaseSeen>>;
  /**
   * Runs one call for `section` once the actions asked for before it ended; resolves to its value,
   * or undefined when it failed (problem set).
   */
  run<T>(section: string, action: UiAction, call: () => Promise<Result<T>>): Promise<T | undefined>;
  setProgress(event: ProgressEvent): void;
  dismissProblem(): void;
}

export const createActivitySlice: SliceCreator<ActivitySlice> = (set, get) => {
  /** The action asked for last (each waits for this one). */
  let last: Promise<unknown> = Promise.resolve();
  const frames = progressFrames((events) => set((s) => progressApplied(s, events)));

  const runNow = async <T>(asked: SectionAction, waited: boolean, call: () => Promise<Result<T>>) => {
    const { section, action } = asked;
    // An action that waited leaves the problem of another section shown: the officer may not have read it yet.
    const kept = waited && get().problem?.section !== section ? get().problem : null;
    frames.flush();
    set({ busy: asked, problem: kept, notice: null, progress: null, keyPhases: {} });
    try {
      let result: Result<T>;
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
      // The action's own events, even where it failed or could not be asked, before its end is shown.
      frames.flush();
      if (!result.ok) {
        set({ problem: { ...result.problem, section, action } });
        return undefined;
      }
      set({ notice: action });
      return result.value;
    } finally {
      set({ busy: null });
    }
  };

  return {
    busy: null,
    waiting: [],
    problem: null,
    notice: null,
    progress: null,
    keyPhases: {},
    run: <T>(section: string, action: UiAction, call: () => Promise<Result<T>>) => {
      const asked: SectionAction = { section, action };
      // An action runs or waits from the moment it is asked for until it ends: busy, or in the queue.
      const waits = get().busy !== null || get().waiting.length > 0;
      if (waits) set({ waiting: [...get().waiting, asked] });
      const start = () => {
        if (waits) set({ waiting: get().waiting.filter((w) => w !== asked) });
        return runNow(asked, waits, call);
      };
      // The first starts at once (busy before the click's event ends, so its button is disabled at once).
      const turn = waits ? last.then(start) : start();
      last = turn.catch(() => undefined);
      return turn;
    },
    setProgress: (event) => frames.push(event),
    dismissProblem: () => set({ problem: null }),
  };
};
