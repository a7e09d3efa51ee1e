/**
 * The online screens with 100 keys, in English and in Chinese, through the real UI in Chromium
 * (real router, handlers and simulator): one compact table of the ceremony's keys with a summary
 * line (how many of each spec, in each state), per-key progress from the concurrent steps, one
 * filter that narrows every key list, and a page that stays bounded (no wall of 100 cards). The
 * keys come from a plan file read into the create form (one fieldset per key, in a bounded area).
 * Screenshots: test-results/screens/online-100-keys*.png (the plan, the screen, filtered, the journal)
 * and zh-CN/online-100-keys.png and -plan.png (languages.test shoots the Chinese journal screen).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPerLanguage } from './app-per-language';
import { setUpCeremony } from './page-helpers';

/** 60 AES_256, 30 EC_P256 and 10 RSA_2048 keys, as a plan would list them. */
const PLAN = Array.from({ length: 100 }, (_, i) => {
  const spec = i < 60 ? 'AES_256' : i < 90 ? 'EC_P256' : 'RSA_2048';
  return { alias: `batch/${spec.toLowerCase()}-${String(i + 1).padStart(3, '0')}`, spec };
});
/** Taller than the 3-key online screen, far shorter than 100 cards or rows would make it. */
const MAX_PAGE_HEIGHT = 7000;

