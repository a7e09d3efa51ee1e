/**
 * What leaving an air-gapped ceremony withdrew, on the screen the officer lands on, in English and
 * in Chinese: a rehearsal splits the AES material 2-of-3 into three custodians' folders, the
 * officer leaves for the setup screen and abandons; the setup screen then names the wiped key, the
 * three custodian folders the split's files were removed from (listed as the language lists
 * them), and the folders are as the preflight found them (empty) on disk.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ceremonyStateValue } from '../../src-main/i18n/ceremony-state';
import { listText } from '../../src-main/i18n/list';
import { translator } from '../../src-main/i18n/translate';
import { appPerLanguage, type AppLanguage } from './app-per-language';
import { click, fillByLabel, step } from './page-helpers';
import { upToConfirmedDigest } from './rehearsal-steps';

const CUSTODIANS: Readonly<Record<AppLanguage, readonly string[]>> = {
  en: ['Cara', 'Dan', 'Eve'],
  'zh-CN': ['赵敏', '钱磊', '孙丽'],
};

describe('leaving after a custody split', () => {
  const apps = appPerLanguage('kf-ui-left-');

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`names the custody files it removed on the screen it lands on (${lang})`, async () => {
      const { ui, page, t, folder, media } = await apps.open(lang);
      await upToConfirmedDigest(page, folder, media, 'AES_256', t);

      await fillByLabel(page, t('wrap.folder'), media);
      await page.getByLabel(t('preflight.custody')).check();
      const folders: string[] = [];
      for (const [i, name] of CUSTODIANS[lang].entries()) {
        const custodianFolder = path.join(folder, `custodian-${i + 1}`);
        await mkdir(custodianFolder);
        folders.push(custodianFolder);
        await fillByLabel(page, t('custody.custodian-name', { n: i + 1 }), name);
        await fillByLabel(page, t('custody.custodian-folder', { n: i + 1 }), custodianFolder);
      }
      await page.getByLabel(t('custody.same-volume')).check();
      await step(page, t('preflight.button'), 'air-preflight');
      await step(page, t('material.generate'), 'air-material');
      await click(page, t('material.open-custody'));
      await step(page, t('custody.split.button'), 'custody-split');
      for (const f of folders) expect((await readdir(f)).length).toBeGreaterThan(0);

      // Leave for the setup screen and abandon.
      await page
        .getByRole('navigation', { name: t('nav.label') })
        .getByRole('button', { name: t('nav.setup'), exact: true })
        .click();
      await page
        .getByRole('alertdialog', { name: t('leave.title') })
        .getByRole('button', { name: t('leave.confirm') })
        .click();
      const left = page.locator('.left-ceremony');
      await left.waitFor();
      await ui.screenshot(lang === 'en' ? 'left-after-custody-split' : `${lang}/left-after-custody-split`);
      const text = (await left.textContent()) ?? '';
      expect(text).toContain(t('left.wiped', { wiped: 1 }));
      expect(text).toContain(t('cli.custody-withdrawn', { count: 3, folders: listText(translator(lang), folders) }));
      if (lang === 'zh-CN') expect(text).toContain(folders.join('、'));
      expect(await left.locator('.custody-by-hand').count()).toBe(0);
      // On disk: every custodian folder is as the preflight found it, and the journal says so.
      for (const f of folders) expect(await readdir(f)).toEqual([]);
      const entries = (await readFile(path.join(folder, 'air-gapped-journal.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { event: string; data: { state?: string } });
      expect(entries.map((e) => e.event)).toContain('custody.withdrawn');
      const state = entries.find((e) => e.event === 'ceremony.interrupted')?.data.state ?? '';
      expect(text).toContain(t('left.title', { side: 'air', statePhrase: ceremonyStateValue(state) }));
      // Dismissed, it is gone.
      await left.getByRole('button', { name: t('left.dismiss') }).click();
      expect(await page.locator('.left-ceremony').count()).toBe(0);
      expect(ui.pageErrors).toEqual([]);
    }, 240_000);
  }
});
