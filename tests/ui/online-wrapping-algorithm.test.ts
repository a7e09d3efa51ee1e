/**
 * Choosing the wrapping algorithm on the online screen of an existing ceremony, in Chromium: the
 * parameters step offers the same choice as `online params --wrapping-algorithm` (what the SoftHSM
 * refusal asks for: RSAES_OAEP_SHA_1); fetching new parameters with it journals the change once,
 * shows the new wrapping keys issued for it, and the next bundle carries them.
 */
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, startBrowser, type UiSession } from './harness';
import { fillByLabel, step } from './page-helpers';
import { rehearsalStarted } from './rehearsal-steps';

describe('the wrapping algorithm of an online ceremony under way', () => {
  let browser: Browser;
  let ui: UiSession;
  let page: Page;
  let dir: string;
  let folder: string;

  const journal = async () =>
    (await readFile(path.join(folder, 'online-journal.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; actor: string; data: Record<string, unknown> });
  const section = () => page.locator('[data-section="online-parameters"]');
  const choice = (algorithm: string) => section().getByRole('radio', { name: algorithm, exact: true });
  const fingerprint = () => section().locator('table.issued tbody td').nth(3).textContent();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kf-ui-wrapping-algorithm-'));
    folder = path.join(dir, 'ceremony');
    await mkdir(folder);
    await mkdir(path.join(dir, 'media'));
    browser = await startBrowser();
    ui = await openApp(browser);
    page = ui.page;
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await ui?.close();
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('offers the setup’s algorithm first, and the parameters say which one they were issued for', async () => {
    await rehearsalStarted(page, folder);
    await fillByLabel(page, 'Alias of key 1', 'hsm/aes');
    await step(page, 'Create 1 external key', 'online-create');
    expect(await choice('RSAES_OAEP_SHA_256').isChecked()).toBe(true);
    await step(page, 'Fetch the import parameters', 'online-parameters');
    expect(await section().locator('.issued-algorithm').textContent()).toBe(
      'Issued for wrapping algorithm RSAES_OAEP_SHA_256.',
    );
  });

  it('fetches new parameters for the same key with RSAES_OAEP_SHA_1, journaled once, and writes them', async () => {
    const before = await fingerprint();
    await choice('RSAES_OAEP_SHA_1').check();
    await step(page, 'Fetch new import parameters', 'online-parameters');
    expect(await section().locator('.issued-algorithm').textContent()).toBe(
      'Issued for wrapping algorithm RSAES_OAEP_SHA_1.',
    );
    // A new wrapping key for the same key, issued for the chosen algorithm.
    expect(await section().locator('table.issued tbody tr').count()).toBe(1);
    expect(await fingerprint()).not.toBe(before);
    expect(await choice('RSAES_OAEP_SHA_1').isChecked()).toBe(true);
    const entries = await journal();
    expect(entries.filter((e) => e.event === 'wrapping-algorithm.chosen')).toEqual([
      expect.objectContaining({ actor: 'Ana', data: { from: 'RSAES_OAEP_SHA_256', to: 'RSAES_OAEP_SHA_1' } }),
    ]);
    const fetched = entries.filter((e) => e.event === 'parameters.fetched');
    expect(fetched.map((e) => e.data.wrappingAlgorithm)).toEqual(['RSAES_OAEP_SHA_256', 'RSAES_OAEP_SHA_1']);

    await fillByLabel(page, 'Removable media folder for the bundle', path.join(dir, 'media'));
    await step(page, 'Write the import-parameters bundle', 'online-parameters');
    const [written] = await readdir(path.join(dir, 'media'));
    const manifest = JSON.parse(
      await readFile(path.join(dir, 'media', written as string, 'manifest.json'), 'utf8'),
    ) as {
      keys: { wrappingAlgorithm: string }[];
    };
    expect(manifest.keys.map((k) => k.wrappingAlgorithm)).toEqual(['RSAES_OAEP_SHA_1']);
    await ui.screenshot('online-wrapping-algorithm-sha1');

    // Fetching again keeps the chosen algorithm: nothing more is journaled.
    await step(page, 'Fetch new import parameters', 'online-parameters');
    expect((await journal()).filter((e) => e.event === 'wrapping-algorithm.chosen')).toHaveLength(1);
    expect(ui.pageErrors).toEqual([]);
  });
});
