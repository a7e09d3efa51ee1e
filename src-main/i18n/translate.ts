/**
 * Renders catalogue messages in one language with FormatJS's intl-messageformat (ICU plurals,
 * selects, number and date formatting through the platform's Intl). One translator per language;
 * compiled messages are cached. Used by the main process, the CLI and the renderer alike.
 */
import { isPluralElement, isSelectElement, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat, type Formats, type Formatters } from 'intl-messageformat';
import {
  isMessageKey,
  isProblemCode,
  isProgressCode,
  type Catalogue,
  type MessageKey,
  type PlainValues,
  type ValuesArg,
} from './catalogue';
import { en } from './catalogues/en';
import { zhCN } from './catalogues/zh-CN';
import { DEFAULT_LOCALE, PSEUDO_LOCALE, type DisplayLocale } from './locale';
import { pseudoMessage } from './pseudo';
import { momentText } from './moment';
import { isListName, listItems } from './list';
import { markedNames, unmarkedNames } from './name-spacing';

/**
 * intl-messageformat resolves its locale for every message it compiles by asking
 * Intl.NumberFormat.supportedLocalesOf: the first ask loads the locale data (20 ms and more, in one
 * block, on a receipt's first message), each later one costs a few tenths of a millisecond. For one
 * language tag its answer is always `new Intl.Locale(tag)`, supported or not (it falls back to
 * exactly that), so a tag is resolved once, without asking; a list of tags is resolved as before.
 */
const resolveLocaleList = IntlMessageFormat.resolveLocale;
const RESOLVED_LOCALES = new Map<string, Intl.Locale | undefined>();
IntlMessageFormat.resolveLocale = (locales) => {
  if (typeof locales !== 'string' || typeof Intl.Locale === 'undefined') return resolveLocaleList(locales);
  if (!RESOLVED_LOCALES.has(locales)) RESOLVED_LOCALES.set(locales, new Intl.Locale(locales));
  return RESOLVED_LOCALES.get(locales);
};

/**
 * Named date styles messages may use: `{at, date, utc}` (always UTC, to the minute: `2026-12-01
 * 01:05 UTC` in English, `2026年12月1日 01:05 UTC` in Chinese; see `utcInMessage`),
 * `{at, date, moment}` (the workstation's time in the language and UTC, as receipts print a moment:
 * `momentText` in i18n/moment.ts) and `{at, date, local}`. The `utc` and `moment` options below
 * only mark the style; Intl would print US dates.
 */
const UTC_STYLE = { timeZone: 'UTC', timeZoneName: 'short', hourCycle: 'h23' } as const;
const MOMENT_STYLE = { timeZoneName: 'longOffset', hourCycle: 'h23' } as const;
const FORMATS: Partial<Formats> = {
  date: {
    utc: { ...UTC_STYLE },
    moment: { ...MOMENT_STYLE },
    local: { dateStyle: 'long', timeStyle: 'long' },
  },
};

const isMomentStyle = (options: Intl.DateTimeFormatOptions | undefined): boolean =>
  options !== undefined &&
  options.timeZoneName === MOMENT_STYLE.timeZoneName &&
  options.hourCycle === MOMENT_STYLE.hourCycle &&
  options.timeZone === undefined &&
  options.dateStyle === undefined &&
  options.year === undefined;

const isUtcStyle = (options: Intl.DateTimeFormatOptions | undefined): boolean =>
  options !== undefined &&
  options.timeZone === UTC_STYLE.timeZone &&
  options.timeZoneName === UTC_STYLE.timeZoneName &&
  options.hourCycle === UTC_STYLE.hourCycle &&
  options.dateStyle === undefined &&
  options.year === undefined;

/** `{at, date, utc}` in `locale`: ISO-like digits in English, the year-month-day form in Chinese. */
export function utcInMessage(locale: DisplayLocale, at: Date | number | string): string {
  const iso = new Date(at).toISOString();
  const time = `${iso.slice(11, 16)} UTC`;
  if (locale !== 'zh-CN') return `${iso.slice(0, 10)} ${time}`;
  const [year, month, day] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)].map(Number);
  return `${year}年${month}月${day}日 ${time}`;
}

