/**
 * Keyferry's main process: lifecycle and wiring, nothing else. Order matters:
 *  1. before ready: the app:// scheme is registered as privileged, sandboxing is forced for every
 *     renderer, and every future web contents gets the navigation/window/webview guards;
 *  2. when ready: the session hardened (permissions denied, spellchecker off), the network guard installed on the session, the renderer
 *     served from app://keyferry/, IPC channels registered (each call checks its sender);
 *  3. only then the window is created and loads app://keyferry/index.html.
 * The mode (rehearsal / online / air-gapped) is chosen in the UI via `mode.choose`; the guard for
 * it is applied before the choice is recorded and answered (see ./security/network-guard.ts).
 * Main's own words (pickers, menu, About, the leave question, startup dialogs) are in the language
 * of the screens, which the renderer tells main (`app.language`, ../ipc/handlers/language.ts); until
 * it does, the language last chosen (./language-file.ts), else the system's.
 */
import path from 'node:path';
import appIconPath from '../../assets/icons/256x256.png?asset';
import { app, BrowserWindow, dialog, safeStorage, session } from 'electron';
import { toProblem } from '../core/errors';
import { createHandlers } from '../ipc/handlers';
import { CeremonySession } from '../ipc/handlers/session';
import { createModeController } from '../ipc/mode';
import type { DesktopServices } from '../ipc/desktop-services';
import { createIpcRouter } from '../ipc/router';
import { aboutPanelOptions } from './about';
import { createCredentialVault } from './credential-vault';
import { choosePath } from './dialogs';
import { createProgressSender, registerIpcBridge } from './ipc-bridge';
import { findDebuggingSwitches } from './security/launch-policy';
import { refuseToStart } from './security/launch-refusal';
import { createOperationLog, createStderrLog, type FileOperationLog } from './log';
import { installMenu } from './menu';
import { installNetworkGuard } from './security/network-guard';
import { isAllowedWindowRequest } from './security/network-policy';
import { createReceiptPrinter } from './printing';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenApp } from './security/web-contents-guard';
import { runningAppIdentity } from './software-identity';
import { hardenSession } from './security/session-hardening';
import { createMainWindow } from './window';
import { guardWindowClose, type LeaveGuard } from './leave-guard';
import { DEFAULT_LOCALE, matchLocale, type DisplayLocale } from '../i18n/locale';
import { translator } from '../i18n/translate';
import { warmUpIntl } from '../i18n/intl-warm-up';
import { createLanguageController, type LanguageController } from '../ipc/handlers/language';
import { languageFile, readRememberedLanguage } from './language-file';
import { debuggingRefusal, languageBeforeReady, startFailure } from './startup-dialogs';

/** Set by electron.vite.config.ts at build time. */
declare const __KEYFERRY_BUILD__: string;

const now = () => new Date();
/** Where the officer's chosen language is kept between runs (userData is known before `ready`). */
const languageFilePath = () => path.join(app.getPath('userData'), 'language.json');
/** Before the screens say which: the language last chosen, else the system's (as the screens start with). */
const startLocale = (): DisplayLocale =>
  readRememberedLanguage(languageFilePath()) ?? matchLocale(app.getLocale()) ?? DEFAULT_LOCALE;

function openLog(): FileOperationLog {
  try {
    return createOperationLog({ directory: path.join(app.getPath('userData'), 'logs'), now });
  } catch (error) {
    const fallback = createStderrLog(now);
    fallback.warn('log.unavailable', { error });
    return fallback;
  }
}

/** What only the desktop can do, offered to the handlers (dialogs parented to the main window, the OS keychain). */
function desktopServices(
  log: FileOperationLog,
  window: () => BrowserWindow | null,
  language: LanguageController,
): DesktopServices {
  const printer = createReceiptPrinter({ BrowserWindow, session }, log);
  return {
    choosePath: (purpose, startFolder) => choosePath(dialog, window(), purpose, startFolder, language.current()),
    printReceipt: (html, paperSize) => printer.printReceipt(html, paperSize),
    saveReceiptPdf: (html, folder, fileName, paperSize) => printer.saveReceiptPdf(html, folder, fileName, paperSize),
    // Remembered credentials: only ever encrypted by the OS keychain (safeStorage), in userData.
    credentialVault: createCredentialVault({
      safeStorage,
      folder: path.join(app.getPath('userData'), 'credentials'),
      now,
    }),
  };
}

