/**
 * The language the screens speak. It starts from the browser's (the OS/app) locale; the start
 * screen's language switch changes it. Main-process texts arrive as codes and values and are
 * rendered in this language too.
 */
import { DEFAULT_LOCALE, matchLocale, type DisplayLocale } from '../../src-main/i18n/locale';
import type { SliceCreator } from './store';

export interface LocaleSlice {
  locale: DisplayLocale;
  setLocale(locale: DisplayLocale): void;
}

/** The first of the browser's preferred languages Keyferry speaks, else English. */
export function initialLocale(languages: readonly string[] = globalThis.navigator?.languages ?? []): DisplayLocale {
  for (const tag of languages) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}

export const createLocaleSlice: SliceCreator<LocaleSlice> = (set) => ({
  locale: initialLocale(),
  setLocale: (locale) => set({ locale }),
});
