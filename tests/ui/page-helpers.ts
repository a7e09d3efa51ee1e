/** Small Playwright helpers shared by the UI tests: labelled fields, buttons, section outcomes. */
import type { Page } from 'playwright-core';
import type { Translator } from '../../src-main/i18n/translate';

export async function fillByLabel(page: Page, label: string, value: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(value);
}

export async function click(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
}

/** The text of the problem a section shows, once it shows one. */
export async function problemIn(page: Page, section: string): Promise<string> {
  const alert = page.locator(`[data-activity="${section}"] .problem`);
  await alert.waitFor();
  return (await alert.textContent()) ?? '';
}

/** Waits until the action of `section` (once it waited its turn) finished; fails with the problem shown, if one is. */
export async function succeeded(page: Page, section: string): Promise<void> {
  await page.locator(`[data-activity="${section}"] .waiting`).waitFor({ state: 'detached', timeout: 60_000 });
  await page.locator(`[data-activity="${section}"] .busy`).waitFor({ state: 'detached', timeout: 60_000 });
  const problem = page.locator(`[data-activity="${section}"] .problem`);
  if ((await problem.count()) > 0) throw new Error(`${section}: ${await problem.textContent()}`);
}

/** Clicks `name`, then waits for the section's action to finish without a problem. */
export async function step(page: Page, name: string, section: string): Promise<void> {
  await click(page, name);
  await succeeded(page, section);
}

/** Opens a screen from the header's navigation. */
export async function navigate(page: Page, screen: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen, exact: true }).click();
}

/**
 * From the start screen (air-gapped mode when `airGapped`, online when `online`, else the rehearsal default) through the
 * setup screen: the title, operator Ana, witness Ben, the ceremony folder and, when given, the
 * online side's wrapping algorithm (e.g. RSAES_OAEP_SHA_1 for SoftHSM), saved.
 */
export async function setUpCeremony(
  page: Page,
  t: Translator['t'],
  setup: {
    readonly title: string;
    readonly folder: string;
    readonly airGapped?: boolean;
    /** The online workstation's mode (a real KMS, or a simulator reached as one). */
    readonly online?: boolean;
    readonly wrappingAlgorithm?: string;
  },
): Promise<void> {
  if (setup.airGapped) await page.getByRole('radio', { name: t('start.mode.air-gapped') }).check();
  if (setup.online) await page.getByRole('radio', { name: t('start.mode.online') }).check();
  await click(page, t('common.continue'));
  await fillByLabel(page, t('setup.title'), setup.title);
  await fillByLabel(page, t('setup.operator'), 'Ana');
  await fillByLabel(page, t('setup.witness', { n: 1 }), 'Ben');
  await fillByLabel(page, t('setup.folder'), setup.folder);
  if (setup.wrappingAlgorithm) await page.getByLabel(setup.wrappingAlgorithm, { exact: true }).check();
  await click(page, t('setup.save-and-continue'));
}

/**
 * The air-gapped network step on a journal ending with an unfinished session: refused until the
 * parameters bundle to wrap now is given (AIRGAP_UNFINISHED_NEEDS_PARAMETERS), then given in the
 * step's field and read; the check then passes and the session is closed.
 */
export async function networkCheckedGivingParameters(page: Page, t: Translator['t'], params: string): Promise<void> {
  await click(page, t('network.step'));
  await problemIn(page, 'air-network');
  const section = page.locator('[data-section="air-network"]');
  await section.getByLabel(t('air.network.earlier.folder'), { exact: true }).fill(params);
  await section.getByRole('button', { name: t('bundle.read'), exact: true }).click();
  await succeeded(page, 'air-network');
}
