/**
 * Refusing to start (a packaged Keyferry given debugging switches) in a form the officer sees.
 * `dialog.showErrorBox` before the app's `ready` event shows a window on Windows and macOS but, on
 * Linux, only writes to stderr, which a desktop launcher hides. So on Linux the refusal waits for
 * `ready` (nothing of Keyferry is loaded: no IPC, no protocol, no window) and shows a message box,
 * quitting when it is dismissed or after a minute, whichever comes first. Type-only Electron
 * import: main.ts passes Electron's app and dialog, tests fakes of the same documented surface.
 */
import type { Dialog } from 'electron';

/** The refusal is not left on screen (and the process alive) longer than this. */
export const REFUSAL_SHOWN_AT_MOST_MS = 60_000;

/** What the officer reads (../startup-dialogs.ts builds it in their language): a title, a message, the quit button. */
export interface LaunchRefusal {
  readonly title: string;
  readonly message: string;
  readonly quit: string;
}

export interface RefusalSurface {
  readonly platform: NodeJS.Platform;
  whenReady(): Promise<void>;
  readonly dialog: Pick<Dialog, 'showErrorBox' | 'showMessageBox'>;
  writeStderr(text: string): void;
  exit(code: number): void;
  setTimeout(run: () => void, ms: number): unknown;
}

/** Shows `refusal` where this platform's user sees it, then exits with status 1. */
export async function refuseToStart(refusal: LaunchRefusal, electron: RefusalSurface): Promise<void> {
  electron.writeStderr(`keyferry: ${refusal.title}. ${refusal.message.replace(/\s+/g, ' ')}\n`);
  if (electron.platform !== 'linux') {
    electron.dialog.showErrorBox(refusal.title, refusal.message);
    electron.exit(1);
    return;
  }
  await electron.whenReady();
  await Promise.race([
    electron.dialog.showMessageBox({
      type: 'error',
      title: refusal.title,
      message: refusal.title,
      detail: refusal.message,
      buttons: [refusal.quit],
      noLink: true,
    }),
    new Promise<void>((resolve) => electron.setTimeout(resolve, REFUSAL_SHOWN_AT_MOST_MS)),
  ]);
  electron.exit(1);
}
