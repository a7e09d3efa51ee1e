/**
 * The import step's typed material expiry in Chromium, in English and Chinese: the forms
 * `online import --expires` takes, resolved by main at the simulator's clock (moved 20 hours ahead, less than the import token's 24 hours,
 * so a time still ahead of this computer is already past for the KMS) and shown, in the officer's
 * zone and UTC, before the import can start; a mistyped or past one refused with the core's words;
 * the import then sends the moment shown. Screenshots: online-import-typed-expiry.png and zh-CN/online-import-typed-expiry.png.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatUtc } from '../../src-main/i18n/moment';
import { appPerLanguage, type AppLanguage } from './app-per-language';
import { click, fillByLabel, problemIn, step, succeeded } from './page-helpers';
import { upToCheckedBundle, upToConfirmedDigest } from './rehearsal-steps';

const HOUR = 3_600_000;

/** The UTC moment a line shows (after the officer's zone, which may read "… UTC+08:00"). */
function utcIn(line: string): number {
  const utc = /(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) UTC(?![+-])/.exec(line)?.[1] ?? '';
  return Date.parse(`${utc.replace(' ', 'T')}Z`);
}

const refusals: Record<AppLanguage, { invalid: string; past: string; zone: string }> = {
  en: {
    invalid: '--expires "90x" is not "never", a duration or a date-time with its zone.',
    past: 'is not in the future.',
    zone: 'UTC+08:00',
  },
  'zh-CN': {
    invalid: '--expires “90x” 既不是 “never”，也不是时长或带时区的日期时间。',
    past: '不在未来。',
    zone: 'UTC+08:00',
  },
};

describe('the typed material expiry on the import step', () => {
  const apps = appPerLanguage('kf-ui-typed-expiry-');

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`is resolved at the simulator's clock and shown before the import (${lang})`, async () => {
      const { ui, page, t, folder, media } = await apps.open(lang, { ui: { timezoneId: 'Asia/Shanghai' } });
      await upToConfirmedDigest(page, folder, media, 'AES_256', t);
      await upToCheckedBundle(page, media, t);
      await fillByLabel(page, t('sim-clock.amount'), '20');
      await step(page, t('sim-clock.move'), 'online-clock');

      const importButton = page.getByRole('button', { name: t('import.button'), exact: true });
      await page.getByLabel(t('expiry.typed'), { exact: true }).check();
      await fillByLabel(page, t('expiry.typed-field'), '90x');
      expect(await importButton.isDisabled()).toBe(true);
      await click(page, t('import.expiry-resolve'));
      expect(await problemIn(page, 'online-import')).toContain(refusals[lang].invalid);
      expect(await importButton.isDisabled()).toBe(true);

      // Eight hours ahead of this computer, twelve behind the simulator: past for the KMS.
      const behindSimulator = new Date(Date.now() + 8 * HOUR).toISOString().replace(/\.\d+Z$/, 'Z');
      await fillByLabel(page, t('expiry.typed-field'), behindSimulator);
      await click(page, t('import.expiry-resolve'));
      await expect.poll(() => problemIn(page, 'online-import')).toContain(refusals[lang].past);
      expect(await importButton.isDisabled()).toBe(true);

      await fillByLabel(page, t('expiry.typed-field'), '2d');
      const simBefore = ui.ipc.simulator()?.clock.now() ?? 0;
      await step(page, t('import.expiry-resolve'), 'online-import');
      const simAfter = ui.ipc.simulator()?.clock.now() ?? 0;
      const shown = (await page.locator('[data-section="online-import"] .resolved-expiry').textContent()) ?? '';
      const at = utcIn(shown);
      expect(at).toBeGreaterThanOrEqual(simBefore + 48 * HOUR - 1000);
      expect(at).toBeLessThanOrEqual(simAfter + 48 * HOUR);
      expect(shown).toContain(refusals[lang].zone);
      const [lead, tail] = t('import.expiry-resolved', { when: '|' }).split('|');
      expect(shown.startsWith(String(lead)) && shown.endsWith(String(tail))).toBe(true);
      expect(await importButton.isDisabled()).toBe(false);
      await ui.screenshot(`${lang === 'en' ? '' : 'zh-CN/'}online-import-typed-expiry`, 'online-import');

      // A changed text is resolved again before the import, and the import sends the moment shown.
      await fillByLabel(page, t('expiry.typed-field'), '3d');
      expect(await importButton.isDisabled()).toBe(true);
      await step(page, t('import.expiry-resolve'), 'online-import');
      const again = (await page.locator('[data-section="online-import"] .resolved-expiry').textContent()) ?? '';
      const sent = utcIn(again);
      expect(sent - at).toBeGreaterThanOrEqual(24 * HOUR);

      await click(page, t('import.button'));
      await succeeded(page, 'online-import');
      const imported = (await page.locator('[data-section="online-import"] .key-list.imported li').textContent()) ?? '';
      expect(imported).toContain(formatUtc(new Date(sent)));
      const journal = await readFile(path.join(folder, 'online-journal.jsonl'), 'utf8');
      expect(journal).toContain(new Date(sent).toISOString().slice(0, 19));
      expect(ui.pageErrors).toEqual([]);
    }, 300_000);
  }
});
