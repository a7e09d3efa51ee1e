/**
 * Chromium for a UI test file whose tests each open the app in one language: call at the top of a
 * `describe`; its beforeAll starts Chromium (building the renderer if needed) in a temporary
 * folder, its afterAll closes every app opened and removes the folder. `open(lang)` opens the app
 * in that browser language with that language's translator and an empty ceremony folder and
 * removable media folder of its own (`ceremony-<lang>`, `media-<lang>`; a `name` tells two apart).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { translator, type Translator } from '../../src-main/i18n/translate';
import { openApp, startBrowser, type UiOptions, type UiSession } from './harness';

export type AppLanguage = 'en' | 'zh-CN';

export interface AppInLanguage {
  readonly ui: UiSession;
  readonly page: Page;
  readonly t: Translator['t'];
  /** An empty folder for the setup's ceremony folder. */
  readonly folder: string;
  /** An empty folder standing for the removable medium. */
  readonly media: string;
}

export interface AppsPerFile {
  /** The file's temporary folder (inside a test or hook). */
  dir(): string;
  open(lang: AppLanguage, options?: { name?: string; ui?: UiOptions }): Promise<AppInLanguage>;
}

export function appPerLanguage(prefix: string): AppsPerFile {
  let browser: Browser | undefined;
  let dir = '';
  const sessions: UiSession[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    browser = await startBrowser();
  }, 180_000);
  afterAll(async () => {
    for (const s of sessions) await s.close();
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    dir: () => dir,
    open: async (lang, options = {}) => {
      if (!browser) throw new Error('Chromium is not running: open the app inside a test');
      const ui = await openApp(browser, { ...(lang === 'en' ? {} : { locale: lang }), ...options.ui });
      sessions.push(ui);
      // As one-app.ts: a step's wait under a loaded CI machine (checks beside three Vitest workers on two
      // cores) ran past 20 s once where it takes 6 s alone; a refusal still fails at once (page-helpers.ts succeeded).
      ui.page.setDefaultTimeout(30_000);
      const suffix = options.name ? `${options.name}-${lang}` : lang;
      const folder = path.join(dir, `ceremony-${suffix}`);
      const media = path.join(dir, `media-${suffix}`);
      await Promise.all([mkdir(folder), mkdir(media)]);
      return { ui, page: ui.page, t: translator(lang).t, folder, media };
    },
  };
}
