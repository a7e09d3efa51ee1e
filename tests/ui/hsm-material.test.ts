/**
 * The HSM material source through the real UI in Chromium (real router, handlers, journals,
 * simulator) on a real SoftHSM token: the preflight says the material comes from an HSM (no
 * backup question, no custody), then the token check, its own step before any witness confirms,
 * lists the module's tokens, the officer picks the token and types the PIN; a wrong PIN is refused
 * with its message and nothing written; the capability result shows each spec (SoftHSM's
 * zero-filled AES_KEY_WRAP_PAD refused, then accepted for this rehearsal with a warning) before
 * any witness types and anything is generated; the witness confirms; the material is generated in
 * the token, its key check value and public-key fingerprint shown; the PIN is in no IPC answer,
 * progress event, log line, journal, written file or page, and its field is empty after each try.
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder } from '../support/written-files';
import { translator } from '../../src-main/i18n/translate';
import { createSoftHsmToken, SOFTHSM_MODULE, type SoftToken } from '../core/hsm/helpers/soft-tokens';
import { journalEvents, parametersConfirmed } from '../ipc/handlers/airgap-session';
import { hsmMaterialLapsed } from '../ipc/handlers/hsm-session';
import { openApp, startBrowser, type UiSession } from './harness';
import { click, fillByLabel, problemIn, setUpCeremony, step, succeeded } from './page-helpers';
import { benConfirms, noWitnessConfirmed, upToHsmCheck } from './hsm-steps';

const PIN = '80417362';
const WRONG_PIN = '19283746';
const { t } = translator('en');
const zh = translator('zh-CN').t;

describe('the HSM material source through the UI, on a SoftHSM token', () => {
  let browser: Browser;
  let dir: string;
  let folder: string;
  let media: string;
  let token: SoftToken;
  let ui: UiSession;
  let uiClosed = false;
  let page: Page;
  const airJournal = () => path.join(folder, 'air-gapped-journal.jsonl');
  const material = () => page.locator('[data-section="air-material"]');
  const hsmStep = () => page.locator('[data-section="air-hsm"]');
  let digest = '';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kf-ui-hsm-'));
    folder = path.join(dir, 'ceremony');
    media = path.join(dir, 'media');
    await mkdir(folder);
    await mkdir(media);
    token = await createSoftHsmToken('ui-hsm-token', PIN);
    browser = await startBrowser();
    ui = await openApp(browser);
    page = ui.page;
    page.setDefaultTimeout(20_000);
  }, 120_000);
  afterAll(async () => {
    if (!uiClosed) await ui?.close();
    await browser?.close();
    await token?.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  it('plans HSM material in the preflight: no custody choice and no backup question; the token check opens before any witness', async () => {
    digest = await upToHsmCheck({ page, tr: t, folder, media, specs: ['AES_256', 'RSA_2048'] });
    // The HSM source is the one open on the material step, which waits for the token check.
    expect(await page.getByRole('radio', { name: t('material.source.hsm') }).isChecked()).toBe(true);
    expect(await material().textContent()).toContain(t('hsm.check-first', { number: 4 }));
    // The token check is its own step, before the witnesses, open now.
    expect(await hsmStep().locator('h2, h3').first().textContent()).toContain(t('hsm.title'));
    expect(
      await hsmStep()
        .getByRole('button', { name: t('hsm.list-tokens') })
        .isDisabled(),
    ).toBe(true);
    await noWitnessConfirmed(page, airJournal());
  }, 180_000);

  it('lists the tokens of the module, picks one by label and serial, and refuses a wrong PIN with nothing written', async () => {
    await fillByLabel(page, t('hsm.module'), SOFTHSM_MODULE);
    await click(page, t('hsm.list-tokens'));
    await succeeded(page, 'air-hsm');
    await hsmStep()
      .getByLabel(t('hsm.token'), { exact: true })
      .selectOption({
        label: t('hsm.token.option', { label: 'ui-hsm-token', serial: token.serial }),
      });
    const details = (await hsmStep().locator('.hsm-token').textContent()) ?? '';
    expect(details).toContain(`SoftHSM project SoftHSM v2, serial ${token.serial}, firmware 2.6, slot `);
    expect(details).toContain('User PIN: set');
    await fillByLabel(page, t('hsm.pin'), WRONG_PIN);
    await click(page, t('hsm.check'));
    const refused = await problemIn(page, 'air-hsm');
    expect(refused).toContain(
      `Token "ui-hsm-token" (serial ${token.serial}) refused the user PIN (CKR_PIN_INCORRECT).`,
    );
    // SoftHSM sets CKF_USER_PIN_COUNT_LOW after a wrong PIN: the app says what the token reports.
    expect(refused).toContain('The token says few tries are left before it locks the PIN');
    expect(await page.getByLabel(t('hsm.pin'), { exact: true }).inputValue()).toBe('');
    await ui.screenshot('air-gapped-hsm-wrong-pin');
    const events = await journalEvents(airJournal());
    expect(events.find((e) => e.event === 'hsm.refused')?.data.code).toBe('HSM_PIN_INCORRECT');
    expect(events.map((e) => e.event)).not.toContain('material.generated');
    expect(await readdir(media)).toEqual([expect.stringMatching(/^import-parameters-/)]);
  }, 120_000);

  it('shows the capability result per spec before anything is generated: the zero-filled pad refused, then accepted for the rehearsal', async () => {
    await fillByLabel(page, t('hsm.pin'), PIN);
    await click(page, t('hsm.check'));
    await succeeded(page, 'air-hsm');
    const result = hsmStep().locator('[data-hsm-result]');
    expect(await result.getAttribute('data-hsm-result')).toBe('refused');
    expect(await result.locator('[data-spec="AES_256"]').getAttribute('data-ok')).toBe('yes');
    expect(await result.locator('[data-spec="AES_256"]').textContent()).toContain('CKM_AES_KEY_GEN (0x1080)');
    const rsa = (await result.locator('[data-spec="RSA_2048"]').textContent()) ?? '';
    expect(rsa).toContain('RSA_2048: cannot be done');
    expect(rsa).toContain('CKM_AES_KEY_WRAP_PAD (0x210A) is not RFC 5649-exact');
    expect(await page.getByRole('button', { name: t('hsm.produce.generate') }).count()).toBe(0);
    await ui.screenshot('air-gapped-hsm-capability-refused', 'air-hsm');

    await hsmStep().getByLabel(t('hsm.zero-filled.accept'), { exact: true }).check();
    await fillByLabel(page, t('hsm.pin'), PIN);
    await click(page, t('hsm.check'));
    await succeeded(page, 'air-hsm');
    expect(await result.getAttribute('data-hsm-result')).toBe('accepted');
    expect(await result.textContent()).toContain(t('hsm.result.accepted'));
    expect(await result.textContent()).toContain(
      t('hsm.result.zero-filled', { mechanism: 'CKM_AES_KEY_WRAP_PAD (0x210A)' }),
    );
    expect(await page.getByLabel(t('hsm.pin'), { exact: true }).inputValue()).toBe('');
    const events = (await journalEvents(airJournal())).map((e) => e.event);
    expect(events).toContain('hsm.zero-filled-pad-accepted');
    expect(events).not.toContain('material.generated');
    await ui.screenshot('air-gapped-hsm-capability', 'air-hsm');
    // Checked before anyone typed: the witness confirms now, then the material step may generate.
    await noWitnessConfirmed(page, airJournal());
    await benConfirms(page, t, digest);
  }, 120_000);

  it('generates the material in the token: key check value and public-key fingerprint from the HSM, no custody question', async () => {
    await click(page, t('hsm.produce.generate'));
    await succeeded(page, 'air-material');
    await page.locator('[data-section="air-material"] .state-done').waitFor();
    const list = material().locator('.key-list');
    const text = (await list.textContent()) ?? '';
    expect(text).toContain('(AES_256, in the HSM)');
    expect(text).toContain('(RSA_2048, in the HSM)');
    expect(text).toMatch(/token object "keyferry \S+ \S+"/);
    const generated = (await journalEvents(airJournal())).filter((e) => e.event === 'material.generated');
    const aes = generated.find((e) => e.data.spec === 'AES_256');
    const rsa = generated.find((e) => e.data.spec === 'RSA_2048');
    expect(aes?.data).toMatchObject({ source: 'hsm', keptInHsm: true, hsmTokenSerial: token.serial });
    expect(text.replace(/\s/g, '')).toContain(String(aes?.data.keyCheckValue));
    const fingerprint = String(rsa?.data.publicKeyFingerprint).toUpperCase();
    expect(text.replace(/\s/g, '')).toContain(fingerprint);
    expect(await material().textContent()).toContain(t('hsm.custody-is-token', { serial: token.serial }));
    expect(await material().getByRole('button', { name: 'Open the custody screen' }).count()).toBe(0);
    await ui.screenshot('air-gapped-hsm-material', 'air-material');
  }, 120_000);

  it('never shows, sends back, logs, journals or writes the PIN', async () => {
    const requests = JSON.stringify(ui.ipc.calls.filter((c) => c.channel === 'airgap.use-hsm').map((c) => c.request));
    // The search can find it: the requests carried both.
    expect(requests).toContain(PIN);
    expect(requests).toContain(WRONG_PIN);
    const html = await page.content();
    for (const pin of [PIN, WRONG_PIN]) {
      for (const c of ui.ipc.calls) expect(JSON.stringify(c.response), `PIN in ${c.channel}`).not.toContain(pin);
      expect(JSON.stringify(ui.ipc.events)).not.toContain(pin);
      expect(ui.ipc.logLines.join('\n')).not.toContain(pin);
      expect(html).not.toContain(pin);
      for (const root of [folder, media])
        for (const f of await filesUnder(root))
          expect(f.bytes.includes(Buffer.from(pin)), `PIN in ${f.file}`).toBe(false);
    }
    expect(ui.pageErrors).toEqual([]);
    expect(ui.foreignRequests).toEqual([]);
  });

  it('shows the token picker and the capability result in Chinese', async () => {
    // PKCS#11 login state is per process and token: the first session logs out when it closes.
    await ui.close();
    uiClosed = true;
    const zhUi = await openApp(browser, { locale: 'zh-CN' });
    try {
      const zhPage = zhUi.page;
      zhPage.setDefaultTimeout(20_000);
      await mkdir(path.join(dir, 'zh-ceremony'));
      await mkdir(path.join(dir, 'zh-media'));
      await upToHsmCheck({
        page: zhPage,
        tr: zh,
        folder: path.join(dir, 'zh-ceremony'),
        media: path.join(dir, 'zh-media'),
        specs: ['AES_256'],
      });
      const section = zhPage.locator('[data-section="air-hsm"]');
      await fillByLabel(zhPage, zh('hsm.module'), SOFTHSM_MODULE);
      await click(zhPage, zh('hsm.list-tokens'));
      await succeeded(zhPage, 'air-hsm');
      expect(await section.locator('.hsm-token').textContent()).toContain(`序列号 ${token.serial}`);
      await fillByLabel(zhPage, zh('hsm.pin'), PIN);
      await click(zhPage, zh('hsm.check'));
      await succeeded(zhPage, 'air-hsm');
      const result = section.locator('[data-hsm-result="accepted"]');
      expect(await result.textContent()).toContain(zh('hsm.result.accepted'));
      await zhUi.screenshot('zh-CN/air-gapped-hsm-capability', 'air-hsm');
      expect(zhUi.pageErrors).toEqual([]);
    } finally {
      await zhUi.close();
    }
  }, 180_000);

  it('restores the lapsed HSM material on the restore screen from the token object: wrong PIN refused, then proven', async () => {
    const restoreUi = await openApp(browser);
    try {
      const rp = restoreUi.page;
      rp.setDefaultTimeout(20_000);
      const rFolder = path.join(dir, 'restore-ceremony');
      const rMedia = path.join(dir, 'restore-media');
      await mkdir(rFolder);
      await mkdir(rMedia);
      await setUpCeremony(rp, t, {
        title: 'HSM restore rehearsal',
        folder: rFolder,
        wrappingAlgorithm: 'RSAES_OAEP_SHA_1',
      });
      await rp.getByRole('heading', { level: 1, name: 'Online side (rehearsal)' }).waitFor();
      // The ceremony up to the lapse runs through the same channels (the screens for it are tested above).
      await parametersConfirmed(restoreUi.ipc, rFolder, ['AES_256']);
      const hsm = { modulePath: SOFTHSM_MODULE, token: token.label, pin: PIN };
      const { keyCheckValue, fresh } = await hsmMaterialLapsed(restoreUi.ipc, rMedia, hsm);

      await rp.getByRole('navigation').getByRole('button', { name: 'Restore', exact: true }).click();
      await step(rp, 'Check the network', 'restore-network');
      await fillByLabel(rp, 'Fresh import-parameters bundle folder', fresh.dir);
      await step(rp, 'Read the bundle', 'restore-parameters');
      await fillByLabel(rp, 'Removable media folder for the restored bundle', rMedia);
      // The material was imported with an expiry (now past for the KMS): the restore asks, and Never is chosen.
      await rp.locator('[data-section="restore-preflight"]').getByLabel('Never', { exact: true }).check();
      await step(rp, 'Check the folders', 'restore-preflight');
      // The HSM is opened only once the witness confirmed the fresh bundle.
      const witness = rp.locator('[data-section="restore-fingerprint"] .bundle-digest');
      await witness.getByLabel('Bundle digest as Ben heard it').fill(fresh.manifestSha256Grouped);
      await witness.getByRole('button', { name: 'Confirm as Ben' }).click();
      await rp.locator('[data-section="restore-fingerprint"] .state-done').waitFor();
      const shares = rp.locator('[data-section="restore-shares"]');
      await shares.getByRole('radio', { name: t('restore.source.hsm') }).check();
      await fillByLabel(rp, t('hsm.module'), SOFTHSM_MODULE);
      await click(rp, t('hsm.list-tokens'));
      await succeeded(rp, 'restore-shares');
      await fillByLabel(rp, t('hsm.pin'), WRONG_PIN);
      await click(rp, t('hsm.restore.button'));
      expect(await problemIn(rp, 'restore-shares')).toContain('refused the user PIN (CKR_PIN_INCORRECT)');
      await fillByLabel(rp, t('hsm.pin'), PIN);
      await click(rp, t('hsm.restore.button'));
      await succeeded(rp, 'restore-shares');
      const card = shares.locator('[data-hsm-restored]');
      expect(await card.textContent()).toContain(
        t('hsm.restore.result', { label: 'ui-hsm-token', serial: token.serial, journal: 'air-gapped-journal.jsonl' }),
      );
      expect((await card.getByLabel(t('hsm.restore.kcv')).textContent())?.replace(/\s/g, '')).toBe(keyCheckValue);
      expect(await card.textContent()).toContain(t('hsm.restore.proven', { count: 1 }));
      await restoreUi.screenshot('restore-hsm', 'restore-shares');
      await step(rp, 'Wrap the rebuilt material', 'restore-wrap');
      await step(rp, 'Write the wrapped-material bundle', 'restore-wrap');
      await step(rp, 'Write the receipt', 'restore-receipt');
      for (const pin of [PIN, WRONG_PIN]) {
        for (const c of restoreUi.ipc.calls) expect(JSON.stringify(c.response)).not.toContain(pin);
        expect(restoreUi.ipc.logLines.join('\n')).not.toContain(pin);
        expect(await rp.content()).not.toContain(pin);
        for (const root of [rFolder, rMedia])
          for (const f of await filesUnder(root)) expect(f.bytes.includes(Buffer.from(pin)), f.file).toBe(false);
      }
      expect(restoreUi.pageErrors).toEqual([]);
    } finally {
      await restoreUi.close();
    }
  }, 240_000);
});
