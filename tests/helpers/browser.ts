/**
 * Test helper: one headless Chromium (tests/support/chromium.ts) for the test file that calls
 * `chromiumPerFile()` at its top level: launched before the file's first test, closed after its
 * last. The function it returns hands the browser out inside tests and hooks. `printerPerFile()`
 * adds one offline page on which the file prints every document it prints.
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, newOfflinePage, printOnPage, type PaperFormat } from '../support/chromium';

/** Launches Chromium for this file (creating `outFolder` first, for the PDFs and pictures a test keeps). */
export function chromiumPerFile(outFolder?: string): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (outFolder) mkdirSync(outFolder, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running: use the browser inside a test or hook');
    return browser;
  };
}

/**
 * Chromium for this file (chromiumPerFile) and one offline page, opened at the first print, that
 * prints each document the file prints to a PDF, one after another: each document replaces the
 * last one whole. A context and page of their own for each print cost about 0.7 CPU-s and, under
 * load, 2 s more per PDF.
 */
export function printerPerFile(outFolder?: string): {
  readonly browser: () => Browser;
  readonly print: (html: string, pdfPath: string, format?: PaperFormat) => Promise<void>;
} {
  const browser = chromiumPerFile(outFolder);
  let offline: ReturnType<typeof newOfflinePage> | undefined;
  // Registered after chromiumPerFile's: vitest runs after-hooks last-registered first, so the page
  // closes before its browser.
  afterAll(async () => {
    await (await offline)?.close();
  });
  return {
    browser,
    print: async (html, pdfPath, format = 'A4') => {
      offline ??= newOfflinePage(browser());
      await printOnPage((await offline).page, html, pdfPath, format);
    },
  };
}