/** intl-messageformat's formatters, with `{x, date, utc}` printed by `utcInMessage` (cached Intl objects otherwise). */
function messageFormatters(locale: DisplayLocale): Formatters {
  const cache = new Map<string, unknown>();
  const cached = <T>(kind: string, args: unknown[], make: () => T): T => {
    const key = JSON.stringify([kind, ...args]);
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key) as T;
  };
  const utc = { format: (at: Date | number) => utcInMessage(locale, at) } as unknown as Intl.DateTimeFormat;
  const moment = { format: (at: Date | number) => momentText(locale, at) } as unknown as Intl.DateTimeFormat;
  return {
    getNumberFormat: (...args) => cached('number', args, () => new Intl.NumberFormat(...args)),
    getDateTimeFormat: (...args) =>
      isUtcStyle(args[1])
        ? utc
        : isMomentStyle(args[1])
          ? moment
          : cached('date', args, () => new Intl.DateTimeFormat(...args)),
    getPluralRules: (...args) => cached('plural', args, () => new Intl.PluralRules(...args)),
  };
}

const CATALOGUES: Readonly<Record<Exclude<DisplayLocale, typeof PSEUDO_LOCALE>, Catalogue>> = { en, 'zh-CN': zhCN };

/** A problem as it travels (KeyferryError, IPC, CLI JSON): code, English fallback texts, values. */
export interface ProblemLike {
  readonly code: string;
  readonly message: string;
  readonly nextStep: string;
  readonly values?: Readonly<Record<string, string | number>> | undefined;
}

/** A progress line as it travels: English fallback text, and a code with values when converted. */
export interface ProgressLike {
  readonly message: string;
  readonly code?: string | undefined;
  readonly values?: Readonly<Record<string, string | number>> | undefined;
}

export interface Translator {
  readonly locale: DisplayLocale;
  /** The message `key` in this language, with its values filled in. */
  t<K extends MessageKey>(key: K, ...values: ValuesArg<K>): string;
  /** A message whose key and values were stored earlier (a UI action, a journal entry). */
  message(stored: { readonly key: MessageKey; readonly values?: PlainValues | undefined }): string;
  /** A problem's two sentences in this language (its English texts when its code has no entry yet). */
  problem(problem: ProblemLike): { message: string; nextStep: string };
  /** A problem as one line: what went wrong, then what to do, joined as this language joins sentences. */
  problemLine(problem: ProblemLike): string;
  /** Sentences run together as this language writes them (see `joinSentences`). */
  sentences(...parts: readonly string[]): string;
  /** A progress line in this language (its English text when it has no code yet). */
  progress(progress: ProgressLike): string;
  /** A date and time in this language's long form, in the machine's time zone. */
  dateTime(at: Date | number): string;
  /** Message `key`'s ICU elements, as this translator compiled them (parsed once, at its first use). */
  elements(key: MessageKey): readonly MessageFormatElement[];
}

function messageText(locale: DisplayLocale, key: MessageKey): string {
  return locale === PSEUDO_LOCALE ? en[key] : CATALOGUES[locale][key];
}

/**
 * Message `key` of `locale` compiled exactly as every translator compiles it (the same parser,
 * formats and formatters). Throws on a text that is not valid ICU, where a translator would fall
 * back to English or the bare key: tests/i18n/catalogue-completeness.test.ts compiles every text.
 */
export function compileMessage(
  locale: DisplayLocale,
  key: MessageKey,
  formatters: Formatters = messageFormatters(locale),
): IntlMessageFormat {
  const text = messageText(locale, key);
  const intlLocale = locale === PSEUDO_LOCALE ? DEFAULT_LOCALE : locale;
  return new IntlMessageFormat(locale === PSEUDO_LOCALE ? pseudoMessage(text) : text, intlLocale, FORMATS, {
    ignoreTag: true,
    formatters,
  });
}

