/**
 * A packaged Keyferry refusing debugging switches, with Electron's app and dialog faked at their
 * documented surface: on Linux the officer sees a message box after `ready` (an error box before
 * `ready` is stderr only there); on Windows and macOS the error box right away; always exit 1.
 */
import type { MessageBoxOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  REFUSAL_SHOWN_AT_MOST_MS,
  refuseToStart,
  type RefusalSurface,
} from '../../../src-main/app/security/launch-refusal';

const refusal = {
  title: 'Keyferry will not start with debugging switches',
  message: 'It was started with --inspect.',
  quit: 'Quit',
};

function fakeElectron(platform: NodeJS.Platform, answer: 'dismissed' | 'never' = 'dismissed') {
  const events: string[] = [];
  let ready = false;
  let markReady: () => void = () => undefined;
  const timers: Array<{ run: () => void; ms: number }> = [];
  const surface: RefusalSurface = {
    platform,
    whenReady: () =>
      new Promise<void>((resolve) => {
        markReady = () => {
          ready = true;
          resolve();
        };
      }),
    dialog: {
      showErrorBox: (title: string) => events.push(`errorBox(${ready ? 'after' : 'before'} ready): ${title}`),
      showMessageBox: ((options: MessageBoxOptions) => {
        events.push(`messageBox(${ready ? 'after' : 'before'} ready): ${options.title} / ${options.detail}`);
        return answer === 'dismissed'
          ? Promise.resolve({ response: 0, checkboxChecked: false })
          : new Promise(() => {});
      }) as RefusalSurface['dialog']['showMessageBox'],
    },
    writeStderr: (text) => events.push(`stderr: ${text.trim()}`),
    exit: (code) => events.push(`exit ${code}`),
    setTimeout: (run, ms) => timers.push({ run, ms }),
  };
  return { surface, events, ready: () => markReady(), timers };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('refusing to start', () => {
  it('Linux: waits for ready, then shows a message box the officer sees, then exits 1', async () => {
    const electron = fakeElectron('linux');
    const done = refuseToStart(refusal, electron.surface);
    await tick();
    expect(electron.events).toEqual([expect.stringMatching(/^stderr: keyferry: Keyferry will not start/)]);
    electron.ready();
    await done;
    expect(electron.events.slice(1)).toEqual([
      'messageBox(after ready): Keyferry will not start with debugging switches / It was started with --inspect.',
      'exit 1',
    ]);
    expect(electron.events.some((event) => event.startsWith('errorBox'))).toBe(false);
  });

  it('Linux: never stays up longer than a minute if nobody dismisses the box', async () => {
    const electron = fakeElectron('linux', 'never');
    const done = refuseToStart(refusal, electron.surface);
    electron.ready();
    await tick();
    expect(electron.events.at(-1)).not.toBe('exit 1');
    expect(electron.timers.map((timer) => timer.ms)).toEqual([REFUSAL_SHOWN_AT_MOST_MS]);
    electron.timers[0]?.run();
    await done;
    expect(electron.events.at(-1)).toBe('exit 1');
  });

  for (const platform of ['win32', 'darwin'] as const) {
    it(`${platform}: shows the error box at once (it is a window there before ready) and exits 1`, async () => {
      const electron = fakeElectron(platform);
      await refuseToStart(refusal, electron.surface);
      expect(electron.events.slice(1)).toEqual([
        'errorBox(before ready): Keyferry will not start with debugging switches',
        'exit 1',
      ]);
    });
  }
});
