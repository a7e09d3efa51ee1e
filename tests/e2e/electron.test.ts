/**
 * The real app under Electron, driven by Playwright's `_electron` (unpackaged build: the packaged
 * binary may have the inspect fuse off, see electron-builder.yml). Where no Electron runtime
 * exists the whole suite is SKIPPED, with the reason in its title; KEYFERRY_REQUIRE_ELECTRON=1
 * first runs Electron's installer (a connected machine gets the runtime once) and turns a runtime
 * still missing into a failure.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-main/app/security/protocol-assets';
import { channels } from '../../src-main/ipc/contract';
import type { KeyferryApi } from '../../src-main/preload/api-factory';
import { buildAppInto } from '../support/app-build';
import { electronUnavailableReason, findElectronRuntime, installElectronRuntime } from './electron-runtime';

/** What page functions use of the page's globals (this project type-checks tests without the DOM lib). */
interface PageGlobals {
  keyferry: KeyferryApi;
  require?: unknown;
  process?: unknown;
  module?: unknown;
  __inlineRan?: boolean;
  location: { href: string };
  open(url: string): unknown;
  document: { createElement(tag: 'script'): { textContent: string | null }; body: { append(node: unknown): void } };
  navigator: { permissions: { query(descriptor: { name: string }): Promise<{ state: string }> } };
  Notification: { requestPermission(): Promise<string> };
}

const root = path.resolve(__dirname, '../..');
const required = process.env.KEYFERRY_REQUIRE_ELECTRON === '1';
// Asked for the real suite: fetch the runtime with Electron's installer first (once), as npm start does.
if (required) installElectronRuntime(root);
const unavailable = electronUnavailableReason(root);
const skip = unavailable !== null && !required;
if (skip) console.warn(`tests/e2e/electron.test.ts SKIPPED: ${unavailable}`);

