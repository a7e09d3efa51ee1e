/**
 * A whole rehearsal through the real UI in Chromium, both sides, for AES_256, RSA_4096 and
 * EC_P256: setup with two witnesses, simulator, keys, parameters bundle, the bundle digest typed by
 * each witness in turn (hidden until both have; a wrong one refused naming who typed it; the
 * second witness cannot be skipped), the preflight of the bundle and custodian folders (one volume
 * refused until the rehearsal override), generated material, the planned 2-of-3 custody split, wrap, bundle,
 * receipt; then on the online side a tampered bundle and an expired token refused in plain
 * words, the real bundle checked, imported, verified, the receipt and both journals. The start
 * screen and the online screen with its parameters (fingerprints, bundle digest) reflow at 200% zoom.
 * Finally the IPC audit over every answer and progress event of the run.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPayloads } from './audit';
import { openApp, startBrowser, type UiSession } from './harness';
import { click, fillByLabel, navigate, problemIn, succeeded } from './page-helpers';
import { wrapAsAnAttacker } from './swapped-bundle';

/** The app's window, and the same window at 200% zoom (half the CSS pixels). */
const WINDOW = { width: 1280, height: 900 };
const ZOOM_200 = { width: 640, height: 450 };

/** How far the page is wider than the window (0 or less: no horizontal scrolling). */
const horizontalOverflow = (page: Page) =>
  page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

