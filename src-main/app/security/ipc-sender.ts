/**
 * Who may call an IPC channel: the top frame of Keyferry's main window, showing a page of
 * `app://keyferry/`, and nothing else: not a sub-frame (the receipt preview iframe), not another
 * window (the hidden print window), not a frame that has navigated away or been destroyed.
 * Structural types only (no Electron import), so tests run it against plain objects.
 */
import { APP_ORIGIN, isTrustedSender } from './sender-policy';

/** The parts of Electron's WebFrameMain the check reads. */
export interface SenderFrameLike {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
  readonly parent: unknown;
  readonly detached: boolean;
}

/** The parts of an IpcMainInvokeEvent the check reads. */
export interface IpcEventLike {
  readonly senderFrame: SenderFrameLike | null;
  readonly sender: { readonly id: number; readonly mainFrame: SenderFrameLike; isDestroyed(): boolean };
}

/**
 * True only when `event` comes from the main frame of the web contents `mainContentsId` and that
 * frame shows our own page. Never throws: Electron throws when a disposed frame is read, and
 * anything unexpected refuses the call.
 */
export function isTrustedIpcSender(
  event: IpcEventLike,
  mainContentsId: number | null,
  appOrigin = APP_ORIGIN,
): boolean {
  try {
    const frame = event.senderFrame;
    const sender = event.sender;
    if (frame === null || frame === undefined || mainContentsId === null) return false;
    if (sender.isDestroyed() || sender.id !== mainContentsId) return false;
    // Distinct WebFrameMain objects may stand for the same frame: compare ids, not identity.
    const top = sender.mainFrame;
    return (
      frame.parent === null &&
      !frame.detached &&
      frame.processId === top.processId &&
      frame.routingId === top.routingId &&
      isTrustedSender(frame.url, appOrigin)
    );
  } catch {
    return false;
  }
}

/** The sender's URL for a log line, or `unknown` (reading a disposed frame throws). */
export function senderUrlForLog(event: IpcEventLike): string {
  try {
    return (event.senderFrame?.url ?? 'unknown').slice(0, 200);
  } catch {
    return 'unknown';
  }
}
