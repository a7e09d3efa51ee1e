/**
 * What Keyferry says when it does not start, in the language the officer last chose (remembered in
 * userData, ./language-file.ts) or else the system's: the refusal of debugging switches and a failed
 * start. Pure (no Electron), so tests read exactly what a person reads; main.ts shows them.
 */
import type { DisplayLocale } from '../i18n/locale';
import { translator, type ProblemLike } from '../i18n/translate';
import type { LaunchRefusal } from './security/launch-refusal';

/** A packaged Keyferry started with `switches` (names without dashes) refuses to run. */
export function debuggingRefusal(switches: readonly string[], locale: DisplayLocale): LaunchRefusal {
  const { t } = translator(locale);
  return {
    title: t('startup.debugging.title'),
    message: t('startup.debugging.message', { switches: switches.map((s) => `--${s}`).join(', ') }),
    quit: t('startup.quit'),
  };
}

/** The error box of a start that failed: a title, then the problem and what to do, from the catalogue. */
export function startFailure(problem: ProblemLike, locale: DisplayLocale): { title: string; content: string } {
  const tr = translator(locale);
  const { message, nextStep } = tr.problem(problem);
  return { title: tr.t('startup.failed.title'), content: `${message}\n\n${nextStep}` };
}
