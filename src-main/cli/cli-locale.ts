/**
 * The CLI's language: `--lang zh-CN|en` (anywhere on the command line, taken out before the
 * command parses its options), else LC_ALL / LC_MESSAGES / LANG, else English. Receipts and
 * custody slips: `--receipt-lang en|zh-CN|both` (the auditor's choice, taken out the same way),
 * else the CLI's language.
 */
import { KeyferryError } from '../core/errors';
import { receiptLanguageSchema, type ReceiptLanguage } from '../core/receipt/language';
import { localeFromEnvironment, matchLocale, type DisplayLocale } from '../i18n/locale';
import { translator, type Translator } from '../i18n/translate';
import type { CliIo } from './command';
import type { JournalEntry } from '../core/journal';
import { receiptLanguageOfSession } from '../core/ceremony/shared/journaled-receipt';

/**
 * The options every command takes, taken out of argv before its own are parsed: the CLI's language
 * and the receipts' (a misspelling of either is answered with the one meant, as a command's own are).
 */
export const GLOBAL_OPTIONS = ['lang', 'receipt-lang'] as const;

/**
 * Removes every `--NAME X` / `--NAME=X` from argv (anywhere, before the command parses its options)
 * and returns the last value, read by `read` (which refuses one it does not know).
 */
function takeValueOption<T>(
  argv: readonly string[],
  name: string,
  read: (value: string) => T,
): { argv: string[]; value?: T } {
  const rest: string[] = [];
  let taken: T | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    let value: string | undefined;
    if (arg === `--${name}`) value = argv[++i] ?? '';
    else if (arg.startsWith(`--${name}=`)) value = arg.slice(`--${name}=`.length);
    else {
      rest.push(arg);
      continue;
    }
    taken = read(value);
  }
  return taken === undefined ? { argv: rest } : { argv: rest, value: taken };
}

/** Removes `--lang X` / `--lang=X` from argv and returns the language it names, if any. */
export function takeLangOption(argv: readonly string[]): { argv: string[]; lang?: DisplayLocale } {
  const { argv: rest, value } = takeValueOption(argv, GLOBAL_OPTIONS[0], (lang) => {
    const match = matchLocale(lang);
    if (!match) throw new KeyferryError('CLI_UNKNOWN_LANGUAGE', { lang });
    return match;
  });
  return value ? { argv: rest, lang: value } : { argv: rest };
}

/** Removes `--receipt-lang X` / `--receipt-lang=X` from argv and returns the language it names, if any. */
export function takeReceiptLangOption(argv: readonly string[]): { argv: string[]; receiptLanguage?: ReceiptLanguage } {
  const { argv: rest, value } = takeValueOption(argv, GLOBAL_OPTIONS[1], (lang) => {
    const parsed = receiptLanguageSchema.safeParse(lang);
    if (!parsed.success) throw new KeyferryError('CLI_UNKNOWN_RECEIPT_LANGUAGE', { lang });
    return parsed.data;
  });
  return value ? { argv: rest, receiptLanguage: value } : { argv: rest };
}

/**
 * The language a ceremony's receipts and slips are printed in: `--receipt-lang`, else the CLI's
 * own language (Chinese under a Chinese locale; English otherwise, the pseudo-locale included).
 */
export function ceremonyReceiptLanguage(io: Pick<CliIo, 'env' | 'locale' | 'receiptLanguage'>): ReceiptLanguage {
  return io.receiptLanguage ?? (cliLocale(io) === 'zh-CN' ? 'zh-CN' : 'en');
}

/**
 * The receipt language a new session of an existing ceremony journal records and prints in:
 * `--receipt-lang` when given, else the one the journal records for the ceremony, else the CLI's
 * own (ceremonyReceiptLanguage): the app's rule too (core/ceremony/shared/journaled-receipt.ts).
 */
export function sessionReceiptLanguage(
  io: Pick<CliIo, 'env' | 'locale' | 'receiptLanguage'>,
  entries: readonly JournalEntry[],
): ReceiptLanguage {
  return receiptLanguageOfSession(io.receiptLanguage, entries, ceremonyReceiptLanguage(io));
}

/** Only the language asked for on this command line (a later session's receipt keeps the journal's otherwise). */
export function explicitReceiptLanguage(io: Pick<CliIo, 'receiptLanguage'>): { language?: ReceiptLanguage } {
  return io.receiptLanguage ? { language: io.receiptLanguage } : {};
}

/** The language a command speaks in: the one runCli settled on, else the environment's. */
export function cliLocale(io: Pick<CliIo, 'env' | 'locale'>): DisplayLocale {
  return io.locale ?? localeFromEnvironment(io.env);
}

/** The translator for a command's output. */
export function cliTranslator(io: Pick<CliIo, 'env' | 'locale'>): Translator {
  return translator(cliLocale(io));
}
