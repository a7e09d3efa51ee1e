/**
 * The languages Keyferry speaks, and how a locale tag from the OS, the environment or a flag maps
 * onto one of them. Plain TypeScript: used by the main process, the CLI and the renderer.
 */

/** The catalogues that exist, in the order a language picker lists them. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** The pseudo-locale: English with every catalogue text marked, so untranslated text stands out. */
export const PSEUDO_LOCALE = 'en-XA';
export type DisplayLocale = Locale | typeof PSEUDO_LOCALE;

export const DEFAULT_LOCALE: Locale = 'en';

export function isDisplayLocale(value: unknown): value is DisplayLocale {
  return value === PSEUDO_LOCALE || (LOCALES as readonly unknown[]).includes(value);
}

/**
 * The language a locale tag asks for: `zh_CN.UTF-8`, `zh-Hans-CN`, `zh` → zh-CN; `en_US`, `en-GB`
 * → en; `en-XA` → the pseudo-locale; anything else (or `C`, `POSIX`, empty) → undefined.
 */
export function matchLocale(tag: string | null | undefined): DisplayLocale | undefined {
  if (!tag) return undefined;
  const base = tag.split('.')[0]!.split('@')[0]!.replace(/_/g, '-').toLowerCase();
  if (base === PSEUDO_LOCALE.toLowerCase()) return PSEUDO_LOCALE;
  if (base === 'zh' || base.startsWith('zh-')) return 'zh-CN';
  if (base === 'en' || base.startsWith('en-')) return 'en';
  return undefined;
}

/**
 * The CLI's language from the environment, as POSIX orders it: LC_ALL, then LC_MESSAGES, then
 * LANG; the first one set decides (a set but unknown one means English).
 */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): DisplayLocale {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return matchLocale(value) ?? DEFAULT_LOCALE;
  }
  return DEFAULT_LOCALE;
}

/** The value for an HTML `lang` attribute. */
export function htmlLang(locale: DisplayLocale): string {
  return locale === 'zh-CN' ? 'zh-Hans-CN' : locale === PSEUDO_LOCALE ? 'en-XA' : 'en';
}
