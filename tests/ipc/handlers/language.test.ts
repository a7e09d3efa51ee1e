/**
 * The language of the screens told to main (`app.language`) through the real preload API, router
 * and handlers (a structured-clone pipe between them, as Electron's IPC carries it): main's file
 * picker then titles itself in that language, a chosen language is remembered in a real file that
 * the next start reads, and a language merely taken from the system is used but not remembered.
 */
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BaseWindow, OpenDialogOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { choosePath, type OpenDialog } from '../../../src-main/app/dialogs';
import { languageFile, readRememberedLanguage } from '../../../src-main/app/language-file';
import { menuTemplate } from '../../../src-main/app/menu-template';
import { LOCALES, PSEUDO_LOCALE, type DisplayLocale } from '../../../src-main/i18n/locale';
import { displayLocaleSchema } from '../../../src-main/ipc/contract';
import { translator } from '../../../src-main/i18n/translate';
import { createHandlers } from '../../../src-main/ipc/handlers/index';
import { createLanguageController } from '../../../src-main/ipc/handlers/language';
import { createIpcRouter } from '../../../src-main/ipc/router';
import { createKeyferryApi, type Invoke } from '../../../src-main/preload/api-factory';
import { fakeCredentialVault } from '../fake-credential-vault';
import { testContext } from '../test-context';

const HAN = /\p{Script=Han}/u;

/** A picker surface that records what it was asked to show and answers like a cancelled dialog. */
function recordingDialog(): { dialog: OpenDialog; shown: OpenDialogOptions[] } {
  const shown: OpenDialogOptions[] = [];
  const answer = (options: OpenDialogOptions) => {
    shown.push(options);
    return Promise.resolve({ canceled: true, filePaths: [] });
  };
  const dialog = {
    showOpenDialog: (a: BaseWindow | OpenDialogOptions, b?: OpenDialogOptions) => answer((b ?? a) as OpenDialogOptions),
  } as OpenDialog;
  return { dialog, shown };
}

/** Main as main.ts wires it: a language controller remembered in `file`, pickers reading it when shown. */
function desktopApp(file: string, initial: DisplayLocale = 'en') {
  const { dialog, shown } = recordingDialog();
  const menus: string[][] = [];
  const language = createLanguageController({
    initial,
    memory: languageFile(file),
    onChange: (locale) => menus.push(menuTemplate('linux', locale).map((m) => String(m.label))),
  });
  const setup = testContext();
  const context = {
    ...setup.context,
    language,
    desktop: {
      choosePath: (purpose: Parameters<typeof choosePath>[2], start?: string) =>
        choosePath(dialog, null, purpose, start, language.current()),
      printReceipt: () => Promise.reject(new Error('not printing here')),
      saveReceiptPdf: () => Promise.reject(new Error('not printing here')),
      credentialVault: fakeCredentialVault(),
    },
  };
  const router = createIpcRouter(createHandlers(context), setup.context.log);
  const invoke: Invoke = async (channel, payload) =>
    structuredClone(await router.route(channel, structuredClone(payload)));
  return { api: createKeyferryApi(invoke, () => () => undefined), shown, menus, language, lines: setup.lines };
}

