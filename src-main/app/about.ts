/**
 * The About panel (app menu on macOS, Help menu elsewhere: role 'about'): name, version and build,
 * the licence, the project's address and the icon, in the language the officer reads (rebuilt when it
 * changes: handlers/language.ts). Pure, so tests pin what a person reads there; main.ts hands it to
 * `app.setAboutPanelOptions`. Licence, homepage and maintainers come from package.json, the one place
 * packaging (electron-builder) reads them too; the sentences around them from the catalogue.
 */
import type { AboutPanelOptionsOptions } from 'electron';
import packageJson from '../../package.json';
import { DEFAULT_LOCALE, type DisplayLocale } from '../i18n/locale';
import { translator } from '../i18n/translate';

/** The licence's name as its authors write it (a name, not translated). */
const LICENCE_NAME = packageJson.license === 'Apache-2.0' ? 'Apache License 2.0' : packageJson.license;

export function aboutPanelOptions(
  identity: { name: string; version: string; build: string; iconPath: string },
  locale: DisplayLocale = DEFAULT_LOCALE,
): AboutPanelOptionsOptions {
  const { t } = translator(locale);
  return {
    applicationName: identity.name,
    applicationVersion: t('about.version', { version: identity.version, build: identity.build }),
    version: identity.build,
    // Linux shows `copyright`, not `credits`: the licence line goes there.
    copyright: t('about.copyright', { author: packageJson.author.name, licence: LICENCE_NAME }),
    credits: t('about.credits', { homepage: packageJson.homepage }),
    authors: [packageJson.author.name],
    website: packageJson.homepage,
    iconPath: identity.iconPath,
  };
}
