/**
 * Debian's Chromium (`/usr/bin/chromium`, apt package `chromium`) driven by playwright-core, for
 * tests that need a real browser: rendering, PDF printing, DOM checks. Headless, no sandbox (tests
 * run as root), and every background network feature switched off.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches headless Chromium; fails with the install command when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: install it with "apt-get install -y chromium poppler-utils".`);
  }
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

/**
 * Prints `html` to a PDF at `outPath` in the given paper format, as a user's "Print to PDF"
 * would (print media, backgrounds on, the document's own @page margins). Uses `browser` when
 * given, otherwise launches and closes its own.
 */
export async function htmlToPdf(
  html: string,
  outPath: string,
  format: 'A4' | 'Letter',
  browser?: Browser,
): Promise<void> {
  const own = browser ? undefined : await launchChromium();
  const { page, close } = await newOfflinePage(browser ?? (own as Browser));
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format, printBackground: true, preferCSSPageSize: false });
    await writeFile(outPath, pdf);
  } finally {
    await close();
    await own?.close();
  }
}
