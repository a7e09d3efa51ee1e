/**
 * The CLI's language: `--lang zh-CN|en` (anywhere on the command line, taken out before the
 * command parses its options), else LC_ALL / LC_MESSAGES / LANG, else English.
 */
import { KeyferryError } from '../core/errors';
import { localeFromEnvironment, matchLocale, type DisplayLocale } from '../i18n/locale';
import { translator, type Translator } from '../i18n/translate';
import type { CliIo } from './command';

/** Removes `--lang X` / `--lang=X` from argv and returns the language it names, if any. */
export function takeLangOption(argv: readonly string[]): { argv: string[]; lang?: DisplayLocale } {
  const rest: string[] = [];
  let lang: DisplayLocale | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    let value: string | undefined;
    if (arg === '--lang') value = argv[++i] ?? '';
    else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length);
    else {
      rest.push(arg);
      continue;
    }
    const match = matchLocale(value);
    if (!match) throw new KeyferryError('CLI_UNKNOWN_LANGUAGE', { lang: value });
    lang = match;
  }
  return lang ? { argv: rest, lang } : { argv: rest };
}

/** The language a command speaks in: the one runCli settled on, else the environment's. */
export function cliLocale(io: Pick<CliIo, 'env' | 'locale'>): DisplayLocale {
  return io.locale ?? localeFromEnvironment(io.env);
}

/** The translator for a command's output. */
export function cliTranslator(io: Pick<CliIo, 'env' | 'locale'>): Translator {
  return translator(cliLocale(io));
}
