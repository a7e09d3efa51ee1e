/** The main Keyferry window: hardened webPreferences, our page from app://keyferry/ only. */
import { BrowserWindow } from 'electron';
import type { OperationLog } from '../ipc/context';
import { APP_ORIGIN } from './security/sender-policy';
import { secureWebPreferences } from './security/web-preferences';

const START_PAGE = `${APP_ORIGIN}/index.html`;

/** `icon`: the window and taskbar icon on Windows and Linux (macOS takes the app bundle's). */
export function createMainWindow(options: {
  preload: string;
  /** Until the page sets its own (the screens' language and mode): window.title from the catalogue. */
  title: string;
  devTools: boolean;
  icon: string;
  log: OperationLog;
}): BrowserWindow {
  const webPreferences = secureWebPreferences({ preload: options.preload, devTools: options.devTools });
  const window = new BrowserWindow({
    width: 1200,
    height: 820,
    minWidth: 900,
    minHeight: 640,
    show: false,
    title: options.title,
    backgroundColor: '#ffffff',
    icon: options.icon,
    webPreferences,
  });
  const { contextIsolation, sandbox, nodeIntegration, webSecurity, webviewTag, spellcheck, devTools } = webPreferences;
  options.log.info('window.created', {
    contextIsolation,
    sandbox,
    nodeIntegration,
    webSecurity,
    webviewTag,
    spellcheck,
    devTools,
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(START_PAGE).catch((error: unknown) => options.log.error('window.load-failed', { error }));
  return window;
}
