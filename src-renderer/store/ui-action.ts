/**
 * What the officer asked for, as the activity regions name it ("Checking the network…",
 * "… did not succeed."): a catalogue key and its values, rendered in the screen's language.
 */
import type { MessageKey, PlainValues, ValuesArg } from '../../src-main/i18n/catalogue';

export interface UiAction {
  readonly key: MessageKey;
  readonly values?: PlainValues;
}

/** `uiAction('action.checking-network')`, `uiAction('action.choosing-mode', { mode })`: typed like `t`. */
export function uiAction<K extends MessageKey>(key: K, ...values: ValuesArg<K>): UiAction {
  const given = values[0] as PlainValues | undefined;
  return given && Object.keys(given).length > 0 ? { key, values: given } : { key };
}
