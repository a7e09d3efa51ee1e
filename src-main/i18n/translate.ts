/**
 * Renders catalogue messages in one language with FormatJS's intl-messageformat (ICU plurals,
 * selects, number and date formatting through the platform's Intl). One translator per language;
 * compiled messages are cached. Used by the main process, the CLI and the renderer alike.
 */
import { isPluralElement, isSelectElement, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat, type Formatters } from 'intl-messageformat';
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
import { FORMATS, messageFormatters } from './message-formats';
import { isListName, listItems } from './list';
import { markedNames, unmarkedNames } from './name-spacing';

const CATALOGUES: Readonly<Record<Exclude<DisplayLocale, typeof PSEUDO_LOCALE>, Catalogue>> = { en, 'zh-CN': zhCN };

/** A problem as it travels (KeyferryError, IPC, CLI JSON): code, English fallback texts, values. */
export interface ProblemLike {
  readonly code: string;
  readonly message: string;
  readonly nextStep: string;
  readonly values?: Readonly<Record<string, string | number>> | undefined;
}

/** A progress line as it travels: English fallback text, and a code with values when converted. */
interface ProgressLike {
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
 * PREFLIGHT_SAME_FOLDER's `otherRole`: the folder it is the same as, since 2026-12-07;
 * PREFLIGHT_SAME_VOLUME's and PREFLIGHT_ON_TRANSFER_MEDIA's `named`: the custodians' names,
 * REPLICA_GROUP_NOT_PROVEN's `kind`: a differing KCV, and
 * IMPORT_LANDED_FROM_OTHER_BUNDLE's `memberOutside`: a group member the bundle does not carry,
 * since 2026-12-08) and
 * phrases (`fresh` of the `journal.reason.wrap-*` reasons, which builds of 2026-12-01 to 12-05
 * journaled without: their `other` branch says the journal does not tell whether the material was
 * new). Such an entry renders the select's `other` branch in the reader's language, not the stored
 * English text nor the bare key. Every stored message goes so: a problem, its cause, a phrase
 * (`message`) and a phrase inside a value (`…Phrase`). Only these names, and only in the messages
 * named (a key starting so: its next step too): any other select value missing is a fault, which
 * falls back to the stored text (or key) as before and which tests catch.
 */
const SELECTS_ADDED_LATER: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    command: ['problem.PREFLIGHT_SAME_VOLUME'],
    tokensClock: ['problem.BUNDLE_TOKEN_EXPIRED'],
    newerBundle: ['problem.BUNDLE_TOKEN_EXPIRED'],
    fresh: ['journal.reason.wrap-'],
    at: ['problem.CUSTODY_SHARES_WRITE_FAILED', 'problem.AIRGAP_JOURNAL_NOT_THE_CEREMONYS'],
    otherRole: ['problem.PREFLIGHT_SAME_FOLDER'],
    named: [
      'problem.PREFLIGHT_SAME_VOLUME',
      'problem.PREFLIGHT_ON_TRANSFER_MEDIA',
      'problem.AIRGAP_JOURNAL_OTHER_CEREMONY',
      'problem.CUSTODIAN_ON_WORKSTATION_VOLUME',
      'journal.reason.wrap-repeated-kept',
    ],
    // Before it, a typed digest's refusal named no kind of bundle and a witness typed only parameters'
    // digests: each `other` branch says so. (WRAPPED_MATERIAL_NOT_THE_IMPORTED stored without it lacks
    // its alias too, so it is said as its stored text either way.)
    kind: [
      'problem.REPLICA_GROUP_NOT_PROVEN',
      'problem.BUNDLE_DIGEST_MISMATCH',
      'problem.BUNDLE_DIGEST_SLIP',
      'problem.WITNESS_TYPED_OTHER_BUNDLE',
    ],
    memberOutside: ['problem.IMPORT_LANDED_FROM_OTHER_BUNDLE'],
  }),
);

/** True when `name` is a select added later to the message `key` (its problem, next step or a phrase of the family). */
const addedLaterIn = (key: string, name: string): boolean =>
  SELECTS_ADDED_LATER.get(name)?.some((start) => key.startsWith(start)) ?? false;

/** Keys whose texts may say the app's way on or the command line's (`{surface, select, app {…} other {…}}`). */
const saysSurface = (key: string) => key.startsWith('problem.') || key.startsWith('warning.');

/**
 * The SELECTS_ADDED_LATER arguments of `elements` (branches included) as present but undefined:
 * intl-messageformat takes a select's `other` branch for an undefined value, where an absent one
 * fails the message.
 */
function absentSelects(key: string, elements: readonly MessageFormatElement[]): Record<string, undefined> {
  const names: Record<string, undefined> = {};
  for (const element of elements) {
    if (isSelectElement(element) && addedLaterIn(key, element.value)) names[element.value] = undefined;
    if (isSelectElement(element) || isPluralElement(element))
      for (const option of Object.values(element.options)) Object.assign(names, absentSelects(key, option.value));
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
      absent = absentSelects(key, compiledMessage(key).getAst());
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
        out[name] = texts.join(phrasesSeparator(locale, name));
      }
    } catch {
      // Not a phrase: shown as it is.
    }
  }
  return out;
}

/**
 * What joins the phrases of a `…Phrases` value in `locale`: named things (`…ListPhrases`: keys, each
 * with its region) as the language lists them (`, ` / `、`); anything else as clauses (`; ` / `；`).
 */
export function phrasesSeparator(locale: DisplayLocale, name: string): string {
  if (name.endsWith('ListPhrases')) return messageText(locale, 'list.separator');
  return locale === 'zh-CN' ? '；' : '; ';
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
function isPhraseName(name: string): boolean {
  return name.endsWith('Phrase') || name.endsWith('Phrases');
}

/** `parsed` as a phrase ({key, values?}), or undefined when it is not one. */
export function nestedPhrase(parsed: unknown): { key: string; values: PlainValues | undefined } | undefined {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const { key, values } = parsed as { key?: unknown; values?: unknown };
  if (typeof key !== 'string') return undefined;
  return { key, values: typeof values === 'object' && values !== null ? (values as PlainValues) : undefined };
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
