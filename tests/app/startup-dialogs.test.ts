/**
 * What Keyferry says when it does not start, in the officer's language: the refusal of debugging
 * switches (shown through refuseToStart with Electron's dialog faked at its documented surface) and
 * a failed start's error box from the problem's code and values.
 */
import type { MessageBoxOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { refuseToStart, type RefusalSurface } from '../../src-main/app/security/launch-refusal';
import { debuggingRefusal, startFailure } from '../../src-main/app/startup-dialogs';
import { KeyferryError, toProblem } from '../../src-main/core/errors';

const ENGLISH_WORDS = /[A-Za-z]{3,}\s+[A-Za-z]{3,}\s+[A-Za-z]{3,}/;

describe('startup dialogs', () => {
  it('refuses debugging switches in Chinese, the Quit button included (Linux message box)', async () => {
    const refusal = debuggingRefusal(['inspect', 'remote-debugging-port'], 'zh-CN');
    expect(refusal).toEqual({
      title: 'Keyferry 不会带调试开关启动',
      message:
        '启动时带有 --inspect, --remote-debugging-port，这会让其他程序读取其内存。\n\n请不带这些开关启动 Keyferry。',
      quit: '退出',
    });
    const shown: MessageBoxOptions[] = [];
    const exits: number[] = [];
    const surface: RefusalSurface = {
      platform: 'linux',
      whenReady: () => Promise.resolve(),
      dialog: {
        showErrorBox: () => undefined,
        showMessageBox: ((options: MessageBoxOptions) => {
          shown.push(options);
          return Promise.resolve({ response: 0, checkboxChecked: false });
        }) as RefusalSurface['dialog']['showMessageBox'],
      },
      writeStderr: () => undefined,
      exit: (code) => exits.push(code),
      setTimeout: () => undefined,
    };
    await refuseToStart(refusal, surface);
    expect(shown).toEqual([
      expect.objectContaining({ title: refusal.title, detail: refusal.message, buttons: ['退出'] }),
    ]);
    expect(exits).toEqual([1]);
    expect(debuggingRefusal(['inspect'], 'en')).toMatchObject({
      title: 'Keyferry will not start with debugging switches',
      quit: 'Quit',
    });
  });

  it('a failed start shows the problem and the next step from the catalogue, not the English it carries', () => {
    const problem = toProblem(new KeyferryError('CREDENTIALS_VAULT_UNAVAILABLE', { reason: 'noEncryption' }));
    const zh = startFailure(problem, 'zh-CN');
    expect(zh.title).toBe('Keyferry 无法启动');
    expect(zh.content).toBe(
      '本机不提供用于记住凭证的操作系统密钥库加密。\n\n请仅在本次会话中使用这些凭证；Keyferry 关闭后即被遗忘。',
    );
    expect(zh.content).not.toMatch(ENGLISH_WORDS);
    const en = startFailure(problem, 'en');
    expect(en).toEqual({ title: 'Keyferry could not start', content: `${problem.message}\n\n${problem.nextStep}` });
  });
});
