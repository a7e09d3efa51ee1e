/**
 * A reloaded window (Ctrl+R, or the renderer restarted) after a receipt was written: main still
 * holds the receipt it wrote, but the receipt step came back marked done with nothing under it, no
 * preview, no Print and no Save as PDF (the screens kept receipts only from the write step's answer),
 * so the officer could no longer print the receipt the witnesses sign from the app. Now the reloaded
 * screens read each written receipt back from main and show it again. Real Chromium, real handlers,
 * the rehearsal's simulator over HTTP.
 */
import { describe, expect, it } from 'vitest';
import { appPerLanguage } from './app-per-language';
import { fillByLabel, step } from './page-helpers';
import { materialMade, parametersConfirmed, rehearsalStarted } from './rehearsal-steps';

describe('a reloaded window after the air-gapped receipt was written', () => {
  const apps = appPerLanguage('kf-ui-reload-receipt-');

  it('shows the receipt again, with its preview and Print', async () => {
    const { ui, page, t, folder, media } = await apps.open('en');
    await rehearsalStarted(page, folder, t);
    await fillByLabel(page, t('create.alias', { n: 1 }), 'reload/receipt');
    await step(page, t('create.button', { count: 1 }), 'online-create');
    await parametersConfirmed(page, media, t);
    await materialMade(page, media, t);
    await step(page, t('wrap.button'), 'air-wrap');
    await step(page, t('wrapped.write'), 'air-wrap');
    await step(page, t('common.write-receipt'), 'air-receipt');
    const section = page.locator('[data-section="air-receipt"]');
    const preview = section.locator('.receipt-preview');
    await preview.waitFor();
    const text = await preview.textContent();
    expect(text).toContain('reload/receipt');

    await page.reload();
    await preview.waitFor();
    expect(await preview.textContent()).toBe(text);
    expect(await section.getByRole('button', { name: t('receipt.print') }).isVisible()).toBe(true);
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);
});
