/** One workflow step from the UI: run it, keep its answer, refresh the ceremony overview. */
import type { Result } from '../../src-main/ipc/contract';
import type { AppState } from './store';
import type { UiAction } from './ui-action';

type StepRunner = <T>(
  section: string,
  action: UiAction,
  call: () => Promise<Result<T>>,
  store: (value: T) => void,
) => Promise<boolean>;

export function stepRunner(get: () => AppState): StepRunner {
  return async (section, action, call, store) => {
    const value = await get().run(section, action, call);
    if (value === undefined) return false;
    store(value);
    await get().refreshCeremony();
    return true;
  };
}
