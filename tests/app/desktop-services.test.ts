/**
 * The desktop's pickers and PDF writer (src-main/app/dialogs.ts, printing.ts) behind the real
 * router and handlers, with Electron faked at its documented surface: `dialog.showOpenDialog`
 * (options.defaultPath) and `BrowserWindow` / `webContents.printToPDF` (options.pageSize,
 * preferCSSPageSize) / `session.fromPartition`. What the officer notices: the picker opens where
 * they are working, not in Downloads; the PDF is on the paper chosen at setup.
 */
import { menuTemplate } from '../../src-main/app/menu-template';
import { pathPurposeSchema } from '../../src-main/ipc/schemas/records';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type {
  BrowserWindowConstructorOptions,
  OpenDialogOptions,
  PrintToPDFOptions,
  WebContentsPrintOptions,
} from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { choosePath, type OpenDialog } from '../../src-main/app/dialogs';
import { createReceiptPrinter, type PrintingElectron } from '../../src-main/app/printing';
import { PAPER_SIZES } from '../../src-main/core/receipt/paper-size';
import type { HandlerContext } from '../../src-main/ipc/context';
import { paperSizeSchema } from '../../src-main/ipc/schemas/ceremony';
import type { DesktopServices } from '../../src-main/ipc/desktop-services';
import { createHandlers } from '../../src-main/ipc/handlers';
import { storeReceipt } from '../../src-main/ipc/handlers/receipt';
import { CeremonySession } from '../../src-main/ipc/handlers/session';
import { createModeController } from '../../src-main/ipc/mode';
import { createIpcRouter } from '../../src-main/ipc/router';
import { fakeCredentialVault } from '../ipc/fake-credential-vault';
import { memoryLog } from '../ipc/test-context';

const folders: string[] = [];
const sessions: CeremonySession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'keyferry-desktop-'));
  folders.push(folder);
  return folder;
}

/** Electron's dialog.showOpenDialog, faked: records the options, answers with `next` (or cancels). */
function fakeDialog() {
  const opened: OpenDialogOptions[] = [];
  const answers: string[] = [];
  const dialog = {
    showOpenDialog: async (first: unknown, second?: OpenDialogOptions) => {
      opened.push((second ?? first) as OpenDialogOptions);
      const next = answers.shift();
      return next ? { canceled: false, filePaths: [next] } : { canceled: true, filePaths: [] };
    },
  } as unknown as OpenDialog;
  return { dialog, opened, answerNext: (file: string) => answers.push(file) };
}

/** Electron's BrowserWindow and session for the print window, faked: records printToPDF's options. */
function fakePrintingElectron() {
  const printed: PrintToPDFOptions[] = [];
  const sentToPrinter: WebContentsPrintOptions[] = [];
  const windows: BrowserWindowConstructorOptions[] = [];
  const noop = () => undefined;
  class FakeBrowserWindow {
    readonly webContents = {
      printToPDF: async (options: PrintToPDFOptions) => {
        printed.push(options);
        return Buffer.from(`%PDF-1.7 fake ${options.pageSize as string}`);
      },
      print: (options: WebContentsPrintOptions, done: (success: boolean, reason: string) => void) => {
        sentToPrinter.push(options);
        done(true, '');
      },
    };
    constructor(options: BrowserWindowConstructorOptions) {
      windows.push(options);
    }
    async loadURL() {}
    destroy() {}
  }
  const session = {
    fromPartition: () => ({
      setPermissionRequestHandler: noop,
      setPermissionCheckHandler: noop,
      setDevicePermissionHandler: noop,
      setDisplayMediaRequestHandler: noop,
      setSpellCheckerEnabled: noop,
      webRequest: { onBeforeRequest: noop },
    }),
  };
  return {
    electron: { BrowserWindow: FakeBrowserWindow, session } as unknown as PrintingElectron,
    printed,
    sentToPrinter,
    windows,
  };
}

