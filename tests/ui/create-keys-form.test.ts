/**
 * The online create form in Chromium, in English and in Chinese: a plan file with replica groups
 * read by main fills one fieldset per key, each with its replicas (region and project), which the
 * officer can add and remove; the form counts the keys the KMS will hold. Screenshots:
 * test-results/screens/online-create-replicas.png and zh-CN/online-create-replicas.png.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPerLanguage } from './app-per-language';
import { setUpCeremony } from './page-helpers';

const EAST = { region: 'cn-east-3', projectId: 'a4a5d4098fb4474fa22cd05f897d6b99' };
const SOUTH = { region: 'cn-south-1', projectId: '0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e' };
const PLAN = {
  title: 'Disaster recovery keys',
  operator: 'Ana',
  witnesses: ['Ben'],
  keys: [
    { alias: 'dr/aes', spec: 'AES_256', replicas: [EAST, SOUTH] },
    { alias: 'dr/signing', spec: 'EC_P256' },
  ],
};

describe('the create form with replica groups', () => {
  const apps = appPerLanguage('kf-ui-create-');

  for (const locale of ['en', 'zh-CN'] as const) {
    it(`fills one fieldset per key with its replicas from a plan file (${locale})`, async () => {
      const { ui, page, t, folder } = await apps.open(locale);
      page.setDefaultTimeout(30_000);
      const planFile = path.join(apps.dir(), `plan-${locale}.json`);
      await writeFile(planFile, JSON.stringify(PLAN, null, 2));
      const button = (name: string) => page.getByRole('button', { name, exact: true });
      const field = (label: string) => page.getByLabel(label, { exact: true });
      await setUpCeremony(page, t, { title: 'Disaster recovery keys', folder });
      await button(t('connect.start-simulator')).click();
      await page.getByText(t('connect.connected-to'), { exact: true }).waitFor();

      const create = page.locator('[data-section="online-create"]');
      await field(t('create.plan.file')).fill(planFile);
      await button(t('create.plan.read')).click();
      await create.locator('.plan-file').waitFor();
      // The plan agrees with the setup: no difference to read.
      expect(await create.locator('.plan-file p.warning').count()).toBe(0);
      expect(await create.locator('fieldset.planned-key').count()).toBe(2);
      // Key 1's replicas, as the plan lists them; key 2 has none.
      expect(await field(t('create.replica.region', { n: 1, m: 1 })).inputValue()).toBe(EAST.region);
      expect(await field(t('create.replica.project', { n: 1, m: 1 })).inputValue()).toBe(EAST.projectId);
      expect(await field(t('create.replica.region', { n: 1, m: 2 })).inputValue()).toBe(SOUTH.region);
      expect(await field(t('create.replica.project', { n: 1, m: 2 })).inputValue()).toBe(SOUTH.projectId);
      expect(await field(t('create.replica.region', { n: 2, m: 1 })).count()).toBe(0);
      const total = create.getByText(t('create.with-replicas', { keys: 2, replicas: 2, total: 4 }), { exact: true });
      expect(await total.count()).toBe(1);

      // Key 2 gets a replica typed in; key 1 loses its first one.
      await button(t('create.replica.add', { n: 2 })).click();
      await field(t('create.replica.region', { n: 2, m: 1 })).fill(EAST.region);
      await field(t('create.replica.project', { n: 2, m: 1 })).fill(EAST.projectId);
      await button(t('create.replica.remove', { n: 1, m: 1 })).click();
      expect(await field(t('create.replica.region', { n: 1, m: 1 })).inputValue()).toBe(SOUTH.region);
      expect(await field(t('create.replica.region', { n: 1, m: 2 })).count()).toBe(0);
      expect(
        await create.getByText(t('create.with-replicas', { keys: 2, replicas: 2, total: 4 }), { exact: true }).count(),
      ).toBe(1);
      await ui.screenshot(locale === 'en' ? 'online-create-replicas' : 'zh-CN/online-create-replicas');
      expect(ui.pageErrors).toEqual([]);
    }, 180_000);
  }
});
