/**
 * The session's network guard. From the first page load, every request of a Keyferry window that
 * is not `app://keyferry/...` (or an inline `data:` image) is cancelled, in every mode: the
 * renderer never needs the network. When the officer chooses air-gapped mode, the guard is
 * re-applied, Chromium's offline emulation is switched on and open connections are closed,
 * all before the mode is recorded (src-main/ipc/mode.ts), so no bundle can be read earlier.
 */
import type { Session } from 'electron';
import type { KeyferryMode } from '../../ipc/contract';
import type { OperationLog } from '../../ipc/context';

interface NetworkGuard {
  /** Puts the policy for `mode` in place; resolves once it is effective. */
  apply(mode: KeyferryMode): Promise<void>;
}

/** Installs the request filter on `session`; `isAllowed` decides per URL. */
export function installNetworkGuard(
  session: Session,
  isAllowed: (url: string) => boolean,
  log: OperationLog,
): NetworkGuard {
  let mode: KeyferryMode | null = null;
  const filter = () =>
    session.webRequest.onBeforeRequest((details, callback) => {
      const allowed = isAllowed(details.url);
      if (!allowed) log.warn('network.blocked', { mode, url: details.url.slice(0, 200) });
      callback({ cancel: !allowed });
    });
  filter();
  return {
    async apply(next) {
      filter();
      if (next === 'air-gapped') {
        session.enableNetworkEmulation({ offline: true });
        await session.closeAllConnections();
      }
      mode = next;
      log.info('network.guard', { mode: next, offlineEmulation: next === 'air-gapped' });
    },
  };
}
