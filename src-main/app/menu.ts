/** Installs the application menu (./menu-template.ts) for this platform. */
import { Menu } from 'electron';
import { menuTemplate } from './menu-template';

export function installMenu(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform)));
}
