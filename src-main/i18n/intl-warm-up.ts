/**
 * The process's first Intl formatter loads the platform's locale and time-zone data: about 30 ms in
 * one block on an idle machine (100 ms and more on a loaded one), and the first of each kind more
 * again. Made lazily, that block fell inside the first ceremony step that counts or dates anything
 * (a progress line while generating, the receipt's moments), over the 16 ms a step may hold the
 * event loop (issue 15). The CLI and the app's main process call `warmUpIntl` once at start-up,
 * before any ceremony step runs; messages and moments then find the data loaded.
 * Renderer-safe: plain Intl, no Node.
 */
import { LOCALES } from './locale';
import { workstationClock } from './moment';

/** Loads the Intl data every language's messages and moments use (numbers, plurals, dates, the workstation's zone). */
export function warmUpIntl(): void {
  const at = new Date(0);
  for (const locale of LOCALES) {
    new Intl.NumberFormat(locale).format(0);
    new Intl.PluralRules(locale).select(0);
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(at);
  }
  workstationClock(at);
}
