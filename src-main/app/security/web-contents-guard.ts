/**
 * App-wide hardening (DESIGN.md rule 6): every web contents, whenever created, may not navigate,
 * open windows or attach webviews, and no client certificate is ever presented. Session
 * permissions are denied by ./session-hardening.ts. Electron 45 has no remote module (removed in
 * Electron 14); webviewTag is off in ./web-preferences.ts and webview attachment is refused here.
 */
import { app, type WebContents } from 'electron';
import type { OperationLog } from '../../ipc/context';

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
  // Chromium's default is to present the first client certificate in the store: present none.
  app.on('select-client-certificate', (event, _contents, url, _list, callback) => {
    event.preventDefault();
    log.warn('security.client-certificate-refused', { url: url.slice(0, 200) });
    callback();
  });
}
