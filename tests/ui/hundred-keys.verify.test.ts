/**
 * The online screen with 100 keys from the parameters to the verify step, through the real UI in
 * Chromium (real router, handlers and simulator): each key's state in the KMS is the one the app last
 * read, said with the time it was read, beside (not instead of) what the journal records; step 2's
 * state filter offers exactly the KMS's states, and typing "Pending" in the key filter finds the
 * keys the KMS holds in Pending import; step 7's lists have a summary line and stay in their bounded
 * areas; and an import or a verify never leaves the states read before it on screen as current. Screenshots: test-results/screens/online-100-keys-verify.png and -verified.png (the keys' table).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPerLanguage } from './app-per-language';
import { click, setUpCeremony, step } from './page-helpers';
import { digestConfirmedOnAirGap, parametersWritten, upToCheckedBundle } from './rehearsal-steps';

/** 90 AES_256 and 10 EC_P256 keys (no RSA: its key generation would only make the test slower). */
const PLAN = Array.from({ length: 100 }, (_, i) => {
  const spec = i < 90 ? 'AES_256' : 'EC_P256';
  return { alias: `batch/${spec.toLowerCase()}-${String(i + 1).padStart(3, '0')}`, spec };
});
/** The bounded scroll area of a key list (.key-list: 24rem) with its padding, in CSS pixels. */
const MAX_LIST_HEIGHT = 440;

