/**
 * Chromium and one English app for a UI test file that walks a rehearsal in it: call at the top
 * of a `describe`; its beforeAll makes a temporary folder with `ceremony/` and `media/` in it,
 * starts Chromium (building the renderer if needed) and opens the app; its afterAll closes them
 * and removes the folder. The returned function gives them inside a test.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { openApp, startBrowser, type UiSession } from './harness';

export interface OneApp {
  readonly ui: UiSession;
  /** The file's temporary folder. */
  readonly dir: string;
  /** `ceremony/` in it, empty at first: the setup's ceremony folder. */
  readonly folder: string;
  /** `media/` in it, empty at first: the removable medium. */
  readonly media: string;
}

export function oneApp(prefix: string): () => OneApp {
  let dir = '';
  let browser: Browser | undefined;
  let opened: OneApp | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    const folder = path.join(dir, 'ceremony');
    const media = path.join(dir, 'media');
    await Promise.all([mkdir(folder), mkdir(media)]);
    browser = await startBrowser();
    const ui = await openApp(browser);
    ui.page.setDefaultTimeout(30_000);
    opened = { ui, dir, folder, media };
  }, 180_000);
  afterAll(async () => {
    await opened?.ui.close();
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return () => {
    if (!opened) throw new Error('The app is not open: use it inside a test');
    return opened;
  };
}
