/**
 * Debian's Chromium driven by playwright-core, for tests that need a real browser: rendering, PDF
 * printing, DOM checks. Headless, no sandbox (tests run as root), and every background network
 * feature switched off. Its headless shell (apt package `chromium-headless-shell`: the same Chromium
 * version, engine and fonts, built without the browser's window layer; what Playwright itself runs
 * for headless tests) when installed, else the full browser (`/usr/bin/chromium`, package `chromium`)
 * in its headless mode: measured on the UI tests, the shell takes about a quarter less CPU (no
 * browser UI, no extra renderer per context), which the 2-core test run needs.
 *
 * One Chromium serves a whole test run: the global setup starts it as a Playwright browser server
 * when the run includes a file that drives a browser (`startChromiumServer`), and `launchChromium`
 * in a test process connects to it instead of launching its own (a launch costs a second or more of
 * wall time and about half a second of CPU; some thirty files drive a browser). Each file still
 * works in contexts of its own (storage, locale, time zone, viewport and offline routes are per
 * context), and closing a connected browser closes only the contexts that process made. Outside
 * such a run (a bench, a file whose run started no server) `launchChromium` launches one as before.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';

const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';
const FULL_CHROMIUM = '/usr/bin/chromium';

/** The browser the tests run: the headless shell when installed, else the full browser. */
export const CHROMIUM_PATH = existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : FULL_CHROMIUM;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The name under which the global setup provides the run's browser server endpoint. */
export const CHROMIUM_ENDPOINT = 'chromiumWsEndpoint';

declare module 'vitest' {
  export interface ProvidedContext {
    [CHROMIUM_ENDPOINT]: string;
  }
}

/** What in a test file's text shows that it drives a browser, itself or through a test helper. */
const DRIVES_A_BROWSER =
  /\b(?:launchChromium|chromiumPerFile|startBrowser|htmlToPdf|appPerLanguage|rehearsalSessionPerFile)\b/;

/** True when one of `files` (test file paths) drives a browser. */
export function anyDrivesABrowser(files: readonly string[]): boolean {
  return files.some((file) => DRIVES_A_BROWSER.test(readFileSync(file, 'utf8')));
}

/** Starts the run's browser server (tests/global-setup.ts); undefined when Chromium is not installed. */
export async function startChromiumServer(): Promise<BrowserServer | undefined> {
  if (!existsSync(CHROMIUM_PATH)) return undefined; // each browser test then fails saying what to install
  return chromium.launchServer({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Headless Chromium: the run's shared one when the global setup started it, otherwise a browser
 * of its own. Fails with the install command when Chromium is missing.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} is missing: install it with "apt-get install -y chromium-headless-shell chromium poppler-utils".`,
    );
  }
  // Imported only inside a test process: the benches load this file without vitest.
  const shared = process.env.VITEST ? (await import('vitest')).inject(CHROMIUM_ENDPOINT) : undefined;
  if (shared) return chromium.connect(shared);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A page in a fresh context where every network request is refused and recorded in `requests`
 * (so a test can assert a document fetched nothing).
 */
export async function newOfflinePage(
  browser: Browser,
): Promise<{ page: Page; requests: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ offline: true, javaScriptEnabled: true });
  const page = await context.newPage();
  const requests: string[] = [];
  await context.route('**/*', async (route) => {
    requests.push(route.request().url());
    await route.abort('blockedbyclient');
  });
  return { page, requests, close: () => context.close() };
}

/** The paper sizes a test prints on. */
export type PaperFormat = 'A4' | 'Letter';

/**
 * Prints `html` on `page` to a PDF at `outPath` in the given paper format, as a user's "Print to
 * PDF" would (print media, backgrounds on, the document's own @page margins). The document
 * replaces whatever the page showed.
 */
export async function printOnPage(page: Page, html: string, outPath: string, format: PaperFormat): Promise<void> {
  await page.setContent(html, { waitUntil: 'load' });
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format, printBackground: true, preferCSSPageSize: false });
  await writeFile(outPath, pdf);
}

/**
 * Prints `html` to a PDF at `outPath` (printOnPage) on a page of its own. Uses `browser` when
 * given, otherwise launches and closes its own.
 */
export async function htmlToPdf(html: string, outPath: string, format: PaperFormat, browser?: Browser): Promise<void> {
  const own = browser ? undefined : await launchChromium();
  const { page, close } = await newOfflinePage(browser ?? (own as Browser));
  try {
    await printOnPage(page, html, outPath, format);
  } finally {
    await close();
    await own?.close();
  }
}