describe('the online screen with 100 keys, from the parameters to the verify step', () => {
  const apps = appPerLanguage('kf-ui-100-verify-');

  it('shows the KMS states last read, finds Pending import keys, and bounds step 7', async () => {
    const { ui, page, t, folder, media } = await apps.open('en');
    const table = page.locator('[data-section="online-ceremony-keys"]');
    const verify = page.locator('[data-section="online-verify"]');
    const rowsIn = (kmsState: string) => table.locator(`tbody tr[data-kms-state="${kmsState}"]`).count();
    const pendingImport = t('kms.state', { state: '5' });
    await setUpCeremony(page, t, { title: 'Batch', folder });
    await step(page, t('connect.start-simulator'), 'online-connect');
    const planFile = path.join(apps.dir(), 'plan.json');
    await writeFile(planFile, JSON.stringify({ title: 'Batch', operator: 'Ana', witnesses: ['Ben'], keys: PLAN }));
    const create = page.locator('[data-section="online-create"]');
    await create.getByLabel(t('create.plan.file'), { exact: true }).fill(planFile);
    await click(page, t('create.plan.read'));
    await create.locator('.plan-file').waitFor();
    await step(page, t('create.button', { count: 100 }), 'online-create');
    const digest = await parametersWritten(page, media, t);

    // Nothing read from the KMS yet: the table says so, and the journal's view stands beside it.
    expect(await rowsIn('unread')).toBe(100);
    expect(await table.locator('tbody tr[data-state="issued"]').count()).toBe(100);
    // Step 2 reads the keys from the KMS: each key's state is that reading (Pending import), with its time.
    await step(page, t('keys.list'), 'online-keys');
    await expect.poll(() => rowsIn('5')).toBe(100);
    const cells = table.locator('tbody td.kms-state');
    expect(new Set(await cells.allTextContents())).toEqual(new Set([pendingImport]));
    // When it was read: the summary line says it, and each state's own time is on the state.
    expect(await cells.first().getAttribute('title')).toMatch(/^Pending import, read \d{4}-\d\d-\d\d \d\d:\d\d/);
    expect(await table.locator('.key-summary').textContent()).toMatch(/In the KMS, as read \d{4}-\d\d-\d\d \d\d:\d\d/);
    expect(await table.locator('.key-summary [data-kms-state="5"]').textContent()).toBe(`${pendingImport} 100`);
    expect(await table.locator('tbody td:not(.kms-state)').filter({ hasText: 'Parameters issued' }).count()).toBe(100);
    // Step 2's state filter offers every KMS state (one table: KMS_STATE_NAMES), and Pending import finds the 100.
    const stateFilter = page.getByLabel(t('keys.show-in-state'), { exact: true });
    expect(await stateFilter.locator('option').allTextContents()).toEqual([
      t('keys.filter', { filter: 'all', state: '' }),
      ...['1', '2', '3', '4', '5', '7'].map((state) => t('kms.state', { state })),
    ]);
    await stateFilter.selectOption('pending-import');
    await step(page, t('keys.list'), 'online-keys');
    expect(await page.locator('[data-section="online-keys"] caption').textContent()).toBe(
      t('keys.caption', { count: 100, filter: 'state', state: pendingImport }),
    );
    // The key filter finds them by the KMS's word.
    await page.getByLabel(t('ckeys.filter'), { exact: true }).fill('Pending');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(100);
    await page.getByLabel(t('ckeys.filter'), { exact: true }).fill('');

    // Step 7's key states read before the import: Pending import, then dropped by the import.
    await step(page, t('verify.read-states'), 'online-verify');
    await expect.poll(() => verify.locator('ul.key-states li[data-kms-state="5"]').count()).toBe(100);
    expect(await verify.locator('.status-next').count()).toBe(1);
    await digestConfirmedOnAirGap(page, digest, t);
    await upToCheckedBundle(page, media, t);
    await step(page, t('import.button'), 'online-import');
    await expect.poll(() => rowsIn('unread')).toBe(100);
    // No state read before the import stays on screen: step 7 has none to show until the next read.
    expect(await verify.locator('ul.key-states').count()).toBe(0);
    // The facts read before the import (nothing imported yet) are gone with them.
    expect(await verify.locator('.status-next').count()).toBe(0);
    // The verify step read each key afresh: Enabled everywhere, none of the old states left.
    await step(page, t('verify.button'), 'online-verify');
    await expect.poll(() => verify.locator('ul.key-states li[data-kms-state="2"]').count()).toBe(100);
    expect(await rowsIn('2')).toBe(100);
    expect(await verify.locator('ul.key-states').textContent()).not.toContain(pendingImport);

    // Step 7 with 100 keys: a summary line each, every list in its bounded area.
    expect(await verify.locator('.proof-summary').textContent()).toContain(
      t('verify.summary', { count: 100, ok: 100, failed: 0 }),
    );
    expect(await verify.locator('.kms-states-summary [data-kms-state="2"]').textContent()).toBe(
      `${t('kms.state', { state: '2' })} 100`,
    );
    // Measured as the officer sees them (getBoundingClientRect), and how tall the lists would be unbounded.
    const heights = await page.evaluate<[number, number][]>(
      `[...document.querySelectorAll('[data-section="online-verify"] ul')].map((l) => [l.scrollHeight, Math.round(l.getBoundingClientRect().height)])`,
    );
    expect(heights).toHaveLength(2);
    for (const [scroll, shown] of heights) {
      expect(scroll).toBeGreaterThan(2 * MAX_LIST_HEIGHT);
      expect(shown).toBeLessThanOrEqual(MAX_LIST_HEIGHT);
    }
    const section = await page.evaluate<number>(
      `Math.round(document.querySelector('[data-section="online-verify"]').getBoundingClientRect().height)`,
    );
    expect(section).toBeLessThan(1400);
    await ui.screenshot('online-100-keys-verify', 'online-verify');
    await ui.screenshot('online-100-keys-verified', 'online-ceremony-keys');
    // Opened, the deletion of the 90 imported AES keys' material scrolls in its own bounded area too.
    await verify.locator('details > summary').click();
    const deletion = await page.evaluate<[number, number]>(
      `(() => { const area = document.querySelector('[data-section="online-verify"] details .delete-rows'); return [area.scrollHeight, Math.round(area.getBoundingClientRect().height)]; })()`,
    );
    expect(deletion[0]).toBeGreaterThan(2 * MAX_LIST_HEIGHT);
    expect(deletion[1]).toBeLessThanOrEqual(MAX_LIST_HEIGHT);
    expect(await verify.getByText(t('ckeys.shown', { shown: 90, count: 90 }), { exact: true }).count()).toBe(1);
    expect(ui.pageErrors).toEqual([]);
  }, 600_000);
});