/** At 200% zoom the screen reflows without horizontal scrolling; a screenshot as `shot` (of `section` only, when given); then back. */
async function reflowsAtZoom200(ui: UiSession, shot: string, section?: string): Promise<void> {
  await ui.page.setViewportSize(ZOOM_200);
  expect(await horizontalOverflow(ui.page)).toBeLessThanOrEqual(0);
  await ui.screenshot(shot, section);
  await ui.page.setViewportSize(WINDOW);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('rehearsal through the UI', () => {
  let browser: Browser;
  let ui: UiSession;
  let page: Page;
  let dir: string;
  let media: string;
  const fingerprintOfKey = new Map<string, string>();
  let parametersDigest = '';
  let wrappedDir = '';
  let wrappedDigest = '';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kf-ui-rehearsal-'));
    media = path.join(dir, 'media');
    await mkdir(media);
    await mkdir(path.join(dir, 'ceremony'));
    browser = await startBrowser();
    ui = await openApp(browser, {
      viewport: WINDOW,
      ipc: {
        volumes: [
          {
            label: 'KEYFERRY-USB',
            mountPoint: media,
            freeBytes: 8e9,
            totalBytes: 16e9,
            writable: true,
            device: '/dev/sdz1',
          },
        ],
      },
    });
    page = ui.page;
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await ui?.close();
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('starts on the start screen with Rehearsal preselected and the heading focused', async () => {
    const heading = page.getByRole('heading', { level: 1 });
    await expect
      .poll(
        () =>
          heading.evaluate(
            (el) => (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === el,
          ),
        { timeout: 30_000 },
      )
      .toBe(true);
    expect(await page.getByRole('radio', { name: 'Rehearsal' }).isChecked()).toBe(true);
    expect(
      await page.getByText('Run the whole ceremony on this machine against the built-in KMS simulator').isVisible(),
    ).toBe(true);
    await ui.screenshot('start');
    await reflowsAtZoom200(ui, 'start-zoom-200');
  });

  it('records the ceremony setup', async () => {
    await click(page, 'Continue');
    await page.getByRole('heading', { level: 1, name: 'Ceremony setup' }).waitFor();
    await fillByLabel(page, 'Ceremony title', 'UI rehearsal');
    await fillByLabel(page, 'Operator', 'Ana');
    await fillByLabel(page, 'Witness 1', 'Ana');
    await fillByLabel(page, 'Ceremony folder', path.join(dir, 'ceremony'));
    await ui.screenshot('setup');
    await click(page, 'Save and continue');
    expect(await problemIn(page, 'setup')).toContain(
      'The operator and the witnesses must all be different people: the operator ("Ana") and witness 1 ("Ana") are the same person',
    );
    await fillByLabel(page, 'Witness 1', 'Ben');
    await click(page, 'Add a witness');
    await fillByLabel(page, 'Witness 2', 'Chloé');
    await click(page, 'Save and continue');
    await page.getByRole('heading', { level: 1, name: 'Online side (rehearsal)' }).waitFor();
  });

  it('creates AES_256, RSA_4096 and EC_P256 external keys in the simulator', async () => {
    await ui.screenshot('online');
    await click(page, 'Start the simulator');
    await page.getByText('Connected to').waitFor();
    const specs = ['AES_256', 'RSA_4096', 'EC_P256'];
    for (const [i, spec] of specs.entries()) {
      if (i > 0) await click(page, 'Add another key');
      await fillByLabel(page, `Alias of key ${i + 1}`, `ui/${spec.toLowerCase()}`);
      await page.getByLabel(`Key spec of key ${i + 1}`, { exact: true }).selectOption(spec);
    }
    await click(page, 'Create 3 external keys');
    await page.locator('[data-section="online-create"] .state-done').waitFor();
    await page.getByLabel('Show keys in state').selectOption('pending-import');
    await click(page, 'List the keys');
    await page.getByText('3 keys (pending import)').waitFor();
    expect(await page.locator('[data-section="online-keys"] tbody tr').count()).toBe(3);
  });

  it('fetches the parameters and writes the import-parameters bundle', async () => {
    await click(page, 'Fetch the import parameters');
    const cards = page.locator('table.issued tbody tr');
    await expect.poll(() => cards.count(), { timeout: 30_000 }).toBe(3);
    for (const card of await cards.all()) {
      const keyId = (await card.locator('td.key-id').textContent()) ?? '';
      fingerprintOfKey.set(keyId, (await card.locator('code.hex').textContent()) ?? '');
    }
    expect([...fingerprintOfKey.values()].every((f) => /^([0-9A-F]{4} ){15}[0-9A-F]{4}$/.test(f))).toBe(true);
    await page.getByRole('button', { name: 'Show removable media for: Removable media folder for the bundle' }).click();
    await page.getByRole('button', { name: 'Use KEYFERRY-USB for: Removable media folder for the bundle' }).click();
    expect(await page.getByLabel('Removable media folder for the bundle', { exact: true }).inputValue()).toBe(media);
    await click(page, 'Write the import-parameters bundle');
    await page.getByText('Written and verified').waitFor();
    // The one value read aloud to the air-gapped side, set apart in groups of four.
    const online = page.locator('[data-section="online-parameters"]');
    parametersDigest = (await online.getByLabel('Import-parameters bundle digest').textContent()) ?? '';
    expect(parametersDigest).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(
      await online
        .locator('.digest-to-read')
        .getByText('IMPORT-PARAMETERS BUNDLE DIGEST: read it aloud at the air-gapped workstation')
        .isVisible(),
    ).toBe(true);
    await ui.screenshot('online-parameters');
    // The fingerprints and the digest to read aloud (long hex) wrap instead of scrolling sideways.
    await reflowsAtZoom200(ui, 'online-zoom-200', 'online-parameters');
  });

  it('on the air-gapped side, hides the bundle digest and refuses a wrong one, naming who typed it', async () => {
    await click(page, 'Go to the air-gapped side');
    await page.getByRole('heading', { level: 1, name: 'Air-gapped side (rehearsal)' }).waitFor();
    await click(page, 'Check the network');
    await page.locator('[data-section="air-network"] .notice').waitFor();
    await click(page, 'Read the bundle');
    const section = page.locator('[data-section="air-fingerprints"]');
    const card = section.locator('.bundle-digest');
    await card.waitFor();
    // One card for three keys: one value per witness. The digest is not on this screen yet.
    expect(await section.locator('.card').count()).toBe(1);
    await card.getByText('Not shown until every witness has typed it.').waitFor();
    const groups = parametersDigest.split(' ');
    const page1 = (await page.locator('main').textContent()) ?? '';
    expect(page1).not.toContain(groups.slice(0, 2).join(' '));
    expect(page1).not.toContain(groups.slice(14).join(' '));
    expect(await card.getByText('Still to type it: Ben, Chloé.').count()).toBe(1);
    // The wrapping-key fingerprints it binds stay available, folded.
    await card.getByText('The wrapping-key fingerprints of the 3 keys').click();
    expect(await card.locator('.covered-fingerprints code.hex').count()).toBe(3);

    const slip = [...groups];
    slip[4] = slip[4] === 'AAAA' ? 'BBBB' : 'AAAA';
    await card.getByLabel('Bundle digest as Ben heard it').fill(slip.join(' '));
    await card.getByRole('button', { name: 'Confirm as Ben' }).click();
    const problem = await problemIn(page, 'air-fingerprints');
    expect(problem).toContain(
      'Ben typed a value that differs from the digest of the import-parameters bundle read here in group 5 of 16',
    );
    expect(problem).not.toContain(groups[4]);
    expect(problem).toContain('What to do next');
    expect(await card.getByText('Still to type it: Ben, Chloé.').count()).toBe(1);
    await ui.screenshot('air-gapped-digest-slip');
  });

  it('asks each witness in turn: the second cannot be skipped', async () => {
    const card = page.locator('[data-section="air-fingerprints"] .bundle-digest');
    await card.getByLabel('Bundle digest as Ben heard it').fill(parametersDigest.toLowerCase());
    await card.getByRole('button', { name: 'Confirm as Ben' }).click();
    await card.getByText('Typed by Ben.').waitFor();
    expect(await card.getByText('Still to type it: Chloé.').count()).toBe(1);
    // Only Chloé is left to choose; there is no way past her, and no material can be made yet.
    const who = card.getByLabel('Witness typing now');
    expect(await who.locator('option').allTextContents()).toEqual(['Chloé']);
    expect(await card.getByRole('button', { name: /skip/i }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Generate the key material' }).isDisabled()).toBe(true);
    expect(await card.getByText('Not shown until every witness has typed it.').count()).toBe(1);
    await ui.screenshot('air-gapped-digest-one-of-two', 'air-fingerprints');

    await card.getByLabel('Bundle digest as Chloé heard it').fill(parametersDigest.replace(/ /g, ''));
    await card.getByRole('button', { name: 'Confirm as Chloé' }).click();
    await card.getByText('confirmed by Ben, Chloé').waitFor();
    expect(await card.getByLabel('Import-parameters bundle digest').textContent()).toBe(parametersDigest);
    expect(await card.getByRole('button', { name: /Confirm as/ }).count()).toBe(0);
    await ui.screenshot('air-gapped-digest-confirmed', 'air-fingerprints');
  });

  it('checks the folders before any material exists, refusing custodians on the transfer volume until the rehearsal override', async () => {
    expect(await page.getByRole('button', { name: 'Generate the key material' }).isDisabled()).toBe(true);
    await fillByLabel(page, 'Removable media folder for the wrapped bundle', media);
    await page.getByLabel('Keep custody shares of the material (M of N custodians)').check();
    for (const [i, name] of ['Cara', 'Dan', 'Eve'].entries()) {
      const folder = path.join(dir, `custodian-${name.toLowerCase()}`);
      await mkdir(folder);
      await fillByLabel(page, `Name of custodian ${i + 1}`, name);
      await fillByLabel(page, `Folder of custodian ${i + 1}`, folder);
    }
    await click(page, 'Check the folders');
    const problem = await problemIn(page, 'air-preflight');
    expect(problem).toContain(
      `The folder of custodian 1 (Cara), ${path.join(dir, 'custodian-cara')}, is on the same volume`,
    );
    expect(problem).toContain('Nothing was generated.');
    await ui.screenshot('air-gapped-preflight-refused', 'air-preflight');
    await page.getByLabel('Rehearsal: accept folders on one volume (recorded as a warning)').check();
    await click(page, 'Check the folders');
    await succeeded(page, 'air-preflight');
    await page.getByText('Preflight passed. This ceremony writes only here:').waitFor();
    await ui.screenshot('air-gapped-preflight', 'air-preflight');
  });

  it('generates the material with progress, showing only check values and fingerprints', async () => {
    await click(page, 'Generate the key material');
    await page
      .locator('[data-section="air-material"] progress')
      .waitFor({ timeout: 15_000 })
      .then(() => ui.screenshot('air-gapped-generating', 'air-material'))
      .catch(() => undefined);
    await page.getByRole('button', { name: 'Open custody' }).waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-section="air-material"] .key-list li').count()).toBe(3);
    expect(ui.ipc.events.filter((e) => e.stage === 'generate-material').length).toBeGreaterThanOrEqual(4);
    await ui.screenshot('air-gapped-material', 'air-material');
  });

  it('splits the material 2-of-3 as planned in the preflight', async () => {
    await click(page, 'Open custody');
    await page.getByRole('heading', { level: 1, name: 'Custody of the key material' }).waitFor();
    await page.getByText('2 of 3 shares, planned in the preflight step:').waitFor();
    await click(page, 'Split and write the shares');
    await succeeded(page, 'custody-split');
    const cards = page.locator('[data-section="custody-split"] .card');
    await expect.poll(() => cards.count(), { timeout: 30_000 }).toBe(3);
    expect(await cards.first().locator('li').count()).toBe(3);
    await ui.screenshot('custody');
    await click(page, 'Back to wrapping');
  });

  it('wraps, writes the wrapped-material bundle and the air-gapped receipt', async () => {
    await page.getByRole('heading', { level: 1, name: 'Air-gapped side (rehearsal)' }).waitFor();
    await click(page, 'Wrap the key material');
    await expect
      .poll(() => page.locator('[data-section="air-wrap"] .key-list li').count(), { timeout: 30_000 })
      .toBe(3);
    await click(page, 'Write the wrapped-material bundle');
    await page.getByText('Written and verified').waitFor();
    wrappedDigest = (await page.getByLabel('Wrapped-material bundle digest').textContent()) ?? '';
    wrappedDir = path.join(
      media,
      (await page.locator('[data-section="air-wrap"] .card .file-name').first().textContent()) ?? '',
    );
    await click(page, 'Write the receipt');
    await page.getByLabel('Preview of the air-gapped receipt').getByText('UI rehearsal (REHEARSAL)').waitFor();
    await click(page, 'Print the receipt');
    expect(await problemIn(page, 'receipt-air-gapped')).toContain('needs the Keyferry desktop window');
    await ui.screenshot('air-gapped-receipt');
  });

  it('requires the digest from the air-gapped receipt: the check cannot start without it', async () => {
    await click(page, 'Go back to the online side');
    await page.getByRole('heading', { level: 1, name: 'Online side (rehearsal)' }).waitFor();
    await fillByLabel(page, 'Wrapped-material bundle folder', wrappedDir);
    const check = page.getByRole('button', { name: 'Check the bundle', exact: true });
    expect(await check.isDisabled()).toBe(true);
    expect(await page.locator('[data-section="online-check"] .digest-progress').textContent()).toBe(
      '0 of 16 groups typed.',
    );
    const groups = wrappedDigest.split(' ');
    await fillByLabel(page, 'Bundle digest from the air-gapped receipt', `${groups.slice(0, 4).join(' ')} 3G`);
    expect(await page.locator('[data-section="online-check"] .digest-progress').textContent()).toBe(
      'Group 5 holds a character that is not a hex digit (0-9, A-F).',
    );
    expect(await page.locator('[data-section="online-check"] .group-bad').count()).toBe(1);
    expect(await check.isDisabled()).toBe(true);
    await ui.screenshot('online-digest-required', 'online-check');
  });

  it('refuses a swapped bundle with the receipt digest, naming no real group, before the KMS', async () => {
    const swapped = path.join(dir, 'swapped');
    await wrapAsAnAttacker(
      path.join(media, (await readdir(media)).find((n) => n.startsWith('import-parameters')) ?? ''),
      swapped,
    );
    await fillByLabel(page, 'Wrapped-material bundle folder', swapped);
    await fillByLabel(page, 'Bundle digest from the air-gapped receipt', wrappedDigest);
    await click(page, 'Check the bundle');
    const problem = await problemIn(page, 'online-check');
    expect(problem).toMatch(/\d+ of 16 groups differ from the digest of the bundle/);
    expect(problem).toContain('This is not the bundle the air-gapped receipt names');
    expect(problem).toContain('Nothing was sent to the KMS');
    expect(ui.ipc.calls.filter((c) => c.channel === 'online.import')).toEqual([]);
    await ui.screenshot('error-swapped-bundle', 'online-check');
  });

  it('locates a mistyped digest by group', async () => {
    const groups = wrappedDigest.split(' ');
    const real7 = groups[6] as string;
    const typo7 = `${real7.slice(0, 3)}${real7.endsWith('0') ? '1' : '0'}`;
    await fillByLabel(page, 'Wrapped-material bundle folder', wrappedDir);
    await fillByLabel(
      page,
      'Bundle digest from the air-gapped receipt',
      [...groups.slice(0, 6), typo7, ...groups.slice(7)].join(' '),
    );
    await click(page, 'Check the bundle');
    const problem = await problemIn(page, 'online-check');
    expect(problem).toContain(
      `Group 7 of 16 differs from the digest of the bundle in ${wrappedDir}: you typed ${typo7} there.`,
    );
    expect(problem).not.toContain(real7);
    await ui.screenshot('error-digest-typo', 'online-check');
  });

  it('refuses a tampered wrapped-material bundle in plain words', async () => {
    const tampered = path.join(dir, 'tampered');
    await cp(wrappedDir, tampered, { recursive: true });
    const victim = (await filesUnder(tampered)).find((f) => f.endsWith('.bin')) ?? '';
    const bytes = await readFile(victim);
    bytes[10] = (bytes[10] ?? 0) ^ 0xff;
    await writeFile(victim, bytes);
    await fillByLabel(page, 'Wrapped-material bundle folder', tampered);
    await fillByLabel(page, 'Bundle digest from the air-gapped receipt', wrappedDigest);
    await click(page, 'Check the bundle');
    const problem = await problemIn(page, 'online-check');
    expect(problem).toMatch(/SHA-256|does not match|changed/i);
    expect(problem).toContain('What to do next');
    await ui.screenshot('error-tampered-bundle', 'online-check');
  });

  it('refuses an expired import token (the simulator clock moved 25 hours)', async () => {
    const sim = ui.ipc.simulator();
    expect(sim).toBeDefined();
    sim?.clock.advance(25 * 60 * 60 * 1000);
    try {
      await fillByLabel(page, 'Wrapped-material bundle folder', wrappedDir);
      await fillByLabel(page, 'Bundle digest from the air-gapped receipt', wrappedDigest);
      await click(page, 'Check the bundle');
      const problem = await problemIn(page, 'online-check');
      expect(problem).toMatch(/expired/i);
      expect(problem).toContain('Fetch new parameters');
      await ui.screenshot('error-expired-token', 'online-check');
    } finally {
      sim?.clock.advance(-25 * 60 * 60 * 1000);
    }
  });

  it('checks the real bundle against the digest on the receipt, imports and verifies every key', async () => {
    await fillByLabel(page, 'Wrapped-material bundle folder', wrappedDir);
    await fillByLabel(page, 'Bundle digest from the air-gapped receipt', wrappedDigest.toLowerCase());
    await click(page, 'Check the bundle');
    await page.getByText('typed from the receipt and matches what the KMS issued').waitFor();
    expect(await page.getByRole('radio', { name: 'As each wrapped-material bundle requests' }).isChecked()).toBe(true);
    await click(page, 'Import the key material');
    await expect
      .poll(() => page.locator('[data-section="online-import"] .imported li').count(), { timeout: 30_000 })
      .toBe(3);
    await click(page, 'Verify the keys');
    await expect.poll(() => page.locator('[data-section="online-verify"] li.ok').count(), { timeout: 30_000 }).toBe(3);
    // Each proof is a catalogue phrase rendered on screen (never its key).
    const verifiedText = await page.locator('[data-section="online-verify"] ul.proofs').innerText();
    expect(verifiedText).toMatch(/round trip returned the plaintext|get-publickey equals the wrapped public key/);
    expect(verifiedText).not.toContain('proof.key.');
    await ui.screenshot('online-verified', 'online-verify');
    await click(page, 'Write the receipt');
    await page.getByLabel('Preview of the online receipt').getByText('UI rehearsal (REHEARSAL)').waitFor();
    await ui.screenshot('online-receipt');
  });

  it('shows both journals, each verifying', async () => {
    await navigate(page, 'Journal');
    await page.getByRole('heading', { level: 1, name: 'Ceremony journal' }).waitFor();
    await page.getByText(/The chain of \d+ entries verifies\./).waitFor();
    expect(await page.locator('table.journal tbody tr').filter({ hasText: 'key.imported' }).count()).toBe(3);
    await ui.screenshot('journal-online');
    await click(page, 'Air-gapped journal');
    await page.locator('table.journal tbody tr').filter({ hasText: 'material.wrapped' }).first().waitFor();
    expect(await page.getByText(/The chain of \d+ entries verifies\./).isVisible()).toBe(true);
    await ui.screenshot('journal-air-gapped');
  });

  it('IPC audit: no answer, event or page text held material; nothing left the page; no CSP violation', async () => {
    expect(ui.ipc.secrets.map((s) => s.label).sort()).toHaveLength(3);
    const payloads = [
      ...ui.ipc.calls.map((c, i) => ({ where: `#${i} ${c.channel} answer`, value: c.response })),
      ...ui.ipc.events.map((e, i) => ({ where: `event #${i}`, value: e })),
      { where: 'final page HTML', value: await page.content() },
    ];
    expect(ui.ipc.calls.length).toBeGreaterThan(30);
    expect(auditPayloads(payloads, ui.ipc.secrets)).toEqual([]);
    expect(JSON.stringify(payloads)).not.toContain(ui.ipc.simulator()?.sk ?? 'no simulator');
    expect(ui.foreignRequests).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
