/**
 * The UI test harness: Debian's Chromium (playwright-core) loads the built renderer
 * (out/renderer) through the app protocol's own asset reader and security headers (strict CSP),
 * served with `page.route` under http://localhost/ (a trustworthy origin, so COOP applies). `window.keyferry` is the preload
 * factory's object (bundled by esbuild from page-bridge.ts) whose transport is a Playwright
 * binding running the REAL router and handlers here (see ipc-recorder.ts). Every answer and
 * progress event is recorded for the IPC audit; every request leaving the page is recorded too.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readAppAsset } from '../../src-main/app/security/protocol-assets';
import { launchChromium } from '../support/chromium';
import { ensureRendererBuilt, RENDERER_OUT, ROOT } from './build-renderer';
import { createRecordedIpc, type RecordedIpc } from './ipc-recorder';

export const PAGE_ORIGIN = 'http://localhost';
export const SCREENS_DIR = path.join(ROOT, 'test-results', 'screens');

let bridgeScript: Promise<string> | undefined;

/** The page bridge as one IIFE (built once per process). */
export function pageBridgeScript(): Promise<string> {
  bridgeScript ??= import('esbuild').then(async (esbuild) => {
    const result = await esbuild.build({
      entryPoints: [path.join(__dirname, 'page-bridge.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'chrome120',
      write: false,
      logLevel: 'silent',
    });
    return result.outputFiles[0]?.text ?? '';
  });
  return bridgeScript;
}

export interface UiSession {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly ipc: RecordedIpc;
  /** URLs the page asked for outside the app origin (all refused). */
  readonly foreignRequests: string[];
  /** Console errors and uncaught exceptions (CSP violations are console errors). */
  readonly pageErrors: string[];
  /**
   * Saves a screenshot as test-results/screens/<name>.png (`zh-CN/start` makes the folder): the
   * whole page, or with `section` only that step of the screen (`[data-section]`: its heading,
   * content and outcome). A whole ceremony screen (4,000-7,000 px tall) costs Chromium about 1 CPU-s
   * to shoot, the part that changed about a quarter of that: a file shoots each screen whole once
   * and its later states by the step that changed.
   */
  screenshot(name: string, section?: string): Promise<void>;
  close(): Promise<void>;
}

export interface UiOptions {
  readonly ipc?: Parameters<typeof createRecordedIpc>[0];
  readonly viewport?: { width: number; height: number };
  /** 2 for a 200% zoom (CSS pixels halve, device pixels stay). */
  readonly deviceScaleFactor?: number;
  /** The browser's (the OS's) language, e.g. `zh-CN`, or `en-XA` for the pseudo-locale. */
  readonly locale?: string;
  /** The workstation's time zone as the page sees it, e.g. `Asia/Shanghai` (default: the test machine's). */
  readonly timezoneId?: string;
}

/** Builds the renderer if needed and launches Chromium (one per test file). */
export async function startBrowser(): Promise<Browser> {
  await ensureRendererBuilt();
  return launchChromium();
}

/** A fresh context and page on the app, with its own handlers and recorder. */
export async function openApp(browser: Browser, options: UiOptions = {}): Promise<UiSession> {
  const ipc = createRecordedIpc(options.ipc);
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    serviceWorkers: 'block',
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  /**
   * Progress events reach the page in the order they were sent, those sent in one turn of this
   * process's event loop in one evaluate, so the page renders once for the lot rather than once
   * per event (a 100-key step sends hundreds); a step's answer waits until its events are in.
   */
  let queuedEvents: unknown[] = [];
  let delivered: Promise<unknown> = Promise.resolve();
  const pushQueuedEvents = (): Promise<unknown> => {
    if (queuedEvents.length > 0) {
      const events = queuedEvents;
      queuedEvents = [];
      delivered = page
        .evaluate((payloads) => {
          const push = (globalThis as unknown as { __keyferryPush(p: unknown): void }).__keyferryPush;
          for (const payload of payloads) push(payload);
        }, events)
        .catch(() => undefined);
    }
    return delivered;
  };
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== PAGE_ORIGIN) {
      foreignRequests.push(url.href);
      await route.abort('blockedbyclient');
      return;
    }
    const asset = await readAppAsset(RENDERER_OUT, `app://keyferry${url.pathname}`, route.request().method());
    await route.fulfill({ status: asset.status, headers: { ...asset.headers }, body: asset.body ?? Buffer.alloc(0) });
  });
  await context.exposeBinding('__keyferryInvoke', async (_source, channel: string, payload: unknown) => {
    try {
      return await ipc.route(channel, payload);
    } finally {
      // Its last progress events first, as over Electron's one IPC channel.
      await pushQueuedEvents();
    }
  });
  await context.addInitScript({ content: await pageBridgeScript() });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`));
  ipc.onEvent = (event) => {
    if (queuedEvents.push(event) === 1) setImmediate(() => void pushQueuedEvents());
  };
  // Playwright's 30 s for a navigation fails under a load of 15-30 on 2 cores (the page runs the whole
  // renderer bundle before "load"); a page that never loads still fails, after 2 minutes.
  await page.goto(`${PAGE_ORIGIN}/index.html`, { timeout: 120_000 });
  mkdirSync(SCREENS_DIR, { recursive: true });
  return {
    page,
    context,
    ipc,
    foreignRequests,
    pageErrors,
    screenshot: async (name, section) => {
      const file = path.join(SCREENS_DIR, `${name}.png`);
      mkdirSync(path.dirname(file), { recursive: true });
      // A full page at 200% zoom on a loaded machine takes longer than the page's 15 s for an action.
      if (section === undefined) await page.screenshot({ path: file, fullPage: true, timeout: 60_000 });
      else await page.locator(`[data-section="${section}"]`).screenshot({ path: file, timeout: 60_000 });
    },
    close: async () => {
      await context.close();
      await ipc.close();
    },
  };
}
