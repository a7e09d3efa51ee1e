/**
 * The language the screens speak. It follows the OS/app locale (the browser's languages) until the
 * officer picks one on the start screen; that choice is remembered for this user (local storage
 * of the app's origin, in the user's own profile folder). Main-process texts arrive as codes and
 * values and are rendered in this language too.
 */
import { DEFAULT_LOCALE, isDisplayLocale, matchLocale, type DisplayLocale } from '../../src-main/i18n/locale';
import type { SliceCreator } from './store';

const REMEMBERED = 'keyferry.language';

export interface LocaleSlice {
  locale: DisplayLocale;
  /** The officer chose `locale` (now or in an earlier session), rather than it following the system. */
  localeChosen: boolean;
  setLocale(locale: DisplayLocale): void;
}

function remembered(): DisplayLocale | undefined {
  try {
    const value = globalThis.localStorage?.getItem(REMEMBERED);
    return isDisplayLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The remembered choice, else the first of the browser's languages Keyferry speaks, else English. */
function initialLocale(languages: readonly string[] = globalThis.navigator?.languages ?? []): DisplayLocale {
  const chosen = remembered();
  if (chosen) return chosen;
  for (const tag of languages) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}

export const createLocaleSlice: SliceCreator<LocaleSlice> = (set) => ({
  locale: initialLocale(),
  localeChosen: remembered() !== undefined,
  setLocale: (locale) => {
    try {
      globalThis.localStorage?.setItem(REMEMBERED, locale);
    } catch {
      // Not remembered (storage unavailable); the choice still holds for this session.
    }
    set({ locale, localeChosen: true });
  },
});
