/** A rehearsal's steps through the real UI, shared by the UI tests that need a ceremony under way. */
import type { Page } from 'playwright-core';
import { click, fillByLabel, step } from './page-helpers';

/** Setup, simulator, one key of `spec`, parameters on `media`, air-gapped side up to the witness's confirmed bundle digest. */
export async function upToConfirmedDigest(page: Page, folder: string, media: string, spec: string): Promise<void> {
  await rehearsalStarted(page, folder);
  await fillByLabel(page, 'Alias of key 1', `safety/${spec.toLowerCase()}`);
  await page.getByLabel('Key spec of key 1', { exact: true }).selectOption(spec);
  await step(page, 'Create 1 external key', 'online-create');
  await parametersConfirmed(page, media);
}

/** The rehearsal set up by Ana with witness Ben in `folder`, and its simulator started. */
export async function rehearsalStarted(page: Page, folder: string): Promise<void> {
  await click(page, 'Continue');
  await fillByLabel(page, 'Ceremony title', 'Safety rehearsal');
  await fillByLabel(page, 'Operator', 'Ana');
  await fillByLabel(page, 'Witness 1', 'Ben');
  await fillByLabel(page, 'Ceremony folder', folder);
  await click(page, 'Save and continue');
  await step(page, 'Start the simulator', 'online-connect');
}

/** With the keys created: parameters fetched and written on `media`, air-gapped side up to Ben's confirmed bundle digest. */
export async function parametersConfirmed(page: Page, media: string): Promise<void> {
  await step(page, 'Fetch the import parameters', 'online-parameters');
  await fillByLabel(page, 'Removable media folder for the bundle', media);
  await step(page, 'Write the import-parameters bundle', 'online-parameters');
  // The one value read aloud to the air-gapped side: the import-parameters bundle digest.
  const digest =
    (await page
      .locator('[data-section="online-parameters"]')
      .getByLabel('Import-parameters bundle digest')
      .textContent()) ?? '';
  await click(page, 'Go to the air-gapped side');
  await step(page, 'Check the network', 'air-network');
  await step(page, 'Read the bundle', 'air-parameters');
  const card = page.locator('[data-section="air-fingerprints"] .bundle-digest');
  await card.getByLabel('Bundle digest as Ben heard it').fill(digest);
  await card.getByRole('button', { name: 'Confirm as Ben' }).click();
  await card.getByText('confirmed by Ben').waitFor();
}

/** From the confirmed digest: preflight (`media` only), generate, wrap, write the bundle and the receipt, back online with the bundle checked. */
export async function upToCheckedBundle(page: Page, media: string): Promise<void> {
  await fillByLabel(page, 'Removable media folder for the wrapped bundle', media);
  await step(page, 'Check the folders', 'air-preflight');
  await step(page, 'Generate the key material', 'air-material');
  await wrapAndCheckOnline(page);
}

/** With material made: wrap, write the bundle and the receipt, back online with the bundle checked against the rehearsal's digest. */
export async function wrapAndCheckOnline(page: Page): Promise<void> {
  await step(page, 'Wrap the key material', 'air-wrap');
  await step(page, 'Write the wrapped-material bundle', 'air-wrap');
  await step(page, 'Write the receipt', 'air-receipt');
  await click(page, 'Go back to the online side');
  await click(page, "Use the digest this rehearsal's air-gapped side wrote");
  await step(page, 'Check the bundle', 'online-check');
}
