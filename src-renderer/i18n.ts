/** The screens' translator: `const t = useT(); t.t('start.heading')`, in the store's language. */
import { useEffect } from 'react';
import { htmlLang } from '../src-main/i18n/locale';
import { translator, type Translator } from '../src-main/i18n/translate';
import type { MessageKey, ValuesArg } from '../src-main/i18n/catalogue';
import { api } from './api';
import { useAppStore } from './store/store';

/** A catalogue key whose text needs no values (a row's label, a step's title). */
export type PlainKey = {
  [K in MessageKey]: ValuesArg<K> extends [values?: Readonly<Record<string, never>>] ? K : never;
}[MessageKey];

export function useT(): Translator {
  return translator(useAppStore((s) => s.locale));
}

/**
 * Keeps `<html lang>` equal to the language on screen (screen readers, fonts, hyphenation), the
 * window title in it, and tells main (`app.language`) so its pickers, menu, About panel and dialogs
 * speak it too (remembered there when the officer chose it).
 */
export function useDocumentLanguage(): void {
  const locale = useAppStore((s) => s.locale);
  const chosen = useAppStore((s) => s.localeChosen);
  const mode = useAppStore((s) => s.mode);
  useEffect(() => {
    document.documentElement.lang = htmlLang(locale);
    document.title = translator(locale).t('window.title', { mode: mode ?? 'none' });
  }, [locale, mode]);
  useEffect(() => {
    // Best effort: without it main's own words stay in the start language; the screens are unaffected.
    void api()
      .setLanguage({ locale, chosen })
      .catch(() => undefined);
  }, [locale, chosen]);
}
