/**
 * Choosing the wrapping algorithm on the online screen of an existing ceremony, in Chromium: the
 * parameters step offers the same choice as `online params --wrapping-algorithm` (what the SoftHSM
 * refusal asks for: RSAES_OAEP_SHA_1); fetching new parameters with it journals the change once,
 * shows the new wrapping keys issued for it, and the next bundle carries them.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillByLabel, step } from './page-helpers';
import { rehearsalStarted } from './rehearsal-steps';
import { rehearsalSessionPerFile } from './rehearsal-session';

describe('the wrapping algorithm of an online ceremony under way', () => {
  const session = rehearsalSessionPerFile('kf-ui-wrapping-algorithm-');
  const section = () => session.page.locator('[data-section="online-parameters"]');
  const choice = (algorithm: string) => section().getByRole('radio', { name: algorithm, exact: true });
  const fingerprint = () => section().locator('table.issued tbody td').nth(3).textContent();

  it('offers the setup’s algorithm first, and the parameters say which one they were issued for', async () => {
    await rehearsalStarted(session.page, session.folder);
    await fillByLabel(session.page, 'Alias of key 1', 'hsm/aes');
    await step(session.page, 'Create 1 external key', 'online-create');
    expect(await choice('RSAES_OAEP_SHA_256').isChecked()).toBe(true);
    await step(session.page, 'Fetch the import parameters', 'online-parameters');
    expect(await section().locator('.issued-algorithm').textContent()).toBe(
      'Issued for wrapping algorithm RSAES_OAEP_SHA_256.',
    );
  });

  it('fetches new parameters for the same key with RSAES_OAEP_SHA_1, journaled once, and writes them', async () => {
    const before = await fingerprint();
    await choice('RSAES_OAEP_SHA_1').check();
    await step(session.page, 'Fetch new import parameters', 'online-parameters');
    expect(await section().locator('.issued-algorithm').textContent()).toBe(
      'Issued for wrapping algorithm RSAES_OAEP_SHA_1.',
    );
    // A new wrapping key for the same key, issued for the chosen algorithm.
    expect(await section().locator('table.issued tbody tr').count()).toBe(1);
    expect(await fingerprint()).not.toBe(before);
    expect(await choice('RSAES_OAEP_SHA_1').isChecked()).toBe(true);
    const entries = await session.journal();
    expect(entries.filter((e) => e.event === 'wrapping-algorithm.chosen')).toEqual([
      expect.objectContaining({ actor: 'Ana', data: { from: 'RSAES_OAEP_SHA_256', to: 'RSAES_OAEP_SHA_1' } }),
    ]);
    const fetched = entries.filter((e) => e.event === 'parameters.fetched');
    expect(fetched.map((e) => e.data.wrappingAlgorithm)).toEqual(['RSAES_OAEP_SHA_256', 'RSAES_OAEP_SHA_1']);

    await fillByLabel(session.page, 'Removable media folder for the bundle', session.media);
    await step(session.page, 'Write the import-parameters bundle', 'online-parameters');
    const [written] = await readdir(session.media);
    const manifest = JSON.parse(
      await readFile(path.join(session.media, written as string, 'manifest.json'), 'utf8'),
    ) as {
      keys: { wrappingAlgorithm: string }[];
    };
    expect(manifest.keys.map((k) => k.wrappingAlgorithm)).toEqual(['RSAES_OAEP_SHA_1']);
    await session.ui.screenshot('online-wrapping-algorithm-sha1');

    // Fetching again keeps the chosen algorithm: nothing more is journaled.
    await step(session.page, 'Fetch new import parameters', 'online-parameters');
    expect((await session.journal()).filter((e) => e.event === 'wrapping-algorithm.chosen')).toHaveLength(1);
    expect(session.ui.pageErrors).toEqual([]);
  });
});