/**
 * Select arguments added to messages after journals had recorded them without: problems
 * (PREFLIGHT_SAME_VOLUME's `command`, BUNDLE_TOKEN_EXPIRED's `tokensClock` and `newerBundle`,
 * CUSTODY_SHARES_WRITE_FAILED's `at`: the custodian whose medium failed, since 2026-12-07;
 * PREFLIGHT_SAME_FOLDER's `otherRole`: the folder it is the same as, since 2026-12-07) and
 * phrases (`fresh` of the `journal.reason.wrap-*` reasons, which builds of 2026-12-01 to 12-05
 * journaled without: their `other` branch says the journal does not tell whether the material was
 * new). Such an entry renders the select's `other` branch in the reader's language, not the stored
 * English text nor the bare key. Every stored message goes so: a problem, its cause, a phrase
 * (`message`) and a phrase inside a value (`…Phrase`). Only these names: any other select value
 * missing is a fault, which falls back to the stored text (or key) as before and which tests catch.
 */
const SELECTS_ADDED_LATER: ReadonlySet<string> = new Set([
  'command',
  'tokensClock',
  'newerBundle',
  'fresh',
  'at',
  'otherRole',
]);

/** Keys whose texts may say the app's way on or the command line's (`{surface, select, app {…} other {…}}`). */
const saysSurface = (key: string) => key.startsWith('problem.') || key.startsWith('warning.');

/**
 * The SELECTS_ADDED_LATER arguments of `elements` (branches included) as present but undefined:
 * intl-messageformat takes a select's `other` branch for an undefined value, where an absent one
 * fails the message.
 */
function absentSelects(elements: readonly MessageFormatElement[]): Record<string, undefined> {
  const names: Record<string, undefined> = {};
  for (const element of elements) {
    if (isSelectElement(element) && SELECTS_ADDED_LATER.has(element.value)) names[element.value] = undefined;
    if (isSelectElement(element) || isPluralElement(element))
      for (const option of Object.values(element.options)) Object.assign(names, absentSelects(option.value));
  }
  return names;
}