describe('app.language: main speaks the language of the screens', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kf-language-'));
    file = path.join(dir, 'userData', 'language.json');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a language chosen on the start screen titles the pickers and the menu in it, and is remembered', async () => {
    const app = desktopApp(file);
    expect(await app.api.choosePath({ purpose: 'share-file' })).toEqual({ ok: true, value: { path: null } });
    expect(app.shown[0]).toMatchObject({ title: 'Choose a custody share file', buttonLabel: 'Choose' });

    expect(await app.api.setLanguage({ locale: 'zh-CN', chosen: true })).toEqual({
      ok: true,
      value: { locale: 'zh-CN', remembered: true },
    });
    await app.api.choosePath({ purpose: 'share-file' });
    const zh = translator('zh-CN').t;
    expect(app.shown[1]).toMatchObject({ title: zh('dialog.pick.share-file'), buttonLabel: zh('dialog.pick.button') });
    expect(app.shown[1]!.title).toMatch(HAN);
    expect(app.menus).toEqual([[zh('menu.file'), zh('menu.edit'), zh('menu.window'), zh('menu.help')]]);
    expect(app.menus[0]!.join('')).toMatch(HAN);

    // The next start reads the remembered choice before any screen says anything.
    expect(readRememberedLanguage(file)).toBe('zh-CN');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ format: 'keyferry-language/1', locale: 'zh-CN' });
  });

  it('a language the screens took from the system is used for the session, not remembered', async () => {
    const app = desktopApp(file);
    await app.api.setLanguage({ locale: 'zh-CN', chosen: true });
    expect(await app.api.setLanguage({ locale: 'en', chosen: false })).toEqual({
      ok: true,
      value: { locale: 'en', remembered: false },
    });
    await app.api.choosePath({ purpose: 'plan-file' });
    expect(app.shown[0]!.title).toBe('Choose the ceremony plan file (.json)');
    expect(readRememberedLanguage(file)).toBe('zh-CN');
    // Telling main the language it already speaks rebuilds nothing.
    await app.api.setLanguage({ locale: 'en', chosen: false });
    expect(app.menus).toHaveLength(2);
  });

  it('the contract offers exactly the languages Keyferry speaks', () => {
    expect(displayLocaleSchema.options).toEqual([...LOCALES, PSEUDO_LOCALE]);
  });

  it('refuses a language Keyferry does not speak, naming the field, and keeps the one it had', async () => {
    const app = desktopApp(file, 'zh-CN');
    const answer = await app.api.setLanguage({ locale: 'fr' as 'en', chosen: true });
    expect(answer).toMatchObject({
      ok: false,
      problem: { code: 'IPC_BAD_REQUEST', values: { channel: 'app.language', field: 'locale', rule: 'notOneOf' } },
    });
    const extra = await app.api.setLanguage({ locale: 'en', chosen: true, path: '/etc' } as never);
    expect(extra).toMatchObject({ ok: false, problem: { code: 'IPC_BAD_REQUEST' } });
    expect(app.language.current()).toBe('zh-CN');
    await expect(readFile(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('still switches when the choice cannot be stored, and says it was not remembered', async () => {
    // The userData folder is a file: nothing can be written under it.
    await writeFile(path.join(dir, 'userData'), 'not a folder');
    const app = desktopApp(file);
    expect(await app.api.setLanguage({ locale: 'zh-CN', chosen: true })).toEqual({
      ok: true,
      value: { locale: 'zh-CN', remembered: false },
    });
    expect(app.language.current()).toBe('zh-CN');
    expect(app.lines.join('\n')).toContain('language.not-remembered');
  });
});

describe('the remembered language file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kf-language-file-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is read only when it is a small regular file in the format Keyferry writes', async () => {
    const file = path.join(dir, 'language.json');
    expect(readRememberedLanguage(file)).toBeUndefined();
    await languageFile(file).remember('en-XA');
    expect(readRememberedLanguage(file)).toBe('en-XA');
    for (const text of [
      '{"format":"keyferry-language/1","locale":"fr"}',
      '{"format":"keyferry-language/2","locale":"zh-CN"}',
      '{"format":"keyferry-language/1","locale":"zh-CN","extra":1}',
      'zh-CN',
      `{"format":"keyferry-language/1","locale":"zh-CN"}${' '.repeat(2000)}`,
    ]) {
      await writeFile(file, text);
      expect(readRememberedLanguage(file), text.slice(0, 60)).toBeUndefined();
    }
    const real = path.join(dir, 'elsewhere.json');
    await writeFile(real, '{"format":"keyferry-language/1","locale":"zh-CN"}');
    const link = path.join(dir, 'linked.json');
    await symlink(real, link);
    expect(readRememberedLanguage(real)).toBe('zh-CN');
    expect(readRememberedLanguage(link)).toBeUndefined();
  });
});
