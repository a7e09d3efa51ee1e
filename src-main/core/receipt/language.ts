/**
 * The language a receipt or custody slip is printed in: English, Chinese, or both side by side
 * (the auditor's choice), and the words of the catalogue rendered for HTML and for plain text.
 *
 * HTML: every catalogue text is escaped; a value placed into a text (a name, an alias, a file name)
 * is escaped, made visible (`visibleText`) and bidi-isolated in `<bdi>`, exactly as a value
 * printed on its own. In "both", each text is a pair of columns, each declaring its `lang`.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { z } from 'zod';
import { isMessageKey, type MessageKey, type PlainValues, type ValuesArg } from '../../i18n/catalogue';
import { htmlLang, type Locale } from '../../i18n/locale';
import { nestedPhrase, phrasesSeparator, translator } from '../../i18n/translate';
import { markedName } from '../../i18n/name-spacing';
import { escapeHtml, userText, visibleText } from './text-safety';
import { keepWhole } from './keep-whole';

import { RECEIPT_LANGUAGES, type ReceiptLanguage } from './receipt-languages';
import { isListName, listItems, listText, listValue } from '../../i18n/list';

export { type ReceiptLanguage };
export const receiptLanguageSchema = z.enum(RECEIPT_LANGUAGES);
export const DEFAULT_RECEIPT_LANGUAGE: ReceiptLanguage = 'en';

/** A text stored before it is printed (a line of the People section, an import result): key and values. */
export interface ReceiptPhrase {
  readonly key: MessageKey;
  readonly values?: PlainValues;
}

/** The catalogue languages a receipt in `language` is printed in, in column order. */
export function receiptLocales(language: ReceiptLanguage): readonly Locale[] {
  return language === 'both' ? ['en', 'zh-CN'] : [language];
}

/** The document's `<html lang>`: the one language, or English for "both" (each column declares its own). */
export function receiptHtmlLang(language: ReceiptLanguage): string {
  return htmlLang(language === 'both' ? 'en' : language);
}

/**
 * Arguments that choose a branch (select, plural): they must reach the formatter as they are. Read
 * from the elements the translator compiled the text into, which it formats right after: the text
 * is not parsed a second time (a 100-key receipt renders about 175 texts).
 */
const selectorCache = new Map<string, ReadonlySet<string>>();
function selectors(locale: Locale, key: MessageKey): ReadonlySet<string> {
  const id = `${locale}\u0000${key}`;
  const cached = selectorCache.get(id);
  if (cached) return cached;
  const names = new Set<string>();
  const walk = (elements: readonly MessageFormatElement[]): void => {
    for (const el of elements) {
      if (el.type === TYPE.select || el.type === TYPE.plural) {
        names.add(el.value);
        for (const option of Object.values(el.options)) walk(option.value);
      }
    }
  };
  walk(translator(locale).elements(key));
  selectorCache.set(id, names);
  return names;
}

const MARK = /\uE000(\d+)\uE001/g;

/** `parsed` as a phrase of a known key, else undefined. */
function knownPhrase(parsed: unknown): ReceiptPhrase | undefined {
  const held = nestedPhrase(parsed);
  return held && isMessageKey(held.key) ? { key: held.key, values: held.values } : undefined;
}

/** The phrase a `…Phrase` value holds (a known key), else undefined. */
function heldPhrase(name: string, value: string): ReceiptPhrase | undefined {
  if (!name.endsWith('Phrase')) return undefined;
  try {
    return knownPhrase(JSON.parse(value));
  } catch {
    return undefined;
  }
}

