/**
 * What Keyferry says when it does not start, in the language the officer last chose (remembered in
 * userData, ./language-file.ts) or else the system's: the refusal of debugging switches and a failed
 * start. Pure (no Electron), so tests read exactly what a person reads; main.ts shows them.
 * Before Electron's `ready` the system's language is not known (app.getLocale() answers only after
 * it): without a remembered choice, a language named by the environment (LC_ALL, LC_MESSAGES, LANG,
 * as a Linux desktop session sets them) is used, and otherwise the refusal is said in both languages.
 */
import { matchLocale, type DisplayLocale } from '../i18n/locale';
import { translator, type ProblemLike } from '../i18n/translate';
import { listValue } from '../i18n/list';
import type { LaunchRefusal } from './security/launch-refusal';

/** One language, or English and Chinese together when none is known yet. */
type StartLanguage = DisplayLocale | 'both';

/**
 * The language to speak in before `ready`: the one the officer chose (language.json), else the one
 * the environment names (the first of LC_ALL, LC_MESSAGES, LANG that is set, when Keyferry speaks
 * it), else both (Windows and macOS set none of these for an app started from the desktop).
 */
export function languageBeforeReady(
  remembered: DisplayLocale | undefined,
  env: Readonly<Record<string, string | undefined>>,
): StartLanguage {
  if (remembered) return remembered;
  const named = ['LC_ALL', 'LC_MESSAGES', 'LANG'].map((name) => env[name]).find((value) => value);
  return matchLocale(named) ?? 'both';
}

/** A packaged Keyferry started with `switches` (names without dashes) refuses to run. */
export function debuggingRefusal(switches: readonly string[], language: StartLanguage): LaunchRefusal {
  if (language === 'both') {
    const [en, zh] = [debuggingRefusal(switches, 'en'), debuggingRefusal(switches, 'zh-CN')];
    return {
      title: `${en.title} / ${zh.title}`,
      message: `${en.message}\n\n${zh.message}`,
      quit: `${en.quit} / ${zh.quit}`,
    };
  }
  const { t } = translator(language);
  return {
    title: t('startup.debugging.title'),
    message: t('startup.debugging.message', { switchesList: listValue(switches.map((s) => `--${s}`)) }),
    quit: t('startup.quit'),
  };
}

/** The error box of a start that failed: a title, then the problem and what to do, from the catalogue. */
export function startFailure(problem: ProblemLike, locale: DisplayLocale): { title: string; content: string } {
  const tr = translator(locale);
  const { message, nextStep } = tr.problem(problem);
  return { title: tr.t('startup.failed.title'), content: `${message}\n\n${nextStep}` };
}
