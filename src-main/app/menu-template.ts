/**
 * A minimal application menu: app (macOS), Edit (so credentials can be pasted), Window, Help with
 * About (Windows, Linux; macOS has it in the app menu). No
 * developer tools, no reload: a reload would drop the ceremony's state mid-step.
 */
import type { MenuItemConstructorOptions } from 'electron';

export function menuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
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
  const window: MenuItemConstructorOptions = { label: 'Window', submenu: [{ role: 'minimize' }, { role: 'close' }] };
  if (platform === 'darwin') {
    return [
      { label: 'Keyferry', submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'quit' }] },
      edit,
      window,
    ];
  }
  // Windows and Linux: About (name, version, build, licence) under Help, as people look for it there.
  const help: MenuItemConstructorOptions = { label: 'Help', submenu: [{ role: 'about' }] };
  return [{ label: 'File', submenu: [{ role: 'quit' }] }, edit, window, help];
}
