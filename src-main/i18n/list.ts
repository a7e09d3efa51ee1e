/**
 * Lists of names, key IDs or files as each language writes them: `赵敏、钱磊、孙丽` in Chinese,
 * `Zhao Min, Qian Lei, Sun Li` in English (the catalogue's `list.separator`; no "and": a name may
 * contain one). Renderer-safe: imports nothing but a type.
 *
 * - With a translator at hand (screens, the CLI): `listText(tr, names)`.
 * - In a problem's or a phrase's values, joined before the language is known (journals and IPC carry
 *   values, never translated text): name the value `…List` and pass `listValue(names)`; every
 *   translator (t, message, problem, receipts' phrases) joins it in the message's own language.
 */
import type { Translator } from './translate';

/** `items` joined as `tr`'s language lists them. */
export function listText(tr: Pick<Translator, 't'>, items: readonly (string | number)[]): string {
  return items.join(tr.t('list.separator'));
}

/** A value named `…List` (see above): the items as JSON, joined in the language of the message that shows them. */
export function listValue(items: readonly (string | number)[]): string {
  return JSON.stringify(items.map(String));
}

/** A value name that holds a list for `listText` as JSON (`listValue`). */
export function isListName(name: string): boolean {
  return name.endsWith('List');
}

/** `value` as the list `listValue` wrote, or undefined when it is not one (then it is shown as it is). */
export function listItems(value: unknown): string[] | undefined {
  if (typeof value !== 'string' || !value.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}
