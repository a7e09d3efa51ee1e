/**
 * A warning: something a person should see while the work goes on (a token about to expire, a
 * bundle expiry already past). It travels as a code and its values (core, IPC, `--json`), never a
 * finished sentence, and is rendered from the catalogue's `warning.CODE` in the reader's language
 * (times are epoch ms, shown as moments). Renderer-safe.
 */
import type { MessageKey, MessageValues, PlainValues } from './catalogue';
import { isMessageKey } from './catalogue';
import type { Translator } from './translate';

/** Every warning code with its text in the catalogue. */
type WarningCode = MessageKey extends infer K ? (K extends `warning.${infer C}` ? C : never) : never;

// A type, not an interface, so a warning is a JSON object to IPC and `--json`.
export type Warning<C extends WarningCode = WarningCode> = {
  readonly code: C;
  readonly values: PlainValues;
};

/** A warning as IPC carries it: its shape checked, its code not (an unknown code is shown as it is). */
export type LooseWarning = { readonly code: string; readonly values?: PlainValues | undefined };

/** A warning of `code` with exactly the values its English text names (type-checked). */
export function warningOf<C extends WarningCode>(
  code: C,
  values: MessageValues<`warning.${C}` & MessageKey>,
): Warning<C> {
  return { code, values: values as PlainValues };
}

/** `w` in the translator's language (its code as it is when this catalogue has no text for it). */
export function warningText(t: Pick<Translator, 'message'>, w: LooseWarning): string {
  const key = `warning.${w.code}`;
  return isMessageKey(key) ? t.message({ key, values: w.values }) : w.code;
}
