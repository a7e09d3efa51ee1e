/**
 * What Keyferry says when it does not start, in the officer's language: the refusal of debugging
 * switches (shown through refuseToStart with Electron's dialog faked at its documented surface) and
 * a failed start's error box from the problem's code and values. Before Electron is ready the
 * system's language is unknown: the refusal uses the language.json the app wrote, else the
 * environment's language, else says itself in both languages.
 */
import type { MessageBoxOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { refuseToStart, type RefusalSurface } from '../../src-main/app/security/launch-refusal';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { languageFile, readRememberedLanguage } from '../../src-main/app/language-file';
import { debuggingRefusal, languageBeforeReady, startFailure } from '../../src-main/app/startup-dialogs';
import { KeyferryError, toProblem } from '../../src-main/core/errors';

const ENGLISH_WORDS = /[A-Za-z]{3,}\s+[A-Za-z]{3,}\s+[A-Za-z]{3,}/;

describe('startup dialogs', () => {
  it('refuses debugging switches in Chinese, the Quit button included (Linux message box)', async () => {
    const refusal = debuggingRefusal(['inspect', 'remote-debugging-port'], 'zh-CN');
    expect(refusal).toEqual({
      title: 'Keyferry 不会带调试开关启动',
      message:
        '启动时带有 --inspect、--remote-debugging-port，这会让其他程序读取其内存。\n\n请不带这些开关启动 Keyferry。',
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

  it("before ready: the remembered language, else the environment's, else English and Chinese together", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-start-lang-'));
    try {
      const file = path.join(dir, 'userData', 'language.json');
      // No choice kept and nothing in the environment (Windows, macOS from the desktop): both languages.
      expect(languageBeforeReady(readRememberedLanguage(file), {})).toBe('both');
      const both = debuggingRefusal(['inspect'], 'both');
      expect(both.title).toBe('Keyferry will not start with debugging switches / Keyferry 不会带调试开关启动');
      expect(both.message).toBe(
        `${debuggingRefusal(['inspect'], 'en').message}\n\n${debuggingRefusal(['inspect'], 'zh-CN').message}`,
      );
      expect(both.message).toContain('启动时带有 --inspect');
      expect(both.quit).toBe('Quit / 退出');
      // A Linux session names its language; POSIX order, an unknown one (C) is no answer.
      expect(languageBeforeReady(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
      expect(languageBeforeReady(undefined, { LC_ALL: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
      expect(languageBeforeReady(undefined, { LANG: 'C' })).toBe('both');
      // The choice the app kept (the file it writes) wins over the environment.
      await languageFile(file).remember('zh-CN');
      const remembered = languageBeforeReady(readRememberedLanguage(file), { LANG: 'en_US.UTF-8' });
      expect(remembered).toBe('zh-CN');
      const refusal = debuggingRefusal(['remote-debugging-port'], remembered);
      expect(refusal.title).toBe('Keyferry 不会带调试开关启动');
      expect(refusal.message).not.toMatch(ENGLISH_WORDS);
      expect(refusal.quit).toBe('退出');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
