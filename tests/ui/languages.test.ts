/**
 * The screens in Simplified Chinese and in the pseudo-locale: every screen of a rehearsal in
 * zh-CN (screenshots in test-results/screens/zh-CN/, the shipped Noto Sans SC in use, a Chinese
 * officer name on screen), the 200% zoom check in Chinese, a pseudo-locale (en-XA) pass in which
 * any text not from the catalogue stands out, and the language switch remembered across reloads.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator, type Translator } from '../../src-main/i18n/translate';
import { openApp, startBrowser, type UiSession } from './harness';

const OFFICER = '张伟';
const WITNESS = '李娜';

/** Visible text outside values (.mono, .file-name, code, pre, a journal's recorded text) that still has ASCII words. */
const untranslatedText = (page: Page) =>
  page.evaluate<string[]>(`(() => {
    const ALLOWED = [
      /⟦[^⟧]*⟧/g, // from the catalogue
      /\\/[\\w./-]+/g, // paths
      /[\\w.-]+\\.(?:jsonl|json|html|txt|pdf|bin|b64|der|pem)\\b/g, // file names
      /\\b(?:AES|RSA|EC)_\\w+/g, // key specs
      /\\b[A-Z][A-Z0-9_.]{2,}\\b/g, // codes
      /\\bgit\\.[0-9a-f]+\\b|\\bdev\\b/g, // build id
    ];
    const flagged = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('.mono, .file-name, .recorded, code, pre, script, style')) continue;
      let text = node.textContent || '';
      for (const pattern of ALLOWED) text = text.replace(pattern, ' ');
      if (/[A-Za-z]{3,}/.test(text)) flagged.push((node.textContent || '').trim());
    }
    return flagged;
  })()`);

const notoSansScLoaded = (page: Page) =>
  page.evaluate<boolean>(
    `[...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Noto Sans SC' && f.status === 'loaded')`,
  );

const horizontalOverflow = (page: Page) =>
  page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

/** How far the scrolling frame around the table `table` is wider than it shows (0 when nothing scrolls sideways). */
const frameOverflow = (page: Page, table: string) =>
  page.evaluate<number>(
    `(() => { const e = document.querySelector('.table-wrap:has(${table})'); return e.scrollWidth - e.clientWidth; })()`,
  );

/** The label a stacked table's cell shows before its value (its data-label, from the catalogue). */
const cellLabel = (page: Page, cell: string) =>
  page.evaluate<string>(`getComputedStyle(document.querySelector(${JSON.stringify(cell)}), '::before').content`);

const htmlLang = (page: Page) => page.evaluate<string>('document.documentElement.lang');

/** How many lines the text of the first element matching `selector` takes on screen. */
const lineBoxes = (page: Page, selector: string) =>
  page.evaluate<number>(`(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector(${JSON.stringify(selector)}));
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  })()`);

/** Start → setup → online (simulator, one key with a replica in another region, parameters fetched), as a Chinese or pseudo officer would. */
async function rehearseToParameters(ui: UiSession, t: Translator['t'], folder: string, shots: string | null) {
  const { page } = ui;
  await mkdir(folder, { recursive: true });
  await page.getByRole('heading', { level: 1, name: t('start.heading') }).waitFor();
  if (shots) await ui.screenshot(`${shots}/start`);
  await page.getByRole('button', { name: t('common.continue'), exact: true }).click();
  await page.getByLabel(t('setup.title'), { exact: true }).fill('密钥仪式 2026');
  await page.getByLabel(t('setup.operator'), { exact: true }).fill(OFFICER);
  await page.getByLabel(t('setup.witness', { n: 1 }), { exact: true }).fill(WITNESS);
  await page.getByLabel(t('setup.folder'), { exact: true }).fill(folder);
  if (shots) await ui.screenshot(`${shots}/setup`);
  await page.getByRole('button', { name: t('setup.save-and-continue'), exact: true }).click();
  await page.getByRole('button', { name: t('connect.start-simulator'), exact: true }).click();
  await page.getByText(t('connect.connected-to'), { exact: true }).waitFor();
  await page.getByLabel(t('create.alias', { n: 1 }), { exact: true }).fill('zz/1');
  const other = page.locator('[data-section="online-connect"] li[data-region="sim-local-2"]');
  // The project id (32 hex digits) before the region in brackets, which Chinese writes without a space.
  const projectId = /[0-9a-f]{32}/.exec((await other.textContent()) ?? '')?.[0] ?? '';
  await page.getByRole('button', { name: t('create.replica.add', { n: 1 }), exact: true }).click();
  await page.getByLabel(t('create.replica.region', { m: 1, n: 1 }), { exact: true }).fill('sim-local-2');
  await page.getByLabel(t('create.replica.project', { m: 1, n: 1 }), { exact: true }).fill(projectId);
  await page.getByRole('button', { name: t('create.button', { count: 1 }), exact: true }).click();
  await page.getByRole('button', { name: t('params.fetch'), exact: true }).click();
  await page.locator('.issued code.hex').first().waitFor();
}