describe('the online screens with 100 keys', () => {
  const apps = appPerLanguage('kf-ui-100-');

  for (const locale of ['en', 'zh-CN'] as const) {
    it(`summarises, filters and bounds 100 keys (${locale})`, async () => {
      const shots = locale === 'en' ? 'online-100-keys' : 'zh-CN/online-100-keys';
      const { ui, page, t, folder } = await apps.open(locale);
      page.setDefaultTimeout(30_000);
      const button = (name: string) => page.getByRole('button', { name, exact: true });
      await setUpCeremony(page, t, { title: 'Batch import', folder });
      await button(t('connect.start-simulator')).click();
      await page.getByText(t('connect.connected-to'), { exact: true }).waitFor();
      // The 100 keys come from a plan file (the CLI's JSON plan), read by main into the create form.
      const planFile = path.join(apps.dir(), `plan-${locale}.json`);
      await writeFile(
        planFile,
        JSON.stringify({ title: 'Batch import 2026', operator: 'Ana', witnesses: ['Ben'], keys: PLAN }, null, 2),
      );
      const create = page.locator('[data-section="online-create"]');
      await create.getByLabel(t('create.plan.file'), { exact: true }).fill(planFile);
      await button(t('create.plan.read')).click();
      const note = create.locator('.plan-file');
      await note.waitFor();
      expect(await note.locator('p').first().textContent()).toBe(
        t('create.plan.read-keys', { count: 100, file: `plan-${locale}.json` }),
      );
      // The plan's title is not the setup's: said, and the setup's stands.
      expect(await note.locator('p.warning').allTextContents()).toEqual([
        t('create.plan.differs', { field: 'title', plan: 'Batch import 2026', setup: 'Batch import' }),
      ]);
      const fieldsets = create.locator('fieldset.planned-key');
      expect(await fieldsets.count()).toBe(100);
      expect(await page.getByLabel(t('create.alias', { n: 100 }), { exact: true }).inputValue()).toBe(
        'batch/rsa_2048-100',
      );
      expect(await page.getByLabel(t('create.spec', { n: 61 }), { exact: true }).inputValue()).toBe('EC_P256');
      // One key more, then removed again: the form keeps one fieldset per key.
      await button(t('create.add')).click();
      expect(await fieldsets.count()).toBe(101);
      await button(t('create.remove', { n: 101 })).click();
      expect(await fieldsets.count()).toBe(100);
      // 100 fieldsets scroll inside their own area, not down the page.
      expect(await page.evaluate<number>('document.documentElement.scrollHeight')).toBeLessThan(MAX_PAGE_HEIGHT);
      await ui.screenshot(`${shots}-plan`, 'online-create');
      await button(t('create.button', { count: 100 })).click();
      await page.getByText(t('ckeys.created', { count: 100 }), { exact: true }).waitFor();
      const created = ui.ipc.calls.find((c) => c.channel === 'online.create-keys');
      expect(created?.request).toEqual({
        keys: PLAN.map(({ alias, spec }) => ({
          alias,
          spec,
          ...(spec.startsWith('RSA') ? { usage: 'SIGN_VERIFY' } : {}),
        })),
      });
      await button(t('keys.list')).click();
      const table = page.locator('[data-section="online-ceremony-keys"]');
      await expect.poll(() => table.locator('tbody tr').count()).toBe(100);

      await button(t('params.fetch')).click();
      await expect.poll(() => page.locator('table.issued tbody tr').count(), { timeout: 400_000 }).toBe(100);
      await page.locator('[data-activity="online-parameters"] .busy').waitFor({ state: 'detached' });

      // The summary line a user reads first: how many keys of each spec, and where they stand.
      const summary = table.locator('.key-summary');
      expect(await summary.locator('strong').first().textContent()).toBe(t('ckeys.total', { count: 100 }));
      for (const [spec, n] of [
        ['AES_256', '60'],
        ['EC_P256', '30'],
        ['RSA_2048', '10'],
      ])
        expect(await summary.locator(`[data-spec="${spec}"] strong`).textContent()).toBe(n);
      expect(await summary.locator('[data-state="issued"]').textContent()).toBe(
        `${t('ckeys.state', { state: 'issued' })} 100`,
      );
      // Each key's progress came from the concurrent fetch, key by key.
      const fetchedKeys = new Set(
        ui.ipc.events.filter((e) => e.stage === 'fetch-parameters' && e.keyPhase === 'done').map((e) => e.keyId),
      );
      expect(fetchedKeys.size).toBe(100);
      const done = t('ckeys.phase', { stage: 'fetch_parameters', phase: 'done' });
      expect(await table.locator('tbody tr').filter({ hasText: done }).count()).toBe(100);

      // No wall of cards: the page stays bounded with 100 keys in two lists.
      const height = await page.evaluate<number>('document.documentElement.scrollHeight');
      expect(height).toBeLessThan(MAX_PAGE_HEIGHT);
      await ui.screenshot(shots);

      // The filter narrows every key list on the screen: by spec, then by one key ID.
      const filter = page.getByLabel(t('ckeys.filter'), { exact: true });
      await filter.fill('rsa_2048');
      await expect.poll(() => table.locator('tbody tr').count()).toBe(10);
      expect(await page.locator('table.issued tbody tr').count()).toBe(10);
      expect(await table.getByText(t('ckeys.shown', { shown: 10, count: 100 })).count()).toBe(1);
      // The filtered and journal states in English only: the same screens in Chinese are shot above.
      if (locale === 'en') await ui.screenshot(`${shots}-filtered`);
      const oneKeyId = (await table.locator('tbody tr td:nth-child(2)').first().textContent()) ?? '';
      await filter.fill(oneKeyId.slice(0, 13));
      await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
      expect(await page.locator('table.issued tbody tr').count()).toBe(1);
      await filter.fill(t('ckeys.state', { state: 'created' }));
      await expect.poll(() => table.locator('tbody tr').count()).toBe(0);
      await filter.fill('');
      await expect.poll(() => table.locator('tbody tr').count()).toBe(100);

      // The journal of a 100-key ceremony: bounded too, and filtered to one key's entries.
      await page
        .getByRole('navigation')
        .getByRole('button', { name: t('nav.journal'), exact: true })
        .click();
      const rows = page.locator('table.journal tbody tr');
      await expect.poll(() => rows.count()).toBeGreaterThan(200);
      expect(await page.evaluate<number>('document.documentElement.scrollHeight')).toBeLessThan(MAX_PAGE_HEIGHT);
      await page.getByLabel(t('journal.filter'), { exact: true }).fill(oneKeyId);
      await expect.poll(() => rows.count()).toBeLessThan(5);
      expect(await rows.count()).toBeGreaterThan(0);
      if (locale === 'en') await ui.screenshot(`${shots}-journal`);
      expect(ui.pageErrors).toEqual([]);
    }, 600_000);
  }
});
