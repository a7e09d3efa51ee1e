/**
 * The app's guards against silent loss, through the real UI in Chromium (real router, handlers,
 * journals and simulator): the preflight before any material (a refused folder shown with the fix),
 * AES material with an expiry and no custody copy needs a ticked acknowledgement naming the
 * consequence (nothing generated without it, journaled with it), deleting imported material first
 * shows what the journal recorded of its custody copy (here: NO copy, so the key ID must be typed;
 * nothing deleted without it, journaled with it), and leaving an air-gapped
 * ceremony that holds material asks first: "stay" changes nothing, "abandon" journals the
 * interrupt and the abandon as a Ctrl-C on the command line does.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalEvents as events } from '../ipc/handlers/airgap-session';
import { openApp, startBrowser, type UiSession } from './harness';
import { click, fillByLabel, navigate, problemIn, step, succeeded } from './page-helpers';
import { upToConfirmedDigest } from './rehearsal-steps';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('ceremony safety through the UI', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kf-ui-safety-'));
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** The app in a fresh page with ceremony folder `ceremony-<n>` and medium `media-<n>`, for one describe. */
  function ceremonyPerDescribe(n: number): () => { ui: UiSession; page: Page; folder: string; media: string } {
    let opened: { ui: UiSession; page: Page; folder: string; media: string } | undefined;
    beforeAll(async () => {
      const folder = path.join(dir, `ceremony-${n}`);
      const media = path.join(dir, `media-${n}`);
      await Promise.all([mkdir(folder), mkdir(media)]);
      const ui = await openApp(browser);
      ui.page.setDefaultTimeout(15_000);
      opened = { ui, page: ui.page, folder, media };
    });
    afterAll(async () => {
      await opened?.ui.close();
    });
    return () => {
      if (!opened) throw new Error('the app is not open: use it inside a test');
      return opened;
    };
  }

  describe('AES with an expiry and no custody, then deleting the imported material', () => {
    const ceremony = ceremonyPerDescribe(1);
    let ui: UiSession;
    let page: Page;
    let folder: string;
    let media: string;
    let keyId = '';
    const airJournal = () => path.join(folder, 'air-gapped-journal.jsonl');
    const onlineJournal = () => path.join(folder, 'online-journal.jsonl');
    /** The online journal's entry that recorded the wrapped bundle's custody copy (none here). */
    const checkedSeq = async () =>
      ((await events(onlineJournal())) as { event: string; seq?: number }[]).find(
        (e) => e.event === 'wrapped-bundle.checked',
      )?.seq;

    beforeAll(() => {
      ({ ui, page, folder, media } = ceremony());
    });

    it('generates nothing before the folders passed, and shows a refused folder with the fix', async () => {
      await upToConfirmedDigest(page, folder, media, 'AES_256');
      expect(await page.getByRole('button', { name: 'Generate the key material' }).isDisabled()).toBe(true);
      await page.getByText('Check the folders first (step 3): nothing is generated before they pass.').waitFor();
      // Past the screen, straight to the channel: the core refuses too.
      expect(await ui.ipc.route('airgap.generate', undefined)).toMatchObject({
        ok: false,
        problem: { code: 'PREFLIGHT_REQUIRED' },
      });
      const missing = path.join(dir, 'unplugged-usb');
      await fillByLabel(page, 'Removable media folder for the wrapped bundle', missing);
      await click(page, 'Check the folders');
      const problem = await problemIn(page, 'air-preflight');
      expect(problem).toContain(`${missing}/wrapped-material-`);
      expect(problem).toContain('cannot be created: its parent');
      expect(problem).toContain('Insert the media, or choose a folder whose parent exists.');
      await ui.screenshot('air-gapped-preflight-missing-media', 'air-preflight');
      expect((await events(airJournal())).map((e) => e.event)).not.toContain('material.generated');
    });

    it('asks for the acknowledgement of the loss: without it nothing is generated, with it the journal has it', async () => {
      const sim = ui.ipc.simulator();
      const expiryDay = new Date((sim?.clock.now() ?? Date.now()) + 30 * DAY_MS).toISOString().slice(0, 10);
      const expiresAt = `${expiryDay}T00:00:00.000Z`;
      const preflight = page.locator('[data-section="air-preflight"]');
      await fillByLabel(page, 'Removable media folder for the wrapped bundle', media);
      await preflight.getByLabel('On a date (00:00 UTC)').check();
      await preflight.getByLabel('Expiry date').fill(expiryDay);
      const warning = preflight.getByRole('group', { name: 'No copy of this AES material will exist' });
      await warning.waitFor();
      expect(await warning.textContent()).toContain(
        `The AES material of 1 key will expire in the KMS at ${expiryDay} 00:00:00 UTC and no custody share is planned. After that moment it can never be imported again, and every ciphertext under the key is unreadable for ever.`,
      );
      const check = page.getByRole('button', { name: 'Check the folders', exact: true });
      expect(await check.isDisabled()).toBe(true);
      // The channel refuses the plan without the acknowledgement, whatever the screen does.
      expect(
        await ui.ipc.route('airgap.preflight', { folder: media, expiry: { kind: 'at', at: expiresAt } }),
      ).toMatchObject({ ok: false, problem: { code: 'MATERIAL_NO_BACKUP_UNACKNOWLEDGED' } });
      expect(await ui.ipc.route('airgap.generate', undefined)).toMatchObject({
        ok: false,
        problem: { code: 'PREFLIGHT_REQUIRED' },
      });
      let journaled = (await events(airJournal())).map((e) => e.event);
      expect(journaled).not.toContain('material.no-backup-acknowledged');
      expect(journaled).not.toContain('material.generated');
      await ui.screenshot('air-gapped-no-backup-acknowledgement', 'air-preflight');

      await page
        .getByLabel(
          `I understand: this material is kept nowhere and is lost for ever after ${expiryDay} 00:00:00 UTC (journaled and printed on the receipt)`,
        )
        .check();
      await step(page, 'Check the folders', 'air-preflight');
      await page
        .getByText('Acknowledged (journaled, printed on the receipt): no copy of the AES material of 1 key exists.')
        .waitFor();
      // The plan (this app's online side) said never: main's preflight answer names the override it journaled.
      await preflight
        .getByText(
          'The ceremony plan (carried in the import-parameters bundle) asks for no expiry (never) for 1 key: the expiry chosen overrides it (journaled; both receipts list it).',
        )
        .waitFor();
      const acknowledged = (await events(airJournal())).filter((e) => e.event === 'material.no-backup-acknowledged');
      expect(acknowledged).toHaveLength(1);
      keyId = (acknowledged[0]?.data.keyIds as string[])[0] as string;
      expect(acknowledged[0]).toMatchObject({ actor: 'Ana', data: { expiresAt } });
      expect((await events(airJournal())).find((e) => e.event === 'expiry.plan-overridden')?.data).toMatchObject({
        planned: 'never',
        requested: expiresAt,
        keyIds: [keyId],
      });
      await step(page, 'Generate the key material', 'air-material');
      journaled = (await events(airJournal())).map((e) => e.event);
      expect(journaled.indexOf('material.no-backup-acknowledged')).toBeLessThan(
        journaled.indexOf('material.generated'),
      );
    });

    it('asks before leaving the ceremony for another screen; "stay" changes nothing', async () => {
      const before = (await events(airJournal())).length;
      await navigate(page, 'Online');
      const dialog = page.getByRole('alertdialog', { name: 'Leave this ceremony?' });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain(
        'The air-gapped ceremony is not finished (it has reached step “key material ready”).',
      );
      expect(
        await dialog
          .getByRole('button', { name: 'Stay in the ceremony' })
          .evaluate(
            (b) => (b as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === b,
          ),
      ).toBe(true);
      await ui.screenshot('leave-ceremony-dialog');
      await dialog.getByRole('button', { name: 'Stay in the ceremony' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('heading', { level: 1, name: 'Air-gapped side (rehearsal)' }).waitFor();
      expect(await events(airJournal())).toHaveLength(before);
    });

    it('wraps, imports and verifies with the requested expiry', async () => {
      await step(page, 'Wrap the key material', 'air-wrap');
      await step(page, 'Write the wrapped-material bundle', 'air-wrap');
      await step(page, 'Write the receipt', 'air-receipt');
      expect(await page.getByLabel('Preview of the air-gapped receipt').textContent()).toContain(
        'material.no-backup-acknowledged',
      );
      await click(page, 'Go back to the online side');
      await click(page, 'Use the digest this rehearsal’s air-gapped side wrote');
      await step(page, 'Check the bundle', 'online-check');
      await step(page, 'Import the key material', 'online-import');
      await step(page, 'Verify the keys', 'online-verify');
    });

    it("shows the journal's NO custody copy before a deletion, deletes only once its key ID is typed, and journals the acknowledged loss first", async () => {
      await page.getByText('Delete imported AES material').click();
      // Nothing to type or press before main has said what the journal recorded of the custody copy.
      expect(await page.getByLabel(`Type the key ID ${keyId} to confirm`).count()).toBe(0);
      await click(page, 'What would deleting the material of safety/aes_256 lose?');
      await page
        .getByText(
          `Key ${keyId} has NO custody copy (online journal entry ${await checkedSeq()}: the air-gapped side kept none, acknowledged there). Deleting its imported material destroys it for ever`,
        )
        .waitFor();
      const remove = page.getByRole('button', { name: 'Delete the material of safety/aes_256' });
      expect(await remove.isDisabled()).toBe(true);
      await fillByLabel(page, `Type the key ID ${keyId} to confirm`, keyId.slice(0, -1));
      expect(await remove.isDisabled()).toBe(true);
      // Straight to the channel without the acknowledgement or without the typed key ID: refused, nothing deleted.
      expect(await ui.ipc.route('online.delete-material', { keyId })).toMatchObject({ ok: false });
      expect(await ui.ipc.route('online.delete-material', { keyId, acknowledgeLoss: false })).toMatchObject({
        ok: false,
      });
      expect(await ui.ipc.route('online.delete-material', { keyId, acknowledgeLoss: true })).toMatchObject({
        ok: false,
      });
      let journaled = (await events(onlineJournal())).map((e) => e.event);
      expect(journaled).not.toContain('material.loss-acknowledged');
      expect(journaled).not.toContain('key.material-deleted');
      await ui.screenshot('online-delete-acknowledgement', 'online-verify');

      await fillByLabel(page, `Type the key ID ${keyId} to confirm`, keyId);
      await remove.click();
      await succeeded(page, 'online-verify');
      const entries = await events(onlineJournal());
      journaled = entries.map((e) => e.event);
      expect(entries.find((e) => e.event === 'material.loss-acknowledged')).toMatchObject({
        data: {
          keyId,
          action: 'delete-imported-material',
          consequence: 'lost-for-ever',
        },
      });
      expect(journaled.indexOf('material.loss-acknowledged')).toBeLessThan(journaled.indexOf('key.material-deleted'));
      // The key waits for the same material, which no custody copy holds: the step sends nobody for custodians' shares.
      const waiting = page.locator('[data-section="online-verify"] .banner', {
        hasText: 'Waiting for the same material again',
      });
      await waiting.waitFor();
      const said = await waiting.textContent();
      expect(said).not.toMatch(/custodians['’] shares/);
      expect(said).toContain(
        'Only the same material brings these keys back. Fetch new import parameters (step 4), then on the air-gapped workstation restore the material from its custody copy, if one was kept',
      );
      expect(ui.pageErrors).toEqual([]);
    });
  });

  describe('abandoning an air-gapped ceremony that holds material', () => {
    const ceremony = ceremonyPerDescribe(2);

    it('journals the interrupt and the abandon, wipes the material and starts the side afresh', async () => {
      const { ui, page, folder, media } = ceremony();
      await upToConfirmedDigest(page, folder, media, 'EC_P256');
      await fillByLabel(page, 'Removable media folder for the wrapped bundle', media);
      await step(page, 'Check the folders', 'air-preflight');
      await step(page, 'Generate the key material', 'air-material');
      await navigate(page, 'Setup');
      const dialog = page.getByRole('alertdialog', { name: 'Leave this ceremony?' });
      await dialog.getByRole('button', { name: 'Abandon the ceremony and leave' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ceremony setup' }).waitFor();
      const entries = await events(path.join(folder, 'air-gapped-journal.jsonl'));
      expect(entries.slice(-2)).toMatchObject([
        { event: 'ceremony.interrupted', data: { left: 'ceremony-left', state: 'material-ready', wipedKeys: 1 } },
        { event: 'ceremony.abandoned', data: { reason: expect.stringContaining('left the ceremony') } },
      ]);
      // Back on the air-gapped screen the side starts afresh: nothing of the abandoned session is offered.
      await navigate(page, 'Air-gapped');
      expect(await page.locator('[data-section="air-material"] .key-list li').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Check the network' }).isDisabled()).toBe(false);
      expect(ui.pageErrors).toEqual([]);
    });
  });
});