function start(log: FileOperationLog): { window: BrowserWindow; ceremonies: CeremonySession; leaveGuard: LeaveGuard } {
  const ses = session.defaultSession;
  // Ids are never reused, so a destroyed window's id can never match a later sender.
  let mainContentsId: number | null = null;
  const mainContents = () => mainContentsId;
  let mainWindow: BrowserWindow | null = null;
  hardenSession(ses, log);
  const guard = installNetworkGuard(ses, isAllowedWindowRequest, log);
  serveRenderer(ses, path.join(__dirname, '../renderer'), log);

  const mode = createModeController((chosen) => guard.apply(chosen));
  const identity = { name: app.getName(), ...runningAppIdentity() };
  const showAbout = (locale: DisplayLocale) =>
    app.setAboutPanelOptions(aboutPanelOptions({ ...identity, iconPath: appIconPath }, locale));
  // The menu and About follow the screens' language; pickers and the leave question read it when shown.
  const language = createLanguageController({
    initial: startLocale(),
    memory: languageFile(languageFilePath()),
    onChange: (locale) => {
      installMenu(locale);
      showAbout(locale);
    },
  });
  const context = {
    mode,
    now,
    log,
    identity,
    language,
    reportProgress: createProgressSender(log, mainContents),
    desktop: desktopServices(log, () => mainWindow, language),
  };
  // Held here so quitting can wipe material and close journals, clients and the simulator.
  const ceremonies = new CeremonySession(context, {});
  const handlers = createHandlers(context, { session: ceremonies });
  registerIpcBridge(createIpcRouter(handlers, log), log, mainContents);
  showAbout(language.current());
  installMenu(language.current());
  mainWindow = createMainWindow({
    preload: path.join(__dirname, '../preload/index.js'),
    title: translator(language.current()).t('window.title', { mode: 'none' }),
    devTools: !app.isPackaged,
    icon: appIconPath,
    log,
  });
  mainContentsId = mainWindow.webContents.id;
  // Closing with an unfinished air-gapped ceremony asks first and journals the abandon (like Ctrl-C).
  const leaveGuard = guardWindowClose(mainWindow, ceremonies, dialog, () => language.current());
  return { window: mainWindow, ceremonies, leaveGuard };
}

function main(): void {
  // The build baked in at build time is the one journals and receipts record (core reads it here).
  process.env.KEYFERRY_BUILD = __KEYFERRY_BUILD__;
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const log = openLog();
  log.info('app.start', { version: app.getVersion(), build: __KEYFERRY_BUILD__, packaged: app.isPackaged });
  const debugging = app.isPackaged ? findDebuggingSwitches(process.argv) : [];
  if (debugging.length > 0) {
    log.error('app.debugging-refused', { switches: debugging });
    log.close();
    // Before `ready`, Linux shows an error box on stderr only: refuseToStart shows it after `ready`.
    const language = languageBeforeReady(readRememberedLanguage(languageFilePath()), process.env);
    void refuseToStart(debuggingRefusal(debugging, language), {
      platform: process.platform,
      whenReady: () => app.whenReady(),
      dialog,
      writeStderr: (text) => process.stderr.write(text),
      exit: (code) => app.exit(code),
      setTimeout: (run, ms) => setTimeout(run, ms),
    });
    return;
  }
  hardenApp(log);

  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // A ceremony tool quits with its last window on every platform: nothing lingers in memory.
  app.on('window-all-closed', () => app.quit());
  // Before quitting, end the ceremony session: held material is wiped, journals closed.
  let ceremonies: CeremonySession | null = null;
  let leaveGuard: LeaveGuard | null = null;
  let sessionClosed = false;
  let closingStarted = false;
  app.on('before-quit', (event) => {
    if (sessionClosed) return;
    event.preventDefault();
    if (closingStarted) return; // a second quit request waits for the first to finish wiping
    closingStarted = true;
    // Quitting (menu, Cmd-Q) asks like closing the window when a ceremony is unfinished.
    void (leaveGuard?.confirmLeaving() ?? Promise.resolve(true))
      .catch(() => true)
      .then(async (leave) => {
        if (!leave) {
          closingStarted = false;
          return;
        }
        await (ceremonies?.close() ?? Promise.resolve()).catch(() => undefined);
        sessionClosed = true;
        app.quit();
      });
  });
  app.on('will-quit', () => {
    log.info('app.quit');
    log.close();
  });

  app
    .whenReady()
    .then(() => {
      const started = start(log);
      mainWindow = started.window;
      ceremonies = started.ceremonies;
      leaveGuard = started.leaveGuard;
      // While the window loads, before any ceremony step: the first Intl formatter's data load would
      // otherwise stall the first step that counts or dates (i18n/intl-warm-up.ts).
      warmUpIntl();
    })
    .catch((error: unknown) => {
      const problem = toProblem(error);
      log.error('app.start-failed', { code: problem.code, message: problem.message });
      const failure = startFailure(problem, startLocale());
      dialog.showErrorBox(failure.title, failure.content);
      app.exit(1);
    });
}

main();
