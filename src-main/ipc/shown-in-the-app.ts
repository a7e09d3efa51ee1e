/**
 * A problem as the app shows it, for the router's answers (router.ts) and the views that carry a
 * problem from an earlier call (handlers/witnesses-stop.ts): one file both import, so no handler
 * imports the router.
 */
import { english } from '../i18n/translate';
import type { Problem } from './problem';

/**
 * A handler's problem as the app shows it: `surface: app` among its values, so a text that tells a
 * way on says the app's (its step, button or field) where the command line's would name a command
 * or an option (`{surface, select, app {…} other {…}}`); its English texts written again with it.
 */
export function shownInTheApp(problem: Problem): Problem {
  if (problem.values?.['surface'] !== undefined) return problem;
  const values = { ...problem.values, surface: 'app' };
  return { ...problem, ...english.problem({ ...problem, values }), values };
}

/**
 * Warnings as the app shows them: `surface: app` among each one's values (as problems above), so a
 * warning's way on names the app's step, not a command. Its English texts are kept as they are.
 */
export function warningsShownInTheApp<W extends { readonly values?: Readonly<Record<string, string | number>> }>(
  warnings: readonly W[],
): W[] {
  return warnings.map((w) => ({ ...w, values: { ...w.values, surface: 'app' } }));
}
