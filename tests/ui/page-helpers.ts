/** Small Playwright helpers shared by the UI tests: labelled fields, buttons, section outcomes. */
import type { Page } from 'playwright-core';

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

/** Waits until the action of `section` finished; fails with the problem shown, if one is. */
export async function succeeded(page: Page, section: string): Promise<void> {
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