async function openApp() {
  const { log } = memoryLog();
  const picker = fakeDialog();
  const printing = fakePrintingElectron();
  const printer = createReceiptPrinter(printing.electron, log);
  const desktop: DesktopServices = {
    choosePath: (purpose, startFolder) => choosePath(picker.dialog, null, purpose, startFolder),
    printReceipt: (html, paperSize) => printer.printReceipt(html, paperSize),
    saveReceiptPdf: (html, folder, fileName, paperSize) => printer.saveReceiptPdf(html, folder, fileName, paperSize),
    credentialVault: fakeCredentialVault(),
  };
  const context: HandlerContext = {
    mode: createModeController(async () => undefined),
    now: () => new Date(),
    log,
    identity: { name: 'Keyferry', version: '0.1.0', build: 'test' },
    reportProgress: () => undefined,
    desktop,
  };
  const session = new CeremonySession(context, {});
  sessions.push(session);
  const router = createIpcRouter(createHandlers(context, { session }), log);
  const call = async <T>(channel: string, payload?: unknown) => {
    const answer = (await router.route(channel, payload)) as { ok: boolean; value: T; problem?: unknown };
    expect(answer.problem).toBeUndefined();
    return answer.value;
  };
  return { call, session, picker, printing };
}

describe('native pickers open where the officer is working (not in Downloads)', () => {
  it('at the removable volume chosen in the field, then at the last folder picked, else the ceremony folder', async () => {
    const { call, picker } = await openApp();
    const ceremony = await tempFolder();
    const volume = await tempFolder(); // e.g. /media/officer/KEYFERRY-01, chosen from the volume list
    await call('mode.choose', { mode: 'air-gapped' });
    await call('ceremony.setup', { title: 'T', operator: 'Ana', witnesses: ['Ben'], folder: ceremony });

    // Nothing picked yet, field empty: the ceremony folder.
    await call('dialog.choose-path', { purpose: 'read-bundle' });
    expect(picker.opened.at(-1)?.defaultPath).toBe(ceremony);

    // The field holds the chosen volume: the picker opens there.
    const bundle = path.join(volume, 'params-2026-11-30');
    await mkdir(bundle);
    picker.answerNext(bundle);
    expect(await call('dialog.choose-path', { purpose: 'read-bundle', startIn: volume })).toEqual({ path: bundle });
    expect(picker.opened.at(-1)).toMatchObject({
      defaultPath: volume,
      properties: expect.arrayContaining(['openDirectory']),
    });

    // Next picker with an empty field: the last folder picked in this ceremony.
    await call('dialog.choose-path', { purpose: 'write-bundle' });
    expect(picker.opened.at(-1)?.defaultPath).toBe(bundle);

    // A file picked: the next picker opens at that file's folder.
    const material = path.join(volume, 'material.bin');
    await writeFile(material, 'x');
    picker.answerNext(material);
    await call('dialog.choose-path', { purpose: 'material-file' });
    await call('dialog.choose-path', { purpose: 'share-file' });
    expect(picker.opened.at(-1)?.defaultPath).toBe(volume);

    // A path typed that does not exist yet: its nearest existing folder.
    await call('dialog.choose-path', { purpose: 'write-bundle', startIn: path.join(volume, 'not-yet', 'deeper') });
    expect(picker.opened.at(-1)?.defaultPath).toBe(volume);
  });

  it('every picker of a session has a start folder once the ceremony has one', async () => {
    const { call, picker } = await openApp();
    const ceremony = await tempFolder();
    await call('mode.choose', { mode: 'online' });
    await call('ceremony.setup', { title: 'T', operator: 'Ana', witnesses: ['Ben'], folder: ceremony });
    for (const purpose of ['save-receipt', 'custody-folder', 'console-file', 'write-bundle'] as const) {
      await call('dialog.choose-path', { purpose });
    }
    expect(picker.opened.map((options) => options.defaultPath)).toEqual([ceremony, ceremony, ceremony, ceremony]);
  });
});

