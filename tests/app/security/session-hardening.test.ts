import { describe, expect, it } from 'vitest';
import type { LogData } from '../../../src-main/ipc/context';
import { hardenSession, type HardenableSession } from '../../../src-main/app/security/session-hardening';

type Handler = (...args: never[]) => unknown;

/** A session that records what was set on it; every handler is then called as Chromium would. */
function recordingSession() {
  const handlers: Record<string, Handler> = {};
  let spellchecker: boolean | undefined;
  const session = {
    setPermissionRequestHandler: (handler: Handler) => (handlers.request = handler),
    setPermissionCheckHandler: (handler: Handler) => (handlers.check = handler),
    setDevicePermissionHandler: (handler: Handler) => (handlers.device = handler),
    setDisplayMediaRequestHandler: (handler: Handler) => (handlers.display = handler),
    setSpellCheckerEnabled: (enable: boolean) => (spellchecker = enable),
  } as unknown as HardenableSession;
  return { session, handlers, spellchecker: () => spellchecker };
}

function recordingLog() {
  const warnings: { event: string; data?: LogData }[] = [];
  const ignore = () => undefined;
  return {
    warnings,
    log: { info: ignore, error: ignore, warn: (event: string, data?: LogData) => warnings.push({ event, data }) },
  };
}

describe('hardenSession', () => {
  it('denies every permission request and check, device access and screen capture, and turns spellcheck off', () => {
    const { session, handlers, spellchecker } = recordingSession();
    const { log, warnings } = recordingLog();
    hardenSession(session, log);

    expect(Object.keys(handlers).sort()).toEqual(['check', 'device', 'display', 'request']);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      const answers: boolean[] = [];
      (handlers.request as unknown as (c: null, p: string, cb: (granted: boolean) => void) => void)(
        null,
        permission,
        (granted) => answers.push(granted),
      );
      expect(answers).toEqual([false]);
      expect((handlers.check as unknown as (c: null, p: string) => boolean)(null, permission)).toBe(false);
    }
    expect((handlers.device as unknown as (d: object) => boolean)({ deviceType: 'usb' })).toBe(false);
    const streams: unknown[] = [];
    (handlers.display as unknown as (r: object, cb: (s: unknown) => void) => void)({}, (s) => streams.push(s));
    expect(streams).toEqual([null]);
    expect(spellchecker()).toBe(false);
    expect(warnings.map((w) => w.data?.permission)).toContain('media');
    expect(warnings.map((w) => w.data?.permission)).toContain('display-capture');
  });
});