describe.skipIf(skip)(`Keyferry under Electron${skip ? ` (SKIPPED: ${unavailable})` : ''}`, () => {
  let app: ElectronApplication;
  let page: Page;
  let userData: string;
  let stage: string | undefined;
  let server: Server;
  let serverUrl: string;
  const serverHits: string[] = [];

  beforeAll(async () => {
    if (unavailable) throw new Error(`KEYFERRY_REQUIRE_ELECTRON=1 but ${unavailable}`);
    const executablePath = findElectronRuntime(root) as string;
    // Built into a folder of its own under the shared build lock: never empties out/renderer
    // while the UI tests serve it.
    stage = await mkdtemp(path.join(os.tmpdir(), 'keyferry-e2e-app-'));
    await buildAppInto(stage);

    server = createServer((request, response) => {
      serverHits.push(request.url ?? '');
      response.end('reached');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

    userData = await mkdtemp(path.join(os.tmpdir(), 'keyferry-e2e-'));
    app = await _electron.launch({
      executablePath,
      args: [stage, `--user-data-dir=${userData}`],
      cwd: root,
      timeout: 60_000,
    });
    page = await app.firstWindow();
    await page.waitForSelector('h1');
  });

  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (userData) await rm(userData, { recursive: true, force: true });
    if (stage) await rm(stage, { recursive: true, force: true });
  });

  it('loads our page from app://keyferry/ with hardened webPreferences', async () => {
    expect(page.url()).toBe('app://keyferry/index.html');
    // What the window was created with, as the operations log records it.
    const logs = path.join(userData, 'logs');
    const text = (await Promise.all((await readdir(logs)).map((file) => readFile(path.join(logs, file), 'utf8')))).join(
      '',
    );
    const created = text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { event: string; data?: Record<string, unknown> })
      .find((entry) => entry.event === 'window.created');
    expect(created?.data).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      devTools: true,
    });
    // What the page can observe: no Node, and an API object only contextBridge (isolation on) can make.
    const globals = await page.evaluate(() => {
      const page = globalThis as unknown as PageGlobals;
      return {
        require: typeof page.require,
        process: typeof page.process,
        module: typeof page.module,
        api: Object.keys(page.keyferry).sort(),
      };
    });
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      api: [...Object.keys(channels), 'onProgress'].sort(),
    });
  });

  it('serves every app:// response with the strict CSP, and the page obeys it', async () => {
    const csp = await app.evaluate(async ({ session }) => {
      const response = await session.defaultSession.fetch('app://keyferry/index.html');
      return response.headers.get('content-security-policy');
    });
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    const inlineRan = await page.evaluate(() => {
      const page = globalThis as unknown as PageGlobals;
      const script = page.document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      page.document.body.append(script);
      return page.__inlineRan === true;
    });
    expect(inlineRan).toBe(false);
  });

  it('answers IPC from our page through the real handlers', async () => {
    const info = await page.evaluate(() => (globalThis as unknown as PageGlobals).keyferry.appInfo());
    expect(info).toMatchObject({ ok: true, value: { name: 'Keyferry', mode: null } });
    expect(info.ok && info.value.runtime.electron).toBeTruthy();
  });

  it('denies navigation and new windows', async () => {
    await page.evaluate((url) => {
      (globalThis as unknown as PageGlobals).location.href = url;
    }, serverUrl);
    const opened = await page.evaluate((url) => (globalThis as unknown as PageGlobals).open(url) === null, serverUrl);
    await page.waitForTimeout(500);
    expect(opened).toBe(true);
    expect(page.url()).toBe('app://keyferry/index.html');
    expect(app.windows()).toHaveLength(1);
    expect(serverHits).toEqual([]);
  });

  it('denies every permission request', async () => {
    const states = await page.evaluate(async () => {
      const page = globalThis as unknown as PageGlobals;
      return {
        geolocation: (await page.navigator.permissions.query({ name: 'geolocation' })).state,
        notifications: (await page.navigator.permissions.query({ name: 'notifications' })).state,
        requested: await page.Notification.requestPermission(),
      };
    });
    expect(states).toEqual({ geolocation: 'denied', notifications: 'denied', requested: 'denied' });
  });

  it('refuses IPC from a page that is not ours, even with our preload', async () => {
    const preload = path.join(stage as string, 'out/preload/index.js');
    const result = await app.evaluate(async ({ BrowserWindow }, preloadPath) => {
      const foreign = new BrowserWindow({
        show: false,
        webPreferences: { preload: preloadPath, sandbox: true, contextIsolation: true },
      });
      try {
        await foreign.loadURL('data:text/html,<title>foreign</title>');
        return await foreign.webContents.executeJavaScript('window.keyferry.appInfo()');
      } finally {
        foreign.destroy();
      }
    }, preload);
    expect(result).toMatchObject({ ok: false, problem: { code: 'IPC_UNTRUSTED_SENDER' } });
  });

  it('in air-gapped mode blocks network requests of the session', async () => {
    const choice = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).keyferry.chooseMode({ mode: 'air-gapped' }),
    );
    expect(choice).toEqual({ ok: true, value: { mode: 'air-gapped', networkGuard: 'offline' } });
    const outcome = await app.evaluate(async ({ BrowserWindow, session }, url) => {
      const probe = new BrowserWindow({ show: false });
      const load = await probe.loadURL(url).then(
        () => 'loaded',
        (error: Error) => error.message,
      );
      probe.destroy();
      const fetched = await session.defaultSession.fetch(url).then(
        () => 'fetched',
        (error: Error) => error.message,
      );
      return { load, fetched };
    }, serverUrl);
    expect(outcome.load).toMatch(/ERR_BLOCKED_BY_CLIENT|ERR_INTERNET_DISCONNECTED/);
    expect(outcome.fetched).not.toBe('fetched');
    expect(serverHits).toEqual([]);
    const locked = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).keyferry.chooseMode({ mode: 'online' }),
    );
    expect(locked).toMatchObject({ ok: false, problem: { code: 'MODE_LOCKED' } });
  });
});