describe('receipt PDFs on the paper chosen at setup', () => {
  /** A written receipt, as the workflow leaves it, stored in the session as the handlers do. */
  async function storedReceipt(session: CeremonySession, folder: string) {
    const html = '<!doctype html><title>receipt</title><p>receipt';
    const text = 'receipt\n';
    await writeFile(path.join(folder, 'receipt-air-gapped.html'), html);
    await writeFile(path.join(folder, 'receipt-air-gapped.txt'), text);
    const sha = (value: string) => createHash('sha256').update(value).digest('hex');
    await storeReceipt(session, 'air-gapped', {
      htmlFile: path.join(folder, 'receipt-air-gapped.html'),
      textFile: path.join(folder, 'receipt-air-gapped.txt'),
      htmlSha256: sha(html),
      textSha256: sha(text),
      journalHead: 'a'.repeat(64),
      journalCount: 3,
    });
  }

  for (const paperSize of ['Letter', 'A4'] as const) {
    it(`${paperSize}: printToPDF gets pageSize ${paperSize}, and the page's CSS does not override it`, async () => {
      const { call, session, printing } = await openApp();
      const ceremony = await tempFolder();
      const out = await tempFolder();
      await call('mode.choose', { mode: 'air-gapped' });
      const setup = await call<{ paperSize: string }>('ceremony.setup', {
        title: 'T',
        operator: 'Ana',
        witnesses: ['Ben'],
        folder: ceremony,
        paperSize,
      });
      expect(setup.paperSize).toBe(paperSize);
      await storedReceipt(session, ceremony);
      const saved = await call<{ file: string }>('receipt.save-pdf', { side: 'air-gapped', folder: out });
      expect(printing.printed).toEqual([{ pageSize: paperSize, preferCSSPageSize: false, printBackground: true }]);
      expect(await readFile(path.join(out, saved.file), 'utf8')).toBe(`%PDF-1.7 fake ${paperSize}`);
      // Printing on paper pre-selects the same page size.
      await call('receipt.print', { side: 'air-gapped' });
      expect(printing.sentToPrinter).toEqual([{ printBackground: true, pageSize: paperSize }]);
      // The print window is the hardened, script-less one.
      expect(printing.windows[0]?.webPreferences).toMatchObject({ javascript: false, sandbox: true });
    });
  }

  it('A4 when setup leaves the paper out', async () => {
    const { call } = await openApp();
    await call('mode.choose', { mode: 'rehearsal' });
    const setup = await call<{ paperSize: string }>('ceremony.setup', {
      title: 'T',
      operator: 'Ana',
      witnesses: ['Ben'],
    });
    expect(setup.paperSize).toBe('A4');
    // The IPC schema lists the same papers as core (it cannot import core: the renderer compiles it).
    expect(paperSizeSchema.options).toEqual([...PAPER_SIZES]);
  });

  it('the paper is journaled with the ceremony record when the online side starts', async () => {
    const { call, session } = await openApp();
    await call('mode.choose', { mode: 'rehearsal' });
    await call('ceremony.setup', { title: 'T', operator: 'Ana', witnesses: ['Ben'], paperSize: 'Letter' });
    folders.push(session.requireSetup().folder);
    await call('rehearsal.start');
    const journal = (await readFile(session.journalPath('online'), 'utf8')).trim().split('\n');
    const started = JSON.parse(journal[0] as string) as { event: string; data: { paperSize?: string } };
    expect(started.data.paperSize).toBe('Letter');
  });
});

describe('pickers and the menu speak the app language', () => {
  it('titles every picker and its button in zh-CN (and English by default), naming what to choose', async () => {
    const picker = fakeDialog();
    for (const purpose of pathPurposeSchema.options) {
      await choosePath(picker.dialog, null, purpose, undefined, 'zh-CN');
      await choosePath(picker.dialog, null, purpose);
    }
    const zh = picker.opened.filter((_, i) => i % 2 === 0);
    const en = picker.opened.filter((_, i) => i % 2 === 1);
    expect(new Set(zh.map((o) => o.title)).size).toBe(pathPurposeSchema.options.length);
    for (const options of zh) {
      expect(options.title).toMatch(/^选择/);
      expect(options.title).not.toMatch(/[A-Za-z]{2,}\s+[A-Za-z]{2,}/);
      expect(options.buttonLabel).toBe('选择');
    }
    expect(en.map((o) => o.title)).toContain('Choose the ceremony folder');
    expect(en.every((o) => o.buttonLabel === 'Choose')).toBe(true);
    const labels = menuTemplate('linux', 'zh-CN').map((menu) => menu.label);
    expect(labels).toEqual(['文件', '编辑', '窗口', '帮助']);
  });
});
