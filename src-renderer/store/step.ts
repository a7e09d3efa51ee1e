/**
 * The workflow steps of the store's slices, made one way: a step is the store action
 * `(request) => Promise<boolean>` that asks main on one channel for one screen section (run: one
 * action at a time, progress and problem shown there), keeps the answer in the store and refreshes
 * the ceremony overview; false when it failed (the problem is shown in its section). Also the
 * slices' other shapes: a step whose last answer is cleared first, a step followed by a read, a quiet read.
 */
import type { ChannelKey, Request, Response, Result } from '../../src-main/ipc/contract';
import type { MessageKey, MessageValues } from '../../src-main/i18n/catalogue';
import { api } from '../api';
import type { AppState } from './store';
import { uiAction, type UiAction } from './ui-action';

/** A message that needs no values: named by its key alone. */
type PlainMessageKey = { [K in MessageKey]: keyof MessageValues<K> extends never ? K : never }[MessageKey];

/** What the step is called while it runs: a message without values, or one made from the request. */
type StepAction<C extends ChannelKey> = PlainMessageKey | ((request: Request<C>) => UiAction);

/** The answer's `keys`, for the steps whose answer is a list of keys. */
type KeyedFields = { [K in keyof AppState]: AppState[K] extends readonly unknown[] ? K : never }[keyof AppState];

/** The store action of a step: the request may be left out when the channel accepts none. */
type StepFunction<C extends ChannelKey> =
  undefined extends Request<C> ? (request?: Request<C>) => Promise<boolean> : (request: Request<C>) => Promise<boolean>;

export interface StepMaker {
  /**
   * The step on `channel` for `section`: `keep` stores main's answer (with the request that asked for it);
   * the ceremony overview is read again after it, whether it succeeded or failed.
   */
  step<C extends ChannelKey>(
    channel: C,
    section: string,
    action: StepAction<C>,
    keep: (value: Response<C>, request: Request<C>) => void,
  ): StepFunction<C>;
  /** Keeps the answer as the store's `field`. */
  into<K extends keyof AppState>(field: K): (value: AppState[K]) => void;
  /** Keeps the answer's `keys` as the store's `field`. */
  keysInto<K extends KeyedFields>(field: K): (value: { keys: AppState[K] }) => void;
  /** Keeps no answer: the ceremony overview, refreshed after every step, is the step's result. */
  overviewOnly(): void;
  /** `run`, with the store's `field` (the last answer) cleared first: an old answer never stands beside a new request. */
  afresh<K extends keyof AppState, R extends unknown[]>(
    field: K,
    run: (...request: R) => Promise<boolean>,
  ): (...request: R) => Promise<boolean>;
  /** `run`, then `after` (e.g. a quiet read of what the step changed), whether or not the step succeeded. */
  followedBy<R extends unknown[]>(
    run: (...request: R) => Promise<boolean>,
    after: (...request: R) => Promise<void>,
  ): (...request: R) => Promise<boolean>;
  /** A quiet read for a line of a screen (no busy state, no notice): the answer in `field`, null when refused. */
  quiet<K extends keyof AppState>(field: K, read: () => Promise<Result<NonNullable<AppState[K]>>>): () => Promise<void>;
}

export function stepMaker(set: (partial: Partial<AppState>) => void, get: () => AppState): StepMaker {
  return {
    step: <C extends ChannelKey>(
      channel: C,
      section: string,
      action: StepAction<C>,
      keep: (value: Response<C>, request: Request<C>) => void,
    ) => {
      const run = async (request: Request<C>) => {
        const asked = typeof action === 'function' ? action(request) : uiAction(action);
        const call = api()[channel] as (request: Request<C>) => Promise<Result<Response<C>>>;
        const value = await get().run(section, asked, () => call(request));
        if (value !== undefined) keep(value, request);
        // After a failure too: a step that stopped part way (an import cut off after some keys) journaled what it did.
        await get().refreshCeremony();
        return value !== undefined;
      };
      return run as StepFunction<C>;
    },
    into: (field) => (value) => set({ [field]: value }),
    keysInto: (field) => (value) => set({ [field]: value.keys }),
    overviewOnly: () => undefined,
    afresh:
      (field, run) =>
      (...request) => {
        set({ [field]: null });
        return run(...request);
      },
    followedBy:
      (run, after) =>
      async (...request) => {
        const succeeded = await run(...request);
        await after(...request);
        return succeeded;
      },
    quiet: (field, read) => async () => {
      const result = await read().catch(() => null);
      set({ [field]: result?.ok ? result.value : null });
    },
  };
}