const FULL_SIZE = { width: 1280, height: 900 };
const ZOOM_200 = { width: 640, height: 450 };

const SCREENS = [
  ['nav.online', 'online'],
  ['nav.air-gapped', 'air-gapped'],
  ['nav.custody', 'custody'],
  ['nav.restore', 'restore'],
  ['nav.journal', 'journal'],
  ['nav.setup', 'setup-saved'],
] as const;

describe('the screens in Chinese and in the pseudo-locale', () => {
  let browser: Browser;
  let dir: string;
  const sessions: UiSession[] = [];
  const open = async (options: Parameters<typeof openApp>[1]) => {
    const ui = await openApp(browser, options);
    ui.page.setDefaultTimeout(15_000);
    sessions.push(ui);
    return ui;
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kf-ui-lang-'));
    browser = await startBrowser();
  });
  afterAll(async () => {
    for (const s of sessions) await s.close();
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('shows every screen in Simplified Chinese, in the shipped font, with a Chinese officer name; reflows at 200% zoom without horizontal scrolling', async () => {
    const { t } = translator('zh-CN');
    // 200% zoom of a 1280 x 900 screen is 640 x 450 CSS pixels: the start screen there first, the
    // ceremony's screens at 1280, then the online screen of the same ceremony back at 640 (end of test).
    const ui = await open({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: ZOOM_200 });
    const { page } = ui;
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await ui.screenshot('zh-CN/start-zoom-200');
    await page.setViewportSize(FULL_SIZE);
    await rehearseToParameters(ui, t, path.join(dir, 'zh'), 'zh-CN');
    expect(await htmlLang(page)).toBe('zh-Hans-CN');
    // The import token's validity as the receipt says a moment: the workstation's clock in Chinese, then UTC.
    expect(await page.locator('table.issued tbody tr td:last-child').first().innerText()).toMatch(
      /^\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d:\d\d UTC\+08:00（Asia\/Shanghai）（\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC）$/,
    );
    // The replica-group column's header is one word on one line at 1280 px.
    expect(await lineBoxes(page, 'table.key-table thead th:nth-child(7)')).toBe(1);
    for (const [nav, name] of SCREENS) {
      await page
        .getByRole('navigation')
        .getByRole('button', { name: t(nav), exact: true })
        .click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      if (name === 'journal') {
        // A long journaled string (the import token, the wrapping key) is shortened with its length said in Chinese.
        await page.locator('table.journal .shortened').first().waitFor();
        expect(await page.locator('table.journal .shortened').first().innerText()).toMatch(
          /^（文件中共 [\d,]+ 个字符）$/,
        );
        expect(await page.locator('table.journal').innerText()).not.toMatch(/characters/);
        // Times as the receipt prints them: the workstation's clock in Chinese, then UTC; never raw ISO.
        const time = await page.locator('table.journal tbody tr td:nth-child(2)').first().innerText();
        expect(time).toMatch(
          /^\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d:\d\d UTC\+08:00（Asia\/Shanghai）（\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC）$/,
        );
        // Headers and the person's name are not broken between characters (执/行/人 on three lines).
        expect(await lineBoxes(page, 'table.journal thead th:nth-child(3)')).toBe(1);
        expect(await lineBoxes(page, 'table.journal tbody tr td:nth-child(3)')).toBe(1);
        // The data column: labelled fields in Chinese, moments and hex as on the receipt, never JSON.
        const data = await page.locator('table.journal td.data').allInnerTexts();
        expect(data.filter((cell) => /[{}"]|\d{4}-\d\d-\d\dT\d\d:/.test(cell))).toEqual([]);
        const dataText = data.join('\n');
        expect(dataText).toContain('密钥 ID：');
        expect(dataText).toMatch(/导入令牌到期时间：\s*\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d:\d\d UTC\+08:00/);
        expect(dataText).toMatch(/包装密钥指纹：\s*(?:[0-9A-F]{4} ){15}[0-9A-F]{4}/);
        const times = await page.locator('table.journal tbody tr td:nth-child(2)').allInnerTexts();
        expect(times.filter((cell) => /\d{4}-\d\d-\d\dT\d\d:/.test(cell))).toEqual([]);
      }
      if (name === 'air-gapped') {
        // "包装密钥材料" and "写入已包装密钥材料包" side by side, not touching (they were glued).
        const [wrap, write] = await Promise.all(
          [t('wrap.button'), t('wrapped.write')].map((label) =>
            page.getByRole('button', { name: label, exact: true }).boundingBox(),
          ),
        );
        expect((write?.x ?? 0) - ((wrap?.x ?? 0) + (wrap?.width ?? 0))).toBeGreaterThanOrEqual(6);
      }
      await ui.screenshot(`zh-CN/${name}`);
    }
    await page
      .getByRole('navigation')
      .getByRole('button', { name: t('nav.online'), exact: true })
      .click();
    await expect.poll(() => page.getByText(OFFICER).count()).toBeGreaterThan(0);
    expect(await notoSansScLoaded(page)).toBe(true);

    await page.setViewportSize(ZOOM_200);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // The key table stacks each key as labelled lines instead of scrolling sideways in its frame.
    expect(await frameOverflow(page, 'table.key-table')).toBeLessThanOrEqual(0);
    expect(await page.locator('table.key-table tbody td.group').first().textContent()).not.toBe('');
    expect(await cellLabel(page, 'table.key-table tbody td.group')).toBe(`"${t('ckeys.col.group')}："`);
    // So does the table of issued import parameters (it scrolled sideways): fingerprint and token validity labelled.
    expect(await frameOverflow(page, 'table.issued')).toBeLessThanOrEqual(0);
    expect(await cellLabel(page, 'table.issued tbody td.moment')).toBe(`"${t('params.col.token')}："`);
    // "1 个副本组" one line; a replica group's description a few characters a line, not two.
    expect(await lineBoxes(page, '.key-summary .tally:last-child')).toBe(1);
    expect(await lineBoxes(page, 'table.key-table tbody td.group')).toBeLessThanOrEqual(3);
    await ui.screenshot('zh-CN/online-zoom-200');
    expect(ui.pageErrors).toEqual([]);
  }, 240_000);

  it('pseudo-locale: no screen shows text that did not come from the catalogue', async () => {
    const { t } = translator('en-XA');
    const ui = await open({ locale: 'en-XA' });
    const { page } = ui;
    await rehearseToParameters(ui, t, path.join(dir, 'pseudo'), null);
    const escaped: Record<string, string[]> = {};
    for (const [nav, name] of SCREENS) {
      await page
        .getByRole('navigation')
        .getByRole('button', { name: t(nav), exact: true })
        .click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      const flagged = await untranslatedText(page);
      if (flagged.length > 0) escaped[name] = flagged;
    }
    expect(escaped).toEqual({});
  }, 240_000);

  it('switches to Chinese on the start screen and remembers the choice', async () => {
    const ui = await open({ locale: 'en-US' });
    const { page } = ui;
    await page.getByRole('heading', { level: 1, name: 'Keyferry key ceremony' }).waitFor();
    // The switch lines up with its label and the screen's column (it stuck out to the right by 0.5rem).
    const label = await page.locator('.language-switch label').boundingBox();
    const select = await page.getByLabel('Language', { exact: true }).boundingBox();
    const column = await page.locator('.language-switch').boundingBox();
    expect(select?.x).toBe(label?.x);
    expect((select?.x ?? 0) + (select?.width ?? 0)).toBeLessThanOrEqual((column?.x ?? 0) + (column?.width ?? 0));
    await page.getByLabel('Language', { exact: true }).selectOption('zh-CN');
    await page.getByRole('heading', { level: 1, name: translator('zh-CN').t('start.heading') }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: translator('zh-CN').t('start.heading') }).waitFor();
    expect(await htmlLang(page)).toBe('zh-Hans-CN');
  }, 240_000);
});
