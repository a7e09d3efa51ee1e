/**
 * An import cut off part way in the app, as the CLI trial met it: the KMS goes unreachable once the
 * first of three keys went through. The app must say at once which keys hold their material, which
 * were sent an import with no answer recorded, which are still to import, and that pressing Import
 * again finishes the ceremony; the table of the ceremony's keys shows the journal's view after the
 * failure, not the one from before the import. Pressing Import again, the network back, imports
 * the rest and sends nothing twice. Real Chromium, real handlers, the rehearsal's simulator over HTTP.
 * Screenshot: test-results/screens/online-import-stopped.png.
 */
import { describe, expect, it } from 'vitest';
import { appPerLanguage } from './app-per-language';
import { click, fillByLabel, problemIn, step } from './page-helpers';
import { parametersConfirmed, rehearsalStarted, wrapAndCheckOnline } from './rehearsal-steps';
import { networkGoesAfterFirstImport } from '../helpers/network-goes';

const ALIASES = ['app/one', 'app/two', 'app/three'];

describe('an import stopped part way, in the app', () => {
  const apps = appPerLanguage('kf-ui-import-stopped-');

  it('names what holds its material and what not, and Import again finishes it', async () => {
    const { ui, page, t, folder, media } = await apps.open('en');
    await rehearsalStarted(page, folder, t);
    for (const [i, alias] of ALIASES.entries()) {
      if (i > 0) await click(page, t('create.add'));
      await fillByLabel(page, t('create.alias', { n: i + 1 }), alias);
      await page.getByLabel(t('create.spec', { n: i + 1 }), { exact: true }).selectOption('AES_256');
    }
    await step(page, t('create.button', { count: 3 }), 'online-create');
    await parametersConfirmed(page, media, t);
    await fillByLabel(page, t('wrap.folder'), media);
    await step(page, t('preflight.button'), 'air-preflight');
    await step(page, t('material.generate'), 'air-material');
    await wrapAndCheckOnline(page, t);

    const sim = ui.ipc.session.simulator;
    if (!sim) throw new Error('the rehearsal simulator is not running');
    networkGoesAfterFirstImport(sim);
    await click(page, t('import.button'));
    await problemIn(page, 'online-import');
    const summary = page.locator('[data-section="online-import"] .import-stopped');
    const said = (await summary.locator('p').first().textContent()) ?? '';
    expect(said).toMatch(/^The import stopped part way: 1 of 3 keys holds its material \(imported and journaled\)\./);
    expect(said).toContain('The ceremony is not finished.');
    // Every key but the imported one is named, as sent with no answer recorded or as not imported yet.
    const table = page.locator('[data-section="online-ceremony-keys"]');
    const imported = await table.locator('tbody tr[data-state="imported"]').count();
    expect(imported).toBe(1);
    const notImported = await table.locator('tbody tr:not([data-state="imported"])').allTextContents();
    expect(notImported).toHaveLength(2);
    for (const row of notImported) {
      const alias = ALIASES.find((a) => row.includes(a));
      expect(alias).toBeDefined();
      expect(said).toContain(alias as string);
    }
    expect(await summary.locator('p').nth(1).textContent()).toBe(t('import.stopped.again', { checked: 'yes' }));
    await ui.screenshot('online-import-stopped', 'online-import');

    // The network is back: Import again imports the rest, and the KMS took each key's material once.
    sim.faults.clear();
    await step(page, t('import.button'), 'online-import');
    expect(await summary.count()).toBe(0);
    expect(await table.locator('tbody tr[data-state="imported"]').count()).toBe(3);
    const keyIds = (await table.locator('tbody tr').allTextContents()).map(
      (row) => /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(row)?.[0] ?? row,
    );
    expect(keyIds.map((keyId) => sim.importCount(keyId))).toEqual([1, 1, 1]);
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);
});
