import { describe, expect, it } from 'vitest';
import {
  isTrustedIpcSender,
  senderUrlForLog,
  type IpcEventLike,
  type SenderFrameLike,
} from '../../../src-main/app/security/ipc-sender';

const MAIN_ID = 7;
const PAGE = 'app://keyferry/index.html';

function frame(overrides: Partial<SenderFrameLike> = {}): SenderFrameLike {
  return { url: PAGE, processId: 3, routingId: 1, parent: null, detached: false, ...overrides };
}

/** An invoke event from the top frame of web contents `id`; `senderFrame` is a distinct object. */
function event(options: { id?: number; senderFrame?: SenderFrameLike | null; destroyed?: boolean } = {}): IpcEventLike {
  const mainFrame = frame();
  return {
    senderFrame: options.senderFrame === undefined ? frame() : options.senderFrame,
    sender: { id: options.id ?? MAIN_ID, mainFrame, isDestroyed: () => options.destroyed ?? false },
  };
}

describe('isTrustedIpcSender', () => {
  it('accepts the main frame of the main window showing our page, even as a distinct frame object', () => {
    expect(isTrustedIpcSender(event(), MAIN_ID)).toBe(true);
    expect(isTrustedIpcSender(event({ senderFrame: frame({ url: `${PAGE}#/airgap` }) }), MAIN_ID)).toBe(true);
  });

  it('refuses a frame that navigated away or was destroyed (senderFrame null)', () => {
    expect(isTrustedIpcSender(event({ senderFrame: null }), MAIN_ID)).toBe(false);
  });

  it('refuses a sub-frame such as the receipt preview iframe, whatever its URL', () => {
    const iframe = frame({ routingId: 9, parent: frame(), url: 'about:srcdoc' });
    expect(isTrustedIpcSender(event({ senderFrame: iframe }), MAIN_ID)).toBe(false);
    const sameUrlChild = frame({ routingId: 9, parent: frame() });
    expect(isTrustedIpcSender(event({ senderFrame: sameUrlChild }), MAIN_ID)).toBe(false);
    // A top-level-looking frame that is not the sender's main frame (other process or id).
    expect(isTrustedIpcSender(event({ senderFrame: frame({ processId: 4 }) }), MAIN_ID)).toBe(false);
    expect(isTrustedIpcSender(event({ senderFrame: frame({ routingId: 2 }) }), MAIN_ID)).toBe(false);
  });

  it('refuses other web contents (the print window) and calls before the main window exists', () => {
    expect(isTrustedIpcSender(event({ id: MAIN_ID + 1 }), MAIN_ID)).toBe(false);
    expect(isTrustedIpcSender(event(), null)).toBe(false);
    expect(isTrustedIpcSender(event({ destroyed: true }), MAIN_ID)).toBe(false);
  });

  it('refuses a detached frame (an old page running its unload handlers)', () => {
    expect(isTrustedIpcSender(event({ senderFrame: frame({ detached: true }) }), MAIN_ID)).toBe(false);
  });

  it.each([
    'data:text/html,<script>1</script>',
    'file:///tmp/index.html',
    'about:blank',
    'app://keyferry.evil/index.html',
    'http://127.0.0.1:5173/index.html',
    'devtools://devtools/bundled/inspector.html',
  ])('refuses the main frame when it shows %s', (url) => {
    expect(isTrustedIpcSender(event({ senderFrame: frame({ url }) }), MAIN_ID)).toBe(false);
  });

  it('refuses instead of throwing when Electron throws on a disposed frame', () => {
    const disposed: SenderFrameLike = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      processId: 3,
      routingId: 1,
      parent: null,
      detached: false,
    };
    const thrown = event({ senderFrame: disposed });
    expect(isTrustedIpcSender(thrown, MAIN_ID)).toBe(false);
    expect(senderUrlForLog(thrown)).toBe('unknown');
    expect(senderUrlForLog(event({ senderFrame: null }))).toBe('unknown');
    expect(senderUrlForLog(event())).toBe(PAGE);
  });
});
