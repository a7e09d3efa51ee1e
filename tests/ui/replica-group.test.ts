/**
 * A replica group rehearsed through the real UI in Chromium: the built-in simulator serves two more
 * regions (shown with the connection), the form asks for an EC key with a replica in one of them,
 * the ceremony's key table lists the replica under its primary with its region and project, both
 * sides run as usual (one material, wrapped once per key), and after verification the table says
 * the group was proven (both keys answer the same public key). Screenshot: online-replica-group.png.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src-main/i18n/translate';
import { oneApp } from './one-app';
import { step } from './page-helpers';
import { keyWithReplicaPlanned, parametersConfirmed, rehearsalStarted, upToCheckedBundle } from './rehearsal-steps';

describe('a replica group in a rehearsal', () => {
  const app = oneApp('kf-ui-replica-');

  it('creates, imports and proves an EC key and its replica in another region', async () => {
    const { t } = translator('en');
    const { ui, folder, media } = app();
    const { page } = ui;
    await rehearsalStarted(page, folder);
    const projectId = await keyWithReplicaPlanned(page, 'dr/ec', 'EC_P256');
    expect(projectId).toMatch(/^[0-9a-f]{32}$/);
    await page.getByText('1 key and 1 replica: the KMS will hold 2 keys.', { exact: true }).waitFor();
    await step(page, 'Create 1 external key', 'online-create');

    const table = page.locator('[data-section="online-ceremony-keys"] table.key-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    const primary = table.locator('tbody tr').first();
    const replica = table.locator('tbody tr.replica');
    const primaryId = (await primary.locator('td').nth(1).textContent()) ?? '';
    expect(await replica.getAttribute('data-replica-of')).toBe(primaryId);
    expect(await replica.locator('td.place').textContent()).toContain('sim-local-2');
    expect(await replica.locator('td.group').textContent()).toBe(t('ckeys.group.replica', { alias: 'dr/ec' }));
    expect(await primary.locator('td.group').textContent()).toBe(t('ckeys.group.primary', { count: 1, proof: 'none' }));

    await parametersConfirmed(page, media);
    await upToCheckedBundle(page, media);
    await step(page, 'Import the key material', 'online-import');
    // Both imported lines share the alias's key spec: each names its region and its role in the group.
    const importedLine = (keyId: string) =>
      page.locator(`[data-section="online-import"] ul.imported li[data-key-id="${keyId}"]`).textContent();
    const replicaId = (await replica.locator('td').nth(1).textContent()) ?? '';
    expect(await importedLine(replicaId)).toContain(
      t('import.place', { group: 'replica', region: 'sim-local-2', alias: 'dr/ec' }),
    );
    expect(await importedLine(primaryId)).toContain(
      t('import.place', { group: 'primary', region: 'sim-local-1', alias: 'dr/ec' }),
    );
    await step(page, 'Verify the keys', 'online-verify');
    await expect
      .poll(() => primary.locator('td.group').textContent())
      .toBe(t('ckeys.group.primary', { count: 1, proof: 'public_key_equal' }));
    const events = (await readFile(path.join(folder, 'online-journal.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { event: string }).event);
    expect(events).toContain('kms.replica-connected');
    expect(events).toContain('replica-group.proven');
    await ui.screenshot('online-replica-group');
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);
});
