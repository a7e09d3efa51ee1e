/**
 * The app after a fetch of import parameters that was never written, while the air-gapped side has
 * already wrapped from the bundle written before (the CLI met it as a second `online params`
 * stopped by Ctrl-C or a full medium: tests/cli/commands/online-import.after-unwritten-fetch.test.ts).
 * The core let that wrap be checked and imported, but the screens asked the step table by state
 * alone and kept the check closed at "parameters fetched": the only way on was fetching again and
 * wrapping again. Now the view says what the guard admits. Real Chromium, real handlers, the
 * rehearsal's simulator over HTTP. Screenshot: test-results/screens/online-check-after-unwritten-fetch.png.
 */
import { describe, expect, it } from 'vitest';
import { appPerLanguage } from './app-per-language';
import { click, step } from './page-helpers';
import { materialMade, upToConfirmedDigest, wrappedAndBackOnline } from './rehearsal-steps';

describe('the wrap of the bundle written before, after a fetch never written, in the app', () => {
  const apps = appPerLanguage('kf-ui-check-unwritten-');

  it('is offered for the check at "parameters fetched", and its import goes through', async () => {
    const { ui, page, t, folder, media } = await apps.open('en');
    await upToConfirmedDigest(page, folder, media, 'AES_256');
    await materialMade(page, media, t);
    await wrappedAndBackOnline(page, t);

    // Fresh parameters fetched online and never written (the officer stopped there).
    await step(page, t('params.fetch-new'), 'online-parameters');
    const check = page.locator('[data-section="online-check"]');
    await click(page, t('check.use-rehearsal-digest'));
    expect(await check.getByRole('button', { name: t('check.button'), exact: true }).isEnabled()).toBe(true);
    await step(page, t('check.button'), 'online-check');
    await ui.screenshot('online-check-after-unwritten-fetch', 'online-check');

    await step(page, t('import.button'), 'online-import');
    const table = page.locator('[data-section="online-ceremony-keys"]');
    expect(await table.locator('tbody tr[data-state="imported"]').count()).toBe(1);
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);
});
