/**
 * A reloaded window (Ctrl+R, or the renderer restarted) in the middle of the online side. Main holds
 * the ceremony; the screens came back with their steps marked done and nothing under them: the
 * import-parameters bundle's digest, the one value read aloud to the air-gapped side, was gone, and
 * after a check the import step offered "Import the key material" with no bundle, digest, key check
 * value or requested expiry shown. On the air-gapped side, a reload between two witnesses left no
 * bundle and no digest field: the second witness could not confirm, and the ceremony could go no
 * further. Now the ceremony view carries what the online steps showed last and the parameters the
 * air-gapped side read (with who has confirmed them), and the screens show them again. Real
 * Chromium, real handlers, the rehearsal's simulator over HTTP.
 * Screenshot: test-results/screens/online-check-after-reload.png.
 */
import { describe, expect, it } from 'vitest';
import { appPerLanguage } from './app-per-language';
import { click, fillByLabel, navigate, step } from './page-helpers';
import {
  digestConfirmedOnAirGap,
  materialMade,
  parametersWritten,
  rehearsalStarted,
  wrappedAndBackOnline,
} from './rehearsal-steps';

describe('a reloaded window in the middle of a ceremony', () => {
  const apps = appPerLanguage('kf-ui-reload-');

  it('shows the parameters digest and the checked bundle again, and imports what it shows', async () => {
    const { ui, page, t, folder, media } = await apps.open('en');
    await rehearsalStarted(page, folder, t);
    await fillByLabel(page, t('create.alias', { n: 1 }), 'reload/aes');
    await step(page, t('create.button', { count: 1 }), 'online-create');
    const digest = await parametersWritten(page, media, t);
    const parameters = page.locator('[data-section="online-parameters"]');
    expect(digest).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    const fingerprints = await parameters.locator('table.issued tbody tr').allTextContents();
    expect(fingerprints).toHaveLength(1);

    await page.reload();
    await parameters.getByLabel(t('air.overview.digest-label')).waitFor();
    expect(await parameters.getByLabel(t('air.overview.digest-label')).textContent()).toBe(digest);
    expect(await parameters.locator('table.issued tbody tr').allTextContents()).toEqual(fingerprints);

    // The air-gapped side wraps from that bundle; back online, the wrap is checked.
    await digestConfirmedOnAirGap(page, digest, t);
    await materialMade(page, media, t);
    await wrappedAndBackOnline(page, t);
    await click(page, t('check.use-rehearsal-digest'));
    await step(page, t('check.button'), 'online-check');
    const check = page.locator('[data-section="online-check"]');
    const checked = (await check.locator('.card').textContent()) ?? '';
    expect(checked).toContain('reload/aes (AES_256): key check value');
    const requested = (await page.locator('[data-section="online-import"] .requested').textContent()) ?? '';
    expect(requested).not.toBe('');

    await page.reload();
    await navigate(page, t('nav.online'));
    await check.locator('.card').waitFor();
    expect(await check.locator('.card').textContent()).toBe(checked);
    expect(await page.locator('[data-section="online-import"] .requested').textContent()).toBe(requested);
    await ui.screenshot('online-check-after-reload', 'online-check');
    await step(page, t('import.button'), 'online-import');
    const table = page.locator('[data-section="online-ceremony-keys"]');
    expect(await table.locator('tbody tr[data-state="imported"]').count()).toBe(1);
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);

  it('between two witnesses on the air-gapped side, shows the bundle and lets the second one confirm', async () => {
    const { page, t, folder, media } = await apps.open('en', { name: 'witnesses' });
    await click(page, t('common.continue'));
    await fillByLabel(page, t('setup.title'), 'Reload rehearsal');
    await fillByLabel(page, t('setup.operator'), 'Ana');
    await fillByLabel(page, t('setup.witness', { n: 1 }), 'Ben');
    await click(page, t('setup.add-witness'));
    await fillByLabel(page, t('setup.witness', { n: 2 }), 'Cy');
    await fillByLabel(page, t('setup.folder'), folder);
    await click(page, t('setup.save-and-continue'));
    await step(page, t('connect.start-simulator'), 'online-connect');
    await fillByLabel(page, t('create.alias', { n: 1 }), 'reload/two-witnesses');
    await step(page, t('create.button', { count: 1 }), 'online-create');
    const digest = await parametersWritten(page, media, t);
    await click(page, t('params.go-air'));
    await step(page, t('network.step'), 'air-network');
    await step(page, t('bundle.read'), 'air-parameters');
    const card = page.locator('[data-section="air-fingerprints"] .bundle-digest');
    const confirmAs = async (witness: string) => {
      await card.getByLabel(t('bundle-confirm.typed-as', { witness })).fill(digest);
      await card.getByRole('button', { name: t('fingerprint.confirm-as', { witness }) }).click();
    };
    await confirmAs('Ben');
    await card.getByText(t('fingerprint.typed-by', { witnesses: 'Ben' })).waitFor();
    const keys = (await page.locator('[data-section="air-parameters"] .card').textContent()) ?? '';
    expect(keys).toContain('reload/two-witnesses');

    await page.reload();
    // The air-gapped screen again, with the bundle read and Ben's confirmation; Cy types it now.
    await card.waitFor();
    expect(await page.locator('[data-section="air-parameters"] .card').textContent()).toBe(keys);
    await card.getByText(t('fingerprint.typed-by', { witnesses: 'Ben' })).waitFor();
    await confirmAs('Cy');
    await page.locator('[data-section="air-fingerprints"] .bundle-digest.confirmed').waitFor();
  }, 300_000);
});
