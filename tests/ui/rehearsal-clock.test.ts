/**
 * Rehearsing an expired import token through the real UI in Chromium, with no outside tool: a
 * one-key rehearsal reaches a checked wrapped bundle, the online screen's simulator-clock control
 * moves the built-in simulator 25 hours forward (shown in ISO-like UTC, journaled as an override),
 * the import is refused with the expired-token message, and fresh parameters are fetched with a
 * token valid from the moved time. The control exists only in a rehearsal.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utcInMessage } from '../../src-main/i18n/translate';
import { openApp, startBrowser, type UiSession } from './harness';
import { click, fillByLabel, navigate, problemIn, step, succeeded } from './page-helpers';
import { upToCheckedBundle, upToConfirmedDigest } from './rehearsal-steps';

const HOUR = 60 * 60 * 1000;

describe('the simulator clock in a rehearsal', () => {
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
  const clockLine = () => page.locator('[data-section="online-clock"] .clock-now');

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kf-ui-clock-'));
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

  it('shows the simulator clock once the simulator runs, level with this computer', async () => {
    await upToConfirmedDigest(page, folder, path.join(dir, 'media'), 'EC_P256');
    await upToCheckedBundle(page, path.join(dir, 'media'));
    const line = (await clockLine().textContent()) ?? '';
    expect(line).toMatch(/^Simulator clock: now \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC \(the same as this computer\)\.$/);
  });

  it('moves the clock 25 hours forward, shown in UTC and journaled as the operator’s override', async () => {
    await fillByLabel(page, 'Move the clock forward by', '25');
    await click(page, 'Move the simulator clock');
    await succeeded(page, 'online-clock');
    const simNow = ui.ipc.simulator()?.clock.now() ?? 0;
    await expect
      .poll(() => clockLine().textContent())
      .toBe(`Simulator clock: now ${utcInMessage('en', simNow)} (25 hours ahead of this computer).`);
    expect(ui.ipc.simulator()?.clock.offset()).toBe(25 * HOUR);
    const moves = (await journal()).filter((e) => e.event === 'rehearsal.clock-moved');
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({ actor: 'Ana', data: { advancedMs: 25 * HOUR } });
    await ui.screenshot('online-simulator-clock-moved');
  });

  it('refuses the import with the expired-token message, then fetches fresh parameters', async () => {
    await click(page, 'Import the key material');
    const problem = await problemIn(page, 'online-import');
    expect(problem).toMatch(/import token of key [0-9a-z-]+ (has )?expired/);
    expect(problem).toContain('IMPORT_TOKEN_EXPIRED');
    expect((await journal()).map((e) => e.event)).not.toContain('key.imported');
    await ui.screenshot('online-import-token-expired');

    // Before: the written parameters bundle and the checked wrapped bundle, both for the old tokens.
    const writtenCard = page.locator('[data-section="online-parameters"] .card');
    const checkedCard = page.locator('[data-section="online-check"] .card');
    const typedDigest = page
      .locator('[data-section="online-check"]')
      .getByRole('textbox', { name: 'Bundle digest from the air-gapped receipt', exact: true });
    expect(await writtenCard.getByLabel('Import-parameters bundle digest').count()).toBe(1);
    expect(await checkedCard.getByLabel('Wrapped-material bundle digest').count()).toBe(1);
    // Before the import: who keeps a copy of the material (here nobody: an EC key without custody).
    expect(await checkedCard.locator('p.custody').textContent()).toBe(
      'No custody copy: after import this material exists only in the KMS.',
    );
    expect(await typedDigest.inputValue()).not.toBe('');

    await step(page, 'Fetch new import parameters', 'online-parameters');
    // After: nothing on screen still speaks for the old parameters (no card, no digest typed for them).
    expect(await writtenCard.count()).toBe(0);
    expect(await checkedCard.count()).toBe(0);
    expect(await typedDigest.inputValue()).toBe('');
    expect(await page.locator('[data-section="online-import"] ul.requested').count()).toBe(0);
    const fetched = (await journal()).filter((e) => e.event === 'parameters.fetched');
    expect(fetched).toHaveLength(2);
    const fresh = Date.parse(String(fetched[1]?.data.tokenExpiresAt));
    const moved = ui.ipc.simulator()?.clock.now() ?? 0;
    expect(fresh).toBeGreaterThan(moved + 23 * HOUR);
    expect(await page.locator('table.issued tbody tr').count()).toBe(1);
    // The new token must reach the air-gapped side again: the import waits for a new check.
    expect(await page.getByRole('button', { name: 'Import the key material', exact: true }).isDisabled()).toBe(true);
    await navigate(page, 'Journal');
    await page.locator('table.journal tbody tr').filter({ hasText: 'rehearsal.clock-moved' }).waitFor();
    await ui.screenshot('journal-simulator-clock-moved');
    expect(ui.pageErrors).toEqual([]);
  });
});
