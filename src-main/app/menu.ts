/** Installs the application menu (./menu-template.ts) for this platform. */
import { Menu } from 'electron';
import type { DisplayLocale } from '../i18n/locale';
import { menuTemplate } from './menu-template';

export function installMenu(locale: DisplayLocale): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, locale)));
}
