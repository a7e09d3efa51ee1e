/**
 * Serves the built renderer from `app://keyferry/` (a standard, secure custom scheme), with the
 * strict CSP and other security headers on every response. The file lookup itself, with its
 * traversal and symlink refusals, is in ./security/protocol-assets.ts.
 */
import { protocol, type Session } from 'electron';
import type { OperationLog } from '../ipc/context';
import { APP_SCHEME } from './security/sender-policy';
import { readAppAsset } from './security/protocol-assets';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // standard: real origin and relative URLs; secure: a secure context like https.
    // No bypassCSP, no service workers, no CORS; fetch support is harmless under connect-src 'none'.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Answers `app://keyferry/...` on `session` from the files under `rendererRoot`. */
export function serveRenderer(session: Session, rendererRoot: string, log: OperationLog): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const answer = await readAppAsset(rendererRoot, request.url, request.method);
    if (answer.status !== 200) log.warn('protocol.refused', { url: request.url.slice(0, 200), status: answer.status });
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  });
}
