/** The screens' translator: `const t = useT(); t.t('start.heading')`, in the store's language. */
import { useEffect } from 'react';
import { htmlLang } from '../src-main/i18n/locale';
import { translator, type Translator } from '../src-main/i18n/translate';
import { useAppStore } from './store/store';

export function useT(): Translator {
  return translator(useAppStore((s) => s.locale));
}

/** Keeps `<html lang>` equal to the language on screen (screen readers, fonts, hyphenation). */
export function useDocumentLanguage(): void {
  const locale = useAppStore((s) => s.locale);
  useEffect(() => {
    document.documentElement.lang = htmlLang(locale);
  }, [locale]);
}
