/**
 * Connects the IPC router to Electron: one `ipcMain.handle` per contract channel. Every call is
 * checked first (./security/ipc-sender.ts): the sending frame must be the top frame of Keyferry's main
 * window, showing a page of `app://keyferry/`. Anything else is refused with a problem (and
 * logged), never routed.
 */
import { ipcMain, webContents } from 'electron';
import { PROGRESS_EVENT_CHANNEL, progressEventSchema, type ProgressEvent } from '../ipc/contract';
import type { OperationLog } from '../ipc/context';
import { KeyferryError } from '../core/errors';
import { IPC_PROBLEM, type Result } from '../ipc/problem';
import type { IpcRouter } from '../ipc/router';
import { APP_ORIGIN, isTrustedSender } from './security/sender-policy';
import { isTrustedIpcSender, senderUrlForLog } from './security/ipc-sender';

/** The id of the main window's web contents, or null before it exists. */
type MainContentsId = () => number | null;

/** Registers every channel of the router with ipcMain. Returns a function that removes them. */
export function registerIpcBridge(router: IpcRouter, log: OperationLog, mainContentsId: MainContentsId): () => void {
  for (const channel of router.channelNames) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<Result<unknown>> => {
      if (!isTrustedIpcSender(event, mainContentsId())) {
        log.warn('ipc.untrusted-sender', { channel, url: senderUrlForLog(event) });
        return { ok: false, problem: new KeyferryError(IPC_PROBLEM.untrustedSender).toProblem() };
      }
      return router.route(channel, payload);
    });
  }
  return () => router.channelNames.forEach((channel) => ipcMain.removeHandler(channel));
}

/**
 * Returns the `reportProgress` of the handler context: each event is validated (values only) and
 * sent to the main window, if it still shows our page. A malformed event is logged and dropped;
 * it never fails the step that reported it.
 */
export function createProgressSender(
  log: OperationLog,
  mainContentsId: MainContentsId,
): (event: ProgressEvent) => void {
  return (event) => {
    const payload = progressEventSchema.safeParse(event);
    if (!payload.success) {
      log.warn('progress.invalid', { taskId: String(event?.taskId).slice(0, 100) });
      return;
    }
    const id = mainContentsId();
    const contents = id === null ? undefined : webContents.fromId(id);
    if (contents && !contents.isDestroyed() && isTrustedSender(contents.getURL(), APP_ORIGIN)) {
      contents.send(PROGRESS_EVENT_CHANNEL, payload.data);
    }
  };
}
