/**
 * Session hardening (DESIGN.md rule 6), applied to every session Keyferry uses (the main window's
 * and the print window's) before any page loads in it. Type-only Electron import: tests run it
 * against a recording fake session.
 */
import type { Session } from 'electron';
import type { OperationLog } from '../../ipc/context';

/** The parts of Electron's Session that hardenSession sets. */
export type HardenableSession = Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'setDisplayMediaRequestHandler'
  | 'setSpellCheckerEnabled'
>;

/**
 * Hardens `session` before any page uses it: every permission request and check denied, device
 * access and screen capture denied, and the spellchecker off (with it on, Chromium downloads
 * hunspell dictionaries from Google's CDN even when `webPreferences.spellcheck` is false).
 */
export function hardenSession(session: HardenableSession, log: OperationLog): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('security.permission-denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => {
    log.warn('security.permission-denied', { permission: 'display-capture' });
    callback(null);
  });
  session.setSpellCheckerEnabled(false);
}
