/**
 * How messages print numbers and dates: the named date styles (`utc`, `moment`, `local`), the
 * formatters intl-messageformat is given (cached Intl objects), and the one-time resolution of a
 * language tag. Used by translate.ts for every message it compiles.
 */
import { IntlMessageFormat, type Formats, type Formatters } from 'intl-messageformat';
import type { DisplayLocale } from './locale';
import { momentText } from './moment';

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
export const FORMATS: Partial<Formats> = {
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
export function messageFormatters(locale: DisplayLocale): Formatters {
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

/** `2026-11-30 18:56:15 UTC`: the same in every language, as journals and receipts show it. */
export function utcText(at: Date | number | string): string {
  const iso = new Date(at).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}
