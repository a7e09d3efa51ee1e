/**
 * The receipt language on the setup screen of a later session (the app started again on a journal
 * that records one): none is shown chosen until the officer picks one, so the journal's is kept
 * when the setup is left untouched, also when the setup is saved a second time; and the language
 * the app speaks can be picked for it (a default shown checked could not be: a click on it changed
 * nothing). Real handlers, real journal, real Chromium.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { translator } from '../../src-main/i18n/translate';
import { openApp, startBrowser, type UiSession } from './harness';
import { navigate, step } from './page-helpers';

const LANGUAGES = ['English', '简体中文 (Simplified Chinese)', 'Both, side by side (English | 简体中文)'];

let browser: Browser;
let dir: string;
const sessions: UiSession[] = [];
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-ui-receipt-language-'));
  browser = await startBrowser();
});
afterAll(async () => {
  for (const s of sessions) await s.close();
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The app on the air-gapped side, its setup filled in for `folder`; `language` picked when given. */
async function airGappedSetup(folder: string, language?: string): Promise<UiSession> {
  const ui = await openApp(browser, {});
  ui.page.setDefaultTimeout(15_000);
  sessions.push(ui);
  const { page } = ui;
  await page.getByRole('radio', { name: 'Air-gapped workstation' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Ceremony title', { exact: true }).fill('Receipt language test');
  await page.getByLabel('Operator', { exact: true }).fill('Ana');
  await page.getByLabel('Witness 1', { exact: true }).fill('Ben');
  await page.getByLabel('Ceremony folder', { exact: true }).fill(folder);
  if (language) await page.getByRole('radio', { name: language, exact: true }).click();
  return ui;
}

/** Saves the setup and starts the session (the network check journals its start). */
async function saveAndStart(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Air-gapped workstation' }).waitFor();
  await step(page, 'Check the network', 'air-network');
}

const checkedLanguages = async (page: Page) => {
  const checked: string[] = [];
  for (const name of LANGUAGES)
    if (await page.getByRole('radio', { name, exact: true }).isChecked()) checked.push(name);
  return checked;
};

/** The receipt language each session of the air-gapped journal in `folder` recorded at its start. */
const sessionLanguages = async (folder: string) =>
  (await readFile(path.join(folder, 'air-gapped-journal.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { event: string; data: Record<string, unknown> })
    .filter((e) => e.event === 'ceremony.session-started')
    .map((e) => e.data.receiptLanguage);

it('a later session left untouched keeps the journal’s receipt language, saved twice too; the app’s own can be picked', async () => {
  const folder = path.join(dir, 'cold-room');
  await mkdir(folder);
  const first = await airGappedSetup(folder, LANGUAGES[2]);
  await saveAndStart(first.page);
  await first.close();
  expect(await sessionLanguages(folder)).toEqual(['both']);

  // The app started again: no language is shown as chosen, not even the app's.
  const later = await airGappedSetup(folder);
  expect(await checkedLanguages(later.page)).toEqual([]);
  await later.page.getByRole('button', { name: 'Save and continue' }).click();
  await later.page.getByRole('heading', { level: 1, name: 'Air-gapped workstation' }).waitFor();
  // Back to the setup (a witness's name to mend, say) and saved again: still none chosen.
  await navigate(later.page, 'Setup');
  await later.page.getByRole('heading', { level: 1, name: 'Ceremony setup' }).waitFor();
  expect(await checkedLanguages(later.page)).toEqual([]);
  await saveAndStart(later.page);
  // Started, the setup screen still shows none checked, and says what this session's receipts print in.
  await navigate(later.page, 'Setup');
  expect(await later.page.locator('[data-receipt-language-in-use]').allInnerTexts()).toEqual([
    'Air-gapped journal (started): its receipts and custody slips print in this language: Both, side by side (English | 简体中文).',
  ]);
  expect(later.ipc.calls.filter((c) => c.channel === 'ceremony.setup').map((c) => c.request)).not.toContainEqual(
    expect.objectContaining({ receiptLanguage: expect.anything() }),
  );
  await later.close();
  expect(await sessionLanguages(folder)).toEqual(['both', 'both']);

  // English, the app's language, picked: this session's receipts are English.
  const english = await airGappedSetup(folder, LANGUAGES[0]);
  await saveAndStart(english.page);
  expect(await sessionLanguages(folder)).toEqual(['both', 'both', 'en']);
}, 120_000);

it('in the Chinese app, a new ceremony with none picked prints in Chinese, and the setup screen says so once started', async () => {
  const zh = translator('zh-CN').t;
  const folder = path.join(dir, 'new-in-chinese');
  await mkdir(folder);
  const ui = await openApp(browser, { locale: 'zh-CN' });
  ui.page.setDefaultTimeout(15_000);
  sessions.push(ui);
  const { page } = ui;
  await page.getByRole('radio', { name: zh('start.mode.air-gapped') }).check();
  await page.getByRole('button', { name: zh('common.continue') }).click();
  await page.getByLabel(zh('setup.title'), { exact: true }).fill('回执语言测试');
  await page.getByLabel(zh('setup.operator'), { exact: true }).fill('张伟');
  await page.getByLabel(zh('setup.witness', { n: 1 }), { exact: true }).fill('李娜');
  await page.getByLabel(zh('setup.folder'), { exact: true }).fill(folder);
  await page.getByRole('button', { name: zh('setup.save-and-continue') }).click();
  await step(page, zh('network.step'), 'air-network');
  expect(await sessionLanguages(folder)).toEqual(['zh-CN']);
  // Back on the setup screen: nothing checked (none was chosen), so the line says what the receipts print in.
  await page
    .getByRole('navigation', { name: zh('nav.label') })
    .getByRole('button', { name: zh('nav.setup'), exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: zh('setup.heading') }).waitFor();
  expect(await page.locator('input[name="receipt-language"]:checked').count()).toBe(0);
  expect(await page.locator('[data-receipt-language-in-use]').allInnerTexts()).toEqual([
    '离线侧日志（已开始）：其回执和托管凭条以此语言打印：简体中文。',
  ]);
}, 120_000);
