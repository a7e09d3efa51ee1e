/**
 * A minimal application menu: app (macOS), Edit (so credentials can be pasted), Window, Help with
 * About (Windows, Linux; macOS has it in the app menu). No
 * developer tools, no reload: a reload would drop the ceremony's state mid-step.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { DEFAULT_LOCALE, type DisplayLocale } from '../i18n/locale';
import { translator } from '../i18n/translate';

/** The menu in `locale` (the items with a role are labelled by Electron in the OS language). */
export function menuTemplate(
  platform: NodeJS.Platform,
  locale: DisplayLocale = DEFAULT_LOCALE,
): MenuItemConstructorOptions[] {
  const { t } = translator(locale);
  const edit: MenuItemConstructorOptions = {
    label: t('menu.edit'),
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const window: MenuItemConstructorOptions = {
    label: t('menu.window'),
    submenu: [{ role: 'minimize' }, { role: 'close' }],
  };
  if (platform === 'darwin') {
    return [
      { label: 'Keyferry', submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'quit' }] },
      edit,
      window,
    ];
  }
  // Windows and Linux: About (name, version, build, licence) under Help, as people look for it there.
  const help: MenuItemConstructorOptions = { label: t('menu.help'), submenu: [{ role: 'about' }] };
  return [{ label: t('menu.file'), submenu: [{ role: 'quit' }] }, edit, window, help];
}
