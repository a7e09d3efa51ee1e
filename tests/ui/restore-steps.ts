/** The custody restore screen's first steps, shared by the restore tests in Chromium. */
import type { Page } from 'playwright-core';
import type { Translator } from '../../src-main/i18n/translate';
import { fillByLabel, setUpCeremony, step } from './page-helpers';

/** Air-gapped mode, the setup, then the restore screen up to the fresh bundle read and confirmed by Ben. */
export async function upToShares(
  page: Page,
  t: Translator['t'],
  ceremony: { readonly title: string; readonly folder: string },
  fresh: { readonly params: string; readonly digest: string },
) {
  await setUpCeremony(page, t, { ...ceremony, airGapped: true });
  await page
    .getByRole('navigation', { name: t('nav.label') })
    .getByRole('button', { name: t('nav.restore'), exact: true })
    .click();
  await step(page, t('network.step'), 'restore-network');
  await fillByLabel(page, t('restore.parameters.folder'), fresh.params);
  await step(page, t('bundle.read'), 'restore-parameters');
  // The witness confirms the fresh bundle before any custodian hands over a share.
  const card = page.locator('[data-section="restore-fingerprint"] .bundle-digest');
  await card.getByLabel(t('bundle-confirm.typed-as', { witness: 'Ben' })).fill(fresh.digest);
  await card.getByRole('button', { name: t('fingerprint.confirm-as', { witness: 'Ben' }) }).click();
  await page.locator('[data-section="restore-fingerprint"] .state-done').waitFor();
}
