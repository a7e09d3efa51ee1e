/**
 * Test helper: one headless Chromium (tests/support/chromium.ts) for the test file that calls
 * `chromiumPerFile()` at its top level: launched before the file's first test, closed after its
 * last. The function it returns hands the browser out inside tests and hooks.
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../support/chromium';

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
