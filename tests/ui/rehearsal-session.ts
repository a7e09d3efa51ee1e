/**
 * One app in Chromium per test file, for a rehearsal run through the real UI: a temporary folder
 * with the ceremony folder and the removable media folder in it, and the online journal's entries.
 * Call at the top of a `describe`; its beforeAll/afterAll open and close everything.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { openApp, startBrowser, type UiSession } from './harness';

export interface RehearsalSession {
  readonly ui: UiSession;
  readonly page: Page;
  /** The ceremony folder chosen in the setup. */
  readonly folder: string;
  /** The removable media folder (bundles are written inside). */
  readonly media: string;
  /** The online journal's entries, as written so far. */
  journal(): Promise<{ event: string; actor: string; data: Record<string, unknown> }[]>;
}

export function rehearsalSessionPerFile(prefix: string): RehearsalSession {
  let browser: Browser | undefined;
  let ui: UiSession | undefined;
  let dir = '';
  const opened = (): UiSession => {
    if (!ui) throw new Error('the app is not open (call rehearsalSessionPerFile inside a describe)');
    return ui;
  };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    await Promise.all([mkdir(path.join(dir, 'ceremony')), mkdir(path.join(dir, 'media'))]);
    browser = await startBrowser();
    ui = await openApp(browser);
    ui.page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    for (const close of [() => ui?.close(), () => browser?.close()]) await close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    get ui() {
      return opened();
    },
    get page() {
      return opened().page;
    },
    get folder() {
      return path.join(dir, 'ceremony');
    },
    get media() {
      return path.join(dir, 'media');
    },
    journal: async () =>
      (await readFile(path.join(dir, 'ceremony', 'online-journal.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { event: string; actor: string; data: Record<string, unknown> }),
  };
}
