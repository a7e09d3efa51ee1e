/**
 * The air-gapped HSM ceremony's steps as the UI tests drive them (real Chromium, real handlers):
 * up to the token check (folders checked, before any witness), the witness confirming, and the
 * check that nobody has confirmed yet.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Translator } from '../../src-main/i18n/translate';
import { journalEvents } from '../ipc/handlers/airgap-session';
import { SOFTHSM_MODULE } from '../core/hsm/helpers/soft-tokens';
import { click, fillByLabel, networkCheckedGivingParameters, setUpCeremony, step, succeeded } from './page-helpers';

/** The page, its language's catalogue, the ceremony and media folders, and the keys' specs. */
export interface HsmCeremony {
  readonly page: Page;
  readonly tr: Translator['t'];
  readonly folder: string;
  readonly media: string;
  readonly specs: readonly string[];
}

/**
 * Setup (OAEP-SHA-1: SoftHSM does OAEP only with SHA-1), keys of `specs`, parameters written to
 * `media`; every label through the catalogue of the page's language. Returns the bundle digest
 * the witness will type.
 */
export async function hsmParametersWritten({ page, tr, folder, media, specs }: HsmCeremony): Promise<string> {
  await setUpCeremony(page, tr, { title: 'HSM rehearsal', folder, wrappingAlgorithm: 'RSAES_OAEP_SHA_1' });
  await step(page, tr('connect.start-simulator'), 'online-connect');
  for (const [i, spec] of specs.entries()) {
    if (i > 0) await click(page, tr('create.add'));
    await fillByLabel(page, tr('create.alias', { n: i + 1 }), `hsm/${spec.toLowerCase()}`);
    await page.getByLabel(tr('create.spec', { n: i + 1 }), { exact: true }).selectOption(spec);
  }
  await step(page, tr('create.button', { count: specs.length }), 'online-create');
  await step(page, tr('params.fetch'), 'online-parameters');
  await fillByLabel(page, tr('params.folder'), media);
  await step(page, tr('params.write'), 'online-parameters');
  return (
    (await page
      .locator('[data-section="online-parameters"]')
      .getByLabel(tr('air.overview.digest-label'))
      .textContent()) ?? ''
  );
}

/**
 * The air-gapped side up to the token check: network, the parameters read, then the preflight with
 * the material from an HSM, before any witness confirms (as `airgap wrap` checks folders and token first).
 */
export async function hsmCheckOpen(
  page: Page,
  tr: Translator['t'],
  media: string,
  /** The parameters bundle, when the journal ends with a crashed session: the network step asks for it first. */
  crashedWith?: string,
): Promise<void> {
  await click(page, tr('params.go-air'));
  if (crashedWith) await networkCheckedGivingParameters(page, tr, crashedWith);
  else await step(page, tr('network.step'), 'air-network');
  await step(page, tr('bundle.read'), 'air-parameters');
  const preflight = page.locator('[data-section="air-preflight"]');
  await fillByLabel(page, tr('wrap.folder'), media);
  await preflight.getByLabel(tr('preflight.hsm'), { exact: true }).check();
  expect(await preflight.getByLabel(tr('preflight.custody'), { exact: true }).count()).toBe(0);
  await step(page, tr('preflight.button'), 'air-preflight');
}

/** Both of the above: returns the bundle digest the witness will type. */
export async function upToHsmCheck(ceremony: HsmCeremony): Promise<string> {
  const digest = await hsmParametersWritten(ceremony);
  await hsmCheckOpen(ceremony.page, ceremony.tr, ceremony.media);
  return digest;
}

/** Lists the module's tokens on the token check, picks `label`, types `pin` and checks the token. */
export async function checkToken(page: Page, tr: Translator['t'], label: string, serial: string, pin: string) {
  const hsm = page.locator('[data-section="air-hsm"]');
  await fillByLabel(page, tr('hsm.module'), SOFTHSM_MODULE);
  await click(page, tr('hsm.list-tokens'));
  await succeeded(page, 'air-hsm');
  await hsm
    .getByLabel(tr('hsm.token'), { exact: true })
    .selectOption({ label: tr('hsm.token.option', { label, serial }) });
  await fillByLabel(page, tr('hsm.pin'), pin);
  await click(page, tr('hsm.check'));
}

/** The witness Ben types the bundle digest and confirms. */
export async function benConfirms(page: Page, tr: Translator['t'], digest: string): Promise<void> {
  const card = page.locator('[data-section="air-fingerprints"] .bundle-digest');
  await card.getByLabel(tr('bundle-confirm.typed-as', { witness: 'Ben' })).fill(digest);
  await card.getByRole('button', { name: tr('fingerprint.confirm-as', { witness: 'Ben' }) }).click();
  await page.locator('[data-section="air-fingerprints"] .state-done').waitFor();
}

/** No witness has confirmed yet in this session: the witness step is not done and the session's journal entries hold no confirmation. */
export async function noWitnessConfirmed(page: Page, journal: string): Promise<void> {
  expect(await page.locator('[data-section="air-fingerprints"] .state-done').count()).toBe(0);
  const events = (await journalEvents(journal)).map((e) => e.event);
  expect(events.slice(events.lastIndexOf('ceremony.session-started'))).not.toContain('witness.confirmed');
}
