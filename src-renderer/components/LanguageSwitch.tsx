/** The language switch on the start screen: English or 简体中文, remembered for this user. */
import { useId } from 'react';
import { isDisplayLocale, LOCALES } from '../../src-main/i18n/locale';
import { useT } from '../i18n';
import { useAppStore } from '../store/store';

export function LanguageSwitch() {
  const locale = useAppStore((s) => s.locale);
  const setLocale = useAppStore((s) => s.setLocale);
  const { t } = useT();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        name="language"
        value={locale}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          if (isDisplayLocale(event.target.value)) setLocale(event.target.value);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l === 'zh-CN' ? 'zh-Hans-CN' : 'en'}>
            {t(l === 'zh-CN' ? 'language.zh-CN' : 'language.en')}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="hint">
        {t('language.switch-hint')}
      </p>
    </div>
  );
}
