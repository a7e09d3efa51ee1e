/**
 * Connects the IPC router to Electron: one `ipcMain.handle` per contract channel. Every call is
 * checked first: the sending frame must be the top frame of one of our windows, showing a page
 * of `app://keyferry/`. Anything else is refused with a problem (and logged), never routed.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { PROGRESS_EVENT_CHANNEL, progressEventSchema, type ProgressEvent } from '../ipc/contract';
import type { OperationLog } from '../ipc/context';
import { fail, IPC_PROBLEM, type Result } from '../ipc/problem';
import type { IpcRouter } from '../ipc/router';
import { APP_ORIGIN, isTrustedSender } from '../ipc/sender-policy';

function senderIsTrusted(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  // Only the top frame may call: sub-frames are not allowed by the CSP, but do not rely on it.
  return frame !== null && frame === event.sender.mainFrame && isTrustedSender(frame.url, APP_ORIGIN);
}

/** Registers every channel of the router with ipcMain. Returns a function that removes them. */
export function registerIpcBridge(router: IpcRouter, log: OperationLog): () => void {
  for (const channel of router.channelNames) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<Result<unknown>> => {
      if (!senderIsTrusted(event)) {
        log.warn('ipc.untrusted-sender', { channel, url: (event.senderFrame?.url ?? 'unknown').slice(0, 200) });
        return fail(
          IPC_PROBLEM.untrustedSender,
          'This page is not allowed to talk to Keyferry.',
          'Use the Keyferry window itself; nothing was done.',
        );
      }
      return router.route(channel, payload);
    });
  }
  return () => router.channelNames.forEach((channel) => ipcMain.removeHandler(channel));
}

/**
 * Returns the `reportProgress` of the handler context: each event is validated (values only) and
 * sent to every Keyferry window showing our page. A malformed event is logged and dropped; it
 * never fails the step that reported it.
 */
export function createProgressSender(log: OperationLog): (event: ProgressEvent) => void {
  return (event) => {
    const payload = progressEventSchema.safeParse(event);
    if (!payload.success) {
      log.warn('progress.invalid', { taskId: String(event?.taskId).slice(0, 100) });
      return;
    }
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents;
      if (!contents.isDestroyed() && isTrustedSender(contents.getURL(), APP_ORIGIN)) {
        contents.send(PROGRESS_EVENT_CHANNEL, payload.data);
      }
    }
  };
}