/** The phrases a `…Phrases` value holds (known keys only), else undefined. */
function heldPhrases(name: string, value: string): ReceiptPhrase[] | undefined {
  if (!name.endsWith('Phrases')) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    if (!Array.isArray(parsed)) return undefined;
    const held = parsed.map(knownPhrase);
    return held.every((h) => h !== undefined) ? held : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One catalogue text in one language as HTML: the text escaped (its dates and times, formatted
 * here, kept whole: keep-whole.ts), each string value as `userText`, a phrase held in a `…Phrase`
 * value rendered the same way in the same language.
 */
function htmlIn(locale: Locale, key: MessageKey, values: PlainValues | undefined): string {
  const placed: string[] = [];
  const branch = selectors(locale, key);
  const tr = translator(locale);
  const marked: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values ?? {})) {
    if (typeof value === 'string' && !branch.has(name)) {
      const held = heldPhrase(name, value);
      const heldList = heldPhrases(name, value);
      const items = isListName(name) ? listItems(value) : undefined;
      // A person's name keeps its place in the sentence's spacing by its own edges (name-spacing.ts).
      const stand = `\uE000${placed.length}\uE001`;
      marked[name] = locale === 'zh-CN' ? markedName(name, stand, items ? items.join(' ') : value) : stand;
      placed.push(
        held
          ? htmlIn(locale, held.key, held.values)
          : heldList
            ? heldList.map((p) => htmlIn(locale, p.key, p.values)).join(escapeHtml(phrasesSeparator(locale, name)))
            : items
              ? listText(tr, items.map(userText))
              : userText(value),
      );
    } else marked[name] = typeof value === 'string' ? visibleText(value) : value; // a select's `other` may print it
  }
  const text = tr.message({ key, values: marked });
  return keepWhole(escapeHtml(text)).replace(MARK, (_m, i: string) => placed[Number(i)] ?? '');
}

/** `values` with every string made visible (`visibleText`), inside held phrases too. */
function visibleValues(values: PlainValues | undefined): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values ?? {})) {
    if (typeof value !== 'string') out[name] = value;
    else {
      const held = heldPhrase(name, value);
      const heldList = heldPhrases(name, value);
      const items = isListName(name) ? listItems(value) : undefined;
      out[name] = held
        ? JSON.stringify({ key: held.key, values: visibleValues(held.values) })
        : heldList
          ? JSON.stringify(heldList.map((p) => ({ key: p.key, values: visibleValues(p.values) })))
          : items
            ? listValue(items.map(visibleText))
            : visibleText(value);
    }
  }
  return out;
}

/**
 * `render` with each phrase (key and values) rendered once: a 100-key receipt says the same labels
 * and headings for every key (about 2,000 of its 2,160 texts), and each would go through the ICU
 * formatter again. Keep the returned function as long as one receipt or slip.
 */
export function oncePerPhrase(render: (phrase: ReceiptPhrase) => string): (phrase: ReceiptPhrase) => string {
  const made = new Map<string, string>();
  return (phrase) => {
    const id = JSON.stringify([phrase.key, phrase.values ?? null]);
    let text = made.get(id);
    if (text === undefined) {
      text = render(phrase);
      made.set(id, text);
    }
    return text;
  };
}

/** The words of a receipt or slip in its language(s). */
export class ReceiptWords {
  readonly locales: readonly Locale[];
  constructor(readonly language: ReceiptLanguage) {
    this.locales = receiptLocales(language);
  }

  get both(): boolean {
    return this.locales.length > 1;
  }

  /** A text as HTML: one language as it is; both as two columns (`.bi`), each with its `lang`. */
  html<K extends MessageKey>(key: K, ...values: ValuesArg<K>): string {
    return this.phraseHtml({ key, values: values[0] as PlainValues | undefined });
  }

  /** Each phrase's HTML, made once per receipt (`oncePerPhrase`). */
  readonly phraseHtml = oncePerPhrase((phrase) => this.eachHtml((l) => htmlIn(l, phrase.key, phrase.values)));

  /** HTML `render` makes for each language: one language as it is; both as two columns (`.bi`). */
  eachHtml(render: (locale: Locale) => string): string {
    if (!this.both) return render(this.locales[0] as Locale);
    return `<span class="bi">${this.locales
      .map((l) => `<span lang="${htmlLang(l)}">${render(l)}</span>`)
      .join('')}</span>`;
  }

  /** A text in one language as plain text, every string value through `visibleText`. */
  static text<K extends MessageKey>(locale: Locale, key: K, ...values: ValuesArg<K>): string {
    return ReceiptWords.phraseText(locale, { key, values: values[0] as PlainValues | undefined });
  }

  static phraseText(locale: Locale, phrase: ReceiptPhrase): string {
    return translator(locale).message({ key: phrase.key, values: visibleValues(phrase.values) });
  }
}
