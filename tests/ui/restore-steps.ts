/** The custody restore screen's first steps, shared by the restore tests in Chromium. */
import type { Page } from 'playwright-core';
import type { Translator } from '../../src-main/i18n/translate';
import { fillByLabel, setUpCeremony, step } from './page-helpers';

/** Air-gapped mode, the setup, then the restore screen up to the fresh bundle (`params`) read, its witnesses still to type. */
export async function freshBundleRead(
  page: Page,
  t: Translator['t'],
  ceremony: { readonly title: string; readonly folder: string },
  params: string,
) {
  await setUpCeremony(page, t, { ...ceremony, airGapped: true });
  await page
    .getByRole('navigation', { name: t('nav.label') })
    .getByRole('button', { name: t('nav.restore'), exact: true })
    .click();
  await step(page, t('network.step'), 'restore-network');
  await fillByLabel(page, t('restore.parameters.folder'), params);
  await step(page, t('bundle.read'), 'restore-parameters');
}

/** The same, then Ben confirms the fresh bundle's digest, before any custodian hands over a share. */
export async function upToShares(
  page: Page,
  t: Translator['t'],
  ceremony: { readonly title: string; readonly folder: string },
  fresh: { readonly params: string; readonly digest: string },
) {
  await freshBundleRead(page, t, ceremony, fresh.params);
  await witnessConfirmsFresh(page, t, fresh.digest);
}

/** Ben types the fresh bundle's digest as heard: the witnesses' step is done. */
export async function witnessConfirmsFresh(page: Page, t: Translator['t'], digest: string) {
  const card = page.locator('[data-section="restore-fingerprint"] .bundle-digest');
  await card.getByLabel(t('bundle-confirm.typed-as', { witness: 'Ben' })).fill(digest);
  await card.getByRole('button', { name: t('fingerprint.confirm-as', { witness: 'Ben' }) }).click();
  await page.locator('[data-section="restore-fingerprint"] .state-done').waitFor();
}