function createTranslator(locale: DisplayLocale): Translator {
  const compiled = new Map<MessageKey, IntlMessageFormat>();
  const intlLocale = locale === PSEUDO_LOCALE ? DEFAULT_LOCALE : locale;
  const formatters = messageFormatters(locale);
  // Every message renders the `…Phrase` / `…Phrases` values it is given in its own language first
  // (a phrase inside a phrase, as deep as it goes: each level is a shorter JSON text).
  const compiledMessage = (key: MessageKey): IntlMessageFormat => {
    let message = compiled.get(key);
    if (!message) {
      message = compileMessage(locale, key, formatters);
      compiled.set(key, message);
    }
    return message;
  };
  // Each message's SELECTS_ADDED_LATER, found once: its AST is not walked again at every stored message shown.
  const absentByKey = new Map<MessageKey, Record<string, undefined>>();
  const absentIn = (key: MessageKey): Record<string, undefined> => {
    let absent = absentByKey.get(key);
    if (!absent) {
      absent = absentSelects(compiledMessage(key).getAst());
      absentByKey.set(key, absent);
    }
    return absent;
  };
  const format = (key: MessageKey, values?: Readonly<Record<string, unknown>>): string => {
    const message = compiledMessage(key);
    const phrased = withPhraseTexts(locale, values, (inner, innerValues) => safeFormat(inner, innerValues, inner));
    const filled = withListTexts(phrased, messageText(locale, 'list.separator'));
    // A name in Chinese characters is not set apart by the spaces around values (name-spacing.ts).
    // Only Chinese sets names apart by spaces: every other language formats as it is written.
    if (locale !== 'zh-CN') return String(message.format(filled as Record<string, string | number | Date>));
    const marked = filled && markedNames(filled);
    return unmarkedNames(String(message.format(marked as Record<string, string | number | Date>)));
  };
  // A stored message (problem, cause, phrase) written before a select argument was added (SELECTS_ADDED_LATER)
  // renders its `other` branch.
  const safeFormat = (key: string, values: Readonly<Record<string, unknown>> | undefined, fallback: string): string => {
    if (!isMessageKey(key)) return fallback;
    try {
      return format(key, { ...absentIn(key), ...values });
    } catch {
      return fallback;
    }
  };
  const problem = (p: ProblemLike): { message: string; nextStep: string } => {
    const code = textCodeOf(p);
    if (!code) return { message: p.message, nextStep: p.nextStep };
    // The command line's words unless the app showing it said otherwise (ipc/router.ts adds `surface: app`);
    // a problem's cause is said where the problem is.
    const surface = p.values?.['surface'] ?? 'cli';
    const causeText = (inner: string, values: PlainValues): string =>
      safeFormat(`problem.${inner}`, withCauseText({ surface, ...values }, causeText), inner);
    const values = withCauseText({ surface, ...p.values }, causeText);
    return {
      message: safeFormat(`problem.${code}`, values, p.message),
      nextStep: safeFormat(`problem.${code}.next`, values, p.nextStep),
    };
  };
  // Made at its first use: a translator that never writes a long date (most) never pays for it.
  let long: Intl.DateTimeFormat | undefined;
  return {
    locale,
    // A problem's or a warning's texts say the command line's way on unless told the app shows them (`surface`).
    t: (key, ...values) => format(key, saysSurface(key) ? { surface: 'cli', ...values[0] } : values[0]),
    message: (stored) =>
      safeFormat(
        stored.key,
        saysSurface(stored.key) ? { surface: 'cli', ...stored.values } : stored.values,
        stored.key,
      ),
    problem,
    problemLine: (p) => {
      const { message, nextStep } = problem(p);
      return joinSentences(locale, message, nextStep);
    },
    sentences: (...parts) => joinSentences(locale, ...parts),
    progress: (p) =>
      p.code && isProgressCode(p.code) ? safeFormat(`progress.${p.code}`, p.values, p.message) : p.message,
    dateTime: (at) =>
      (long ??= new Intl.DateTimeFormat(intlLocale, { dateStyle: 'long', timeStyle: 'long' })).format(at),
    elements: (key) => compiledMessage(key).getAst(),
  };
}

/** Where a Chinese sentence already ends (full-width stops, a colon before a list, a closing bracket). */
const ZH_SENTENCE_END = /[。！？；：…）」』】.!?;:)]$/u;

/**
 * Sentences joined as `locale` writes them: English with one space; Chinese with none, each part
 * ending in a full stop (one is added to a part that ends without one). Empty parts are left out.
 */
export function joinSentences(locale: DisplayLocale, ...parts: readonly string[]): string {
  const present = parts.map((part) => part.trim()).filter((part) => part.length > 0);
  if (locale !== 'zh-CN') return present.join(' ');
  return present
    .map((part, i) => (i < present.length - 1 && !ZH_SENTENCE_END.test(part) ? `${part}。` : part))
    .join('');
}

/** A KMS or API-gateway error code, as the service sends it (`KMS.2601`, `APIGW.0301`, `APIG.0308`). */
const SERVICE_CODE = /^(?:KMS|APIGW?)\.\d{4}$/;

/**
 * Whose catalogue texts a problem is shown with: its own code's, or for a service code Keyferry
 * has no texts for, `KMS_SERVICE_UNKNOWN`'s (which names the code).
 */
function textCodeOf(p: ProblemLike): string | undefined {
  if (isProblemCode(p.code)) return p.code;
  return SERVICE_CODE.test(p.code) && p.values ? 'KMS_SERVICE_UNKNOWN' : undefined;
}

/**
 * A problem caused by another carries `cause` (the inner problem's code) and `causeValues` (its
 * values as JSON; see `causeValues` in core/errors.ts): the inner sentence is rendered in the
 * same language and takes the place of `{cause}`.
 */
