/**
 * App-wide hardening (DESIGN.md rule 6): every web contents, whenever created, may not navigate,
 * open windows, attach webviews or be granted any permission. Electron 45 has no remote module
 * (removed in Electron 14), so there is nothing to disable there; webviewTag is off in
 * ./web-preferences.ts and webview attachment is refused here as well.
 */
import { app, type Session, type WebContents } from 'electron';
import type { OperationLog } from '../ipc/context';

/** Denies every permission request and check on `session`, and device access. */
export function denyAllPermissions(session: Session, log: OperationLog): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('security.permission-denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

function guardContents(contents: WebContents, log: OperationLog): void {
  // Programmatic loadURL does not emit these events; only page-initiated navigation does.
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    log.warn('security.navigation-denied', { url: url.slice(0, 200) });
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    log.warn('security.redirect-denied', { url: url.slice(0, 200) });
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('security.webview-denied');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('security.window-open-denied', { url: url.slice(0, 200) });
    return { action: 'deny' };
  });
}

/** Call once before the app is ready. Guards every web contents the app will ever create. */
export function hardenApp(log: OperationLog): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => guardContents(contents, log));
}
