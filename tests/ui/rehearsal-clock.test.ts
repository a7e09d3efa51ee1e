/**
 * Rehearsing an expired import token through the real UI in Chromium, with no outside tool: a
 * one-key rehearsal reaches a checked wrapped bundle, the online screen's simulator-clock control
 * moves the built-in simulator 25 hours forward (shown in ISO-like UTC, journaled as an override),
 * the import is refused with the expired-token message, and fresh parameters are fetched with a
 * token valid from the moved time. The control exists only in a rehearsal.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { utcInMessage } from '../../src-main/i18n/message-formats';
import { click, fillByLabel, navigate, problemIn, step, succeeded } from './page-helpers';
import { upToCheckedBundle, upToConfirmedDigest } from './rehearsal-steps';
import { rehearsalSessionPerFile } from './rehearsal-session';

const HOUR = 60 * 60 * 1000;

describe('the simulator clock in a rehearsal', () => {
  const session = rehearsalSessionPerFile('kf-ui-clock-');
  let page: Page;
  const journal = () => session.journal();
  const clockLine = () => page.locator('[data-section="online-clock"] .clock-now');

  it('shows the simulator clock once the simulator runs, level with this computer', async () => {
    page = session.page;
    await upToConfirmedDigest(page, session.folder, session.media, 'EC_P256');
    await upToCheckedBundle(page, session.media);
    const line = (await clockLine().textContent()) ?? '';
    expect(line).toMatch(/^Simulator clock: now \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC \(the same as this computer\)\.$/);
  });

  it('moves the clock 25 hours forward, shown in UTC and journaled as the operator’s override', async () => {
    await fillByLabel(page, 'Move the clock forward by', '25');
    await click(page, 'Move the simulator clock');
    await succeeded(page, 'online-clock');
    // The line shows the minute the screen read the moved clock; under load a minute may turn between
    // that reading and this one, so the minute before also counts (never any other).
    const shown = (ms: number) => `Simulator clock: now ${utcInMessage('en', ms)} (25 hours ahead of this computer).`;
    await expect
      .poll(async () => {
        const text = (await clockLine().textContent()) ?? '';
        const simNow = session.ui.ipc.simulator()?.clock.now() ?? 0;
        return text === shown(simNow) || text === shown(simNow - 60_000) ? 'the moved clock, to the minute' : text;
      })
      .toBe('the moved clock, to the minute');
    expect(session.ui.ipc.simulator()?.clock.offset()).toBe(25 * HOUR);
    const moves = (await journal()).filter((e) => e.event === 'rehearsal.clock-moved');
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({ actor: 'Ana', data: { advancedMs: 25 * HOUR } });
    await session.ui.screenshot('online-simulator-clock-moved', 'online-clock');
  });

  it('refuses the import with the expired-token message, then fetches fresh parameters', async () => {
    await click(page, 'Import the key material');
    const problem = await problemIn(page, 'online-import');
    expect(problem).toMatch(/import token of key [0-9a-z-]+ (has )?expired/);
    expect(problem).toContain('IMPORT_TOKEN_EXPIRED');
    expect((await journal()).map((e) => e.event)).not.toContain('key.imported');
    await session.ui.screenshot('online-import-token-expired', 'online-import');

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
    const moved = session.ui.ipc.simulator()?.clock.now() ?? 0;
    expect(fresh).toBeGreaterThan(moved + 23 * HOUR);
    expect(await page.locator('table.issued tbody tr').count()).toBe(1);
    // The new token must reach the air-gapped side again: the import waits for a new check.
    expect(await page.getByRole('button', { name: 'Import the key material', exact: true }).isDisabled()).toBe(true);
    await navigate(page, 'Journal');
    await page.locator('table.journal tbody tr').filter({ hasText: 'rehearsal.clock-moved' }).waitFor();
    await session.ui.screenshot('journal-simulator-clock-moved');
    expect(session.ui.pageErrors).toEqual([]);
  });
});