function withCauseText(
  values: ProblemLike['values'],
  render: (code: string, values: PlainValues) => string,
): ProblemLike['values'] {
  const code = values?.cause;
  if (typeof code !== 'string' || !isProblemCode(code)) return values;
  let inner: PlainValues = {};
  try {
    inner = JSON.parse(String(values?.causeValues ?? '{}')) as PlainValues;
  } catch {
    inner = {};
  }
  return { ...values, cause: render(code, inner) };
}

/**
 * A value whose name ends in `Phrase` holds a phrase as JSON (`phraseValue` in i18n/phrase.ts: why
 * a journal does not verify, a ceremony state, …), one ending in `Phrases` a list of them
 * (`phrasesValue`): each is rendered in the message's language (its own `…Phrase` values too, by
 * `render`) and takes the place of `{xPhrase}` / `{xPhrases}` in the text, a list joined as the
 * language lists clauses (`; ` in English, `；` in Chinese), or, named `…ListPhrases`, as it lists
 * things (`, ` / `、`: keys named each with its region). A value that is not such JSON is left as it is.
 */
function withPhraseTexts(
  locale: DisplayLocale,
  values: Readonly<Record<string, unknown>> | undefined,
  render: (key: string, values: PlainValues | undefined) => string,
): Readonly<Record<string, unknown>> | undefined {
  if (!values || !Object.keys(values).some(isPhraseName)) return values;
  const renderOne = (parsed: unknown): string | undefined => {
    const nested = nestedPhrase(parsed);
    return nested && render(nested.key, nested.values);
  };
  const out: Record<string, unknown> = { ...values };
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== 'string' || !isPhraseName(name)) continue;
    try {
      const parsed: unknown = JSON.parse(value);
      if (name.endsWith('Phrase')) {
        out[name] = renderOne(parsed) ?? value;
      } else if (Array.isArray(parsed)) {
        const texts = parsed.map((p) => renderOne(p) ?? '');
        // Named things (keys, each with its region) are a list; anything else, clauses.
        const separator = name.endsWith('ListPhrases')
          ? messageText(locale, 'list.separator')
          : locale === 'zh-CN'
            ? '；'
            : '; ';
        out[name] = texts.join(separator);
      }
    } catch {
      // Not a phrase: shown as it is.
    }
  }
  return out;
}

/** Values named `…List` (`listValue` in i18n/list.ts) joined with the language's list separator. */
function withListTexts(
  values: Readonly<Record<string, unknown>> | undefined,
  separator: string,
): Readonly<Record<string, unknown>> | undefined {
  if (!values || !Object.keys(values).some(isListName)) return values;
  const out: Record<string, unknown> = { ...values };
  for (const [name, value] of Object.entries(values)) {
    const items = isListName(name) ? listItems(value) : undefined;
    if (items) out[name] = items.join(separator);
  }
  return out;
}

/** A value name that holds a phrase (`…Phrase`) or a list of them (`…Phrases`) as JSON. */
export function isPhraseName(name: string): boolean {
  return name.endsWith('Phrase') || name.endsWith('Phrases');
}

/** `parsed` as a phrase ({key, values?}), or undefined when it is not one. */
export function nestedPhrase(parsed: unknown): { key: string; values: PlainValues | undefined } | undefined {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const { key, values } = parsed as { key?: unknown; values?: unknown };
  if (typeof key !== 'string') return undefined;
  return { key, values: typeof values === 'object' && values !== null ? (values as PlainValues) : undefined };
}

/** `2026-11-30 18:56:15 UTC`: the same in every language, as journals and receipts show it. */
export function utcText(at: Date | number | string): string {
  const iso = new Date(at).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

const translators = new Map<DisplayLocale, Translator>();

/** The (cached) translator for `locale`. */
export function translator(locale: DisplayLocale): Translator {
  let existing = translators.get(locale);
  if (!existing) {
    existing = createTranslator(locale);
    translators.set(locale, existing);
  }
  return existing;
}

/** English, as logs, `Error.message` and the legacy `message`/`nextStep` fields carry it. */
export const english: Translator = translator(DEFAULT_LOCALE);
