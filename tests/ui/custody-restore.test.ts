/**
 * Custody end to end through the UI (rehearsal, AES_256): the material is split 2-of-3 before
 * wrapping and imported with an expiry date the air-gapped bundle requests; the simulator clock
 * passes that date, the online side notices the lapse and fetches fresh parameters; the custody
 * restore ceremony takes one share file and one share typed from its printed slip (a share given
 * twice is refused), rebuilds and proves the material (same key check value), wraps it for the
 * fresh parameters; the online side imports the same material again and verifies it.
 * Then the IPC audit of the whole run, the rebuilt material included.
 */
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupHex } from '../../src-main/core/hex-groups';
import { auditPayloads } from './audit';
import { openApp, startBrowser, type UiSession } from './harness';
import { click, fillByLabel, navigate, problemIn, step, succeeded } from './page-helpers';
import { wrapAndCheckOnline } from './rehearsal-steps';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('custody restore through the UI', () => {
  let browser: Browser;
  let ui: UiSession;
  let page: Page;
  let dir: string;
  let media: string;
  /** The import-parameters bundle digest the online side shows, read aloud to the witness. */
  let parametersDigest = '';
  let keyCheckValue = '';
  let setTag = '';
  const custodians = ['Cara', 'Dan', 'Eve'];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kf-ui-restore-'));
    media = path.join(dir, 'media');
    await mkdir(media);
    browser = await startBrowser();
    // The rehearsal's own folder (no folder is chosen in the setup) goes under `dir` too.
    ui = await openApp(browser, { ipc: { rehearsalRoot: dir } });
    page = ui.page;
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await ui?.close();
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** The custody set's tag, as Cara's share file carries it in its name (keyferry-share-<ceremony>-<TAG>-1of3.json). */
  async function custodySetTag(): Promise<string> {
    const names = await readdir(path.join(dir, 'custodian-cara'));
    const tag = names.map((n) => /-([0-9A-F]{8})-1of3\.json$/.exec(n)?.[1]).find((t) => t !== undefined);
    if (!tag) throw new Error(`no set share file among ${names.join(', ')}`);
    return tag;
  }

  async function readOnlineDigest(): Promise<string> {
    const digest = page.locator('[data-section="online-parameters"]').getByLabel('Import-parameters bundle digest');
    await digest.waitFor();
    return (await digest.textContent()) ?? '';
  }

  async function confirmDigest(section: string): Promise<void> {
    const card = page.locator(`[data-section="${section}"] .bundle-digest`);
    await card.getByLabel('Bundle digest as Ben heard it').fill(parametersDigest);
    await card.getByRole('button', { name: 'Confirm as Ben' }).click();
    await card.getByText('confirmed by Ben').waitFor();
  }

  it('imports AES material split 2-of-3, with the expiry the air-gapped bundle requests', async () => {
    await click(page, 'Continue');
    await fillByLabel(page, 'Ceremony title', 'Restore rehearsal');
    await fillByLabel(page, 'Operator', 'Ana');
    await fillByLabel(page, 'Witness 1', 'Ben');
    await click(page, 'Save and continue');
    await step(page, 'Start the simulator', 'online-connect');
    await fillByLabel(page, 'Alias of key 1', 'restore/aes');
    await step(page, 'Create 1 external key', 'online-create');
    await step(page, 'Fetch the import parameters', 'online-parameters');
    await fillByLabel(page, 'Removable media folder for the bundle', media);
    await step(page, 'Write the import-parameters bundle', 'online-parameters');
    parametersDigest = await readOnlineDigest();

    await click(page, 'Go to the air-gapped side');
    await step(page, 'Check the network', 'air-network');
    await step(page, 'Read the bundle', 'air-parameters');
    await confirmDigest('air-fingerprints');
    // Before any material: the bundle's media, its expiry and the custodians' folders are checked.
    const sim = ui.ipc.simulator();
    const expiryDay = new Date((sim?.clock.now() ?? Date.now()) + 3 * DAY_MS).toISOString().slice(0, 10);
    const preflight = page.locator('[data-section="air-preflight"]');
    await fillByLabel(page, 'Removable media folder for the wrapped bundle', media);
    await preflight.getByLabel('On a date (00:00 UTC)').check();
    await preflight.getByLabel('Expiry date').fill(expiryDay);
    await page.getByLabel('Keep custody shares of the material (M of N custodians)').check();
    for (const [i, name] of custodians.entries()) {
      const folder = path.join(dir, `custodian-${name.toLowerCase()}`);
      await mkdir(folder);
      await fillByLabel(page, `Name of custodian ${i + 1}`, name);
      await fillByLabel(page, `Folder of custodian ${i + 1}`, folder);
    }
    await page.getByLabel('Rehearsal: accept folders on one volume (recorded as a warning)').check();
    await step(page, 'Check the folders', 'air-preflight');
    await step(page, 'Generate the key material', 'air-material');
    keyCheckValue = (
      (await page.locator('[data-section="air-material"] .key-list code.hex').textContent()) ?? ''
    ).replace(/\s/g, '');
    expect(keyCheckValue).toMatch(/^[0-9A-F]{6}$/);
    await click(page, 'Open custody');
    await step(page, 'Split and write the shares', 'custody-split');
    await ui.screenshot('custody-split');
    await click(page, 'Back to wrapping');
    await wrapAndCheckOnline(page);
    await page.getByText('The bundle has the digest this rehearsal’s air-gapped side wrote').waitFor();
    // The checked bundle names its custody set by the tag the custodians' share files carry in their names.
    setTag = await custodySetTag();
    expect(await page.locator('[data-section="online-check"] .custody').textContent()).toBe(
      `Custody copy: 2 of 3 shares, held by Cara, Dan, Eve, custody set ${setTag} (the tag in its share files’ names).`,
    );
    expect(await page.locator('[data-section="online-import"] .requested').textContent()).toContain(
      `${expiryDay} 00:00:00 UTC`,
    );
    await step(page, 'Import the key material', 'online-import');
    expect(await page.locator('[data-section="online-import"] .imported').textContent()).toContain(
      '(as the bundle requests)',
    );
    await step(page, 'Verify the keys', 'online-verify');
    expect(await page.locator('[data-section="online-verify"] li.ok').count()).toBe(1);
  });

  it('notices the lapsed material and fetches fresh parameters for it', async () => {
    ui.ipc.simulator()?.clock.advance(5 * DAY_MS);
    await step(page, 'Read the key states from the KMS', 'online-verify');
    await page.getByText('Waiting for the same material again').waitFor();
    expect(await page.locator('[data-section="online-verify"] .banner').textContent()).toContain('expired in the KMS');
    await ui.screenshot('online-material-lapsed', 'online-verify');
    await step(page, 'Fetch new import parameters', 'online-parameters');
    await fillByLabel(page, 'Removable media folder for the bundle', media);
    await step(page, 'Write the import-parameters bundle', 'online-parameters');
    const fresh = await readOnlineDigest();
    expect(fresh).not.toBe(parametersDigest);
    // The way back names the set to bring, as the share files name it.
    expect(await page.locator('[data-section="online-parameters"]').textContent()).toContain(
      `held by Cara, Dan, Eve; custody set ${setTag}, the tag in its share files’ names`,
    );
    parametersDigest = fresh;
  });

  it('restores the material from one share file and one typed slip, refusing a share given twice', async () => {
    await navigate(page, 'Restore');
    await page.getByRole('heading', { level: 1, name: 'Custody restore ceremony' }).waitFor();
    await step(page, 'Check the network', 'restore-network');
    await step(page, 'Read the bundle', 'restore-parameters');
    const cara = path.join(dir, 'custodian-cara');
    const shareFile = path.join(cara, (await readdir(cara)).find((f) => f.endsWith('.json')) ?? '');
    await fillByLabel(page, 'Presented by', 'Cara');
    await fillByLabel(page, 'Share file', shareFile);
    // No custodian hands over a share before every witness confirmed the fresh bundle's digest.
    expect(await page.getByRole('button', { name: 'Present this share' }).isDisabled()).toBe(true);
    await confirmDigest('restore-fingerprint');
    await step(page, 'Present this share', 'restore-shares');
    await fillByLabel(page, 'Presented by', 'Cara');
    await fillByLabel(page, 'Share file', shareFile);
    await click(page, 'Present this share');
    expect(await problemIn(page, 'restore-shares')).toContain('already presented');
    await ui.screenshot('restore-duplicate-share', 'restore-shares');
    const dan = path.join(dir, 'custodian-dan');
    const slip = await readFile(
      path.join(dan, (await readdir(dan)).find((f) => f.endsWith('.slip.txt')) ?? ''),
      'utf8',
    );
    await fillByLabel(page, 'Presented by', 'Dan');
    await page.getByLabel('Lines typed from the printed slip').check();
    await fillByLabel(page, 'Slip lines', slip);
    await step(page, 'Present this share', 'restore-shares');
    expect(await page.locator('[data-section="restore-shares"] .key-list li').count()).toBe(2);
    // The shares are here, but nothing is rebuilt before the output folders passed the preflight.
    expect(await page.getByRole('button', { name: 'Rebuild the material' }).isDisabled()).toBe(true);
    expect(await ui.ipc.route('restore.rebuild', undefined)).toMatchObject({
      ok: false,
      problem: { code: 'PREFLIGHT_REQUIRED' },
    });
    await fillByLabel(page, 'Removable media folder for the restored bundle', media);
    // The material was imported with the expiry the air-gapped bundle requested (the plan said never):
    // the fresh bundle records it, so nothing is chosen for the officer; Never is chosen explicitly.
    await page.locator('[data-section="restore-preflight"]').getByLabel('Never', { exact: true }).check();
    await step(page, 'Check the folders', 'restore-preflight');
    await step(page, 'Rebuild the material', 'restore-rebuild');
    const rebuiltCheck = ((await page.getByLabel(/^KCV of /).textContent()) ?? '').replace(/\s/g, '');
    expect(rebuiltCheck).toBe(keyCheckValue);
    // The proof is rendered from its catalogue phrase (never its key), naming the custody backup by
    // its digest's first groups as the share slips print it (upper case, groups of four).
    const { backupDigest } = JSON.parse(await readFile(shareFile, 'utf8')) as { backupDigest: string };
    expect(backupDigest).toMatch(/^[0-9a-f]{64}$/);
    const proofLine = `in the custody backup ${groupHex(backupDigest.slice(0, 16))}…`;
    await page.getByText(new RegExp(`^Proven: every key’s rebuilt material matches .* ${proofLine}$`)).waitFor();
    await step(page, 'Wrap the rebuilt material', 'restore-wrap');
    await step(page, 'Write the wrapped-material bundle', 'restore-wrap');
    await step(page, 'Write the receipt', 'restore-receipt');
    await page.getByLabel('Preview of the custody-restore receipt').waitFor();
    await ui.screenshot('restore');
  });

  it('imports the restored material again and verifies the key', async () => {
    const restoredDir = path.join(
      media,
      (await page.locator('[data-section="restore-wrap"] .card .file-name').first().textContent()) ?? '',
    );
    const restoredDigest = (await page.getByLabel('Restored wrapped-material bundle digest').textContent()) ?? '';
    await navigate(page, 'Online');
    await fillByLabel(page, 'Wrapped-material bundle folder', restoredDir);
    await fillByLabel(page, 'Bundle digest from the air-gapped receipt', restoredDigest);
    await step(page, 'Check the bundle', 'online-check');
    await step(page, 'Import the key material', 'online-import');
    await step(page, 'Verify the keys', 'online-verify');
    expect(await page.locator('[data-section="online-verify"] li.ok').count()).toBe(1);
    await succeeded(page, 'online-verify');
    await navigate(page, 'Journal');
    await click(page, 'Custody restore journal');
    await page.locator('table.journal tbody tr').filter({ hasText: 'custody.restored' }).waitFor({ timeout: 60_000 });
    expect(await page.getByText(/The chain of \d+ entries verifies\./).isVisible()).toBe(true);
    await ui.screenshot('journal-custody-restore');
  });

  it('IPC audit: neither the material nor the rebuilt material crossed IPC or reached the page', async () => {
    expect(ui.ipc.secrets.map((s) => s.label)).toHaveLength(2);
    const payloads = [
      ...ui.ipc.calls.map((c, i) => ({ where: `#${i} ${c.channel} answer`, value: c.response })),
      ...ui.ipc.events.map((e, i) => ({ where: `event #${i}`, value: e })),
      { where: 'final page HTML', value: await page.content() },
    ];
    expect(auditPayloads(payloads, ui.ipc.secrets)).toEqual([]);
    expect(ui.foreignRequests).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
