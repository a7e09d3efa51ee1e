/**
 * Closing the Keyferry window (or quitting) during an unfinished air-gapped ceremony, with a fake
 * window and dialog of Electron's surface (Electron cannot run here) and the real session,
 * handlers and journal: the close is held and the question asked; "stay" journals nothing and
 * keeps the ceremony; confirming journals the interrupt and the abandon, then closes.
 */
import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { MessageBoxOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guardWindowClose, leaveQuestion, type GuardedWindow, type LeaveDialog } from '../../src-main/app/leave-guard';
import { CeremonySession } from '../../src-main/ipc/handlers/session';
import { airGapConfirmed, journalEvents, value } from '../ipc/handlers/airgap-session';
import { createRecordedIpc, type RecordedIpc } from '../ui/ipc-recorder';

class FakeWindow extends EventEmitter implements GuardedWindow {
  closed = false;
  prevented = 0;
  close(): void {
    let prevented = false;
    this.emit('close', {
      preventDefault: () => {
        prevented = true;
      },
    });
    if (prevented) this.prevented++;
    else this.closed = true;
  }
  isDestroyed(): boolean {
    return this.closed;
  }
}

function fakeDialog(answer: number): LeaveDialog & { asked: MessageBoxOptions[] } {
  const asked: MessageBoxOptions[] = [];
  return {
    asked,
    showMessageBox: (async (...args: unknown[]) => {
      asked.push(args.at(-1) as MessageBoxOptions);
      return { response: answer, checkboxChecked: false };
    }) as LeaveDialog['showMessageBox'],
  };
}

let dir: string;
let ipc: RecordedIpc;
let session: CeremonySession;
const journal = () => path.join(dir, 'air-gapped-journal.jsonl');
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-leave-guard-'));
  await mkdir(path.join(dir, 'media'));
  ipc = createRecordedIpc();
  session = ipc.session;
  await airGapConfirmed(ipc, dir, ['AES_256']);
  await value(ipc, 'airgap.preflight', { folder: path.join(dir, 'media') });
});
afterEach(async () => {
  await ipc.close();
  await rm(dir, { recursive: true, force: true });
});

describe('closing the window during an air-gapped ceremony', () => {
  it('closes at once while no material exists', async () => {
    const window = new FakeWindow();
    const dialog = fakeDialog(0);
    guardWindowClose(window, session, dialog, () => 'en');
    window.close();
    expect(window.closed).toBe(true);
    expect(dialog.asked).toEqual([]);
  });

  it('holds the close while material exists; "stay" keeps the ceremony and journals nothing', async () => {
    await value(ipc, 'airgap.generate');
    const window = new FakeWindow();
    const dialog = fakeDialog(0);
    guardWindowClose(window, session, dialog, () => 'en');
    const before = (await journalEvents(journal())).length;
    window.close();
    await settle();
    expect(window.closed).toBe(false);
    expect(window.prevented).toBe(1);
    expect(dialog.asked[0]).toMatchObject({
      message: 'A ceremony on this workstation is not finished. Close Keyferry anyway?',
      buttons: ['Stay in the ceremony', 'Abandon the ceremony and close Keyferry'],
      defaultId: 0,
      cancelId: 0,
    });
    expect(dialog.asked[0]?.detail).toContain(
      'The air-gapped ceremony is not finished (it has reached step “key material ready”).',
    );
    expect(await journalEvents(journal())).toHaveLength(before);
    expect(session.airGap?.ceremony.state).toBe('material-ready');
  });

  it('confirmed: journals the interrupt and the abandon (material wiped), then closes', async () => {
    await value(ipc, 'airgap.generate');
    const window = new FakeWindow();
    const dialog = fakeDialog(1);
    const guard = guardWindowClose(window, session, dialog, () => 'en');
    window.close();
    await settle();
    expect(window.closed).toBe(true);
    const events = await journalEvents(journal());
    expect(events.slice(-2)).toMatchObject([
      { event: 'ceremony.interrupted', data: { left: 'window-closed', state: 'material-ready', wipedKeys: 1 } },
      { event: 'ceremony.abandoned', data: { reason: expect.stringContaining('closed the Keyferry window') } },
    ]);
    expect(session.unfinishedSides()).toEqual([]);
    expect(await guard.confirmLeaving()).toBe(true); // quitting afterwards asks nothing more
    expect(dialog.asked).toHaveLength(1);
  });

  it('asks in the language of the system (zh-CN)', async () => {
    await value(ipc, 'airgap.generate');
    const question = leaveQuestion(session, 'zh-CN');
    expect(question.buttons).toEqual(['留在仪式中', '放弃仪式并关闭 Keyferry']);
    expect(question.detail).toContain('离线仪式尚未完成');
  });
});
