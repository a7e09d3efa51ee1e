/**
 * The HSM token check as its own step before the witnesses (real Chromium, real handlers, a real
 * SoftHSM token): a token already holding a key object under the label this ceremony's material
 * would get is refused with HSM_LABEL_TAKEN, naming the object and its delete command, before any
 * witness confirms (en, zh-CN); and the token object a crashed `airgap wrap` (SIGKILL) left in the
 * token is destroyed by the app's token check, proven by the check value that session journaled,
 * and the step says so as `airgap wrap` prints it, before any witness confirms.
 */
import { execFileSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSoftHsmToken, listTokenObjects, SOFTHSM_MODULE, type SoftToken } from '../core/hsm/helpers/soft-tokens';
import { airgapWrapArgs } from '../helpers/cli-sides';
import { journalEvents } from '../ipc/handlers/airgap-session';
import type { UiSession } from './harness';
import { appPerLanguage } from './app-per-language';
import { checkToken, hsmCheckOpen, hsmParametersWritten, noWitnessConfirmed, upToHsmCheck } from './hsm-steps';
import { killedAt } from './killed-cli';
import { problemIn, succeeded } from './page-helpers';

const PIN = '61820573';
const TOKEN = 'ui-hsm-check';
const hex = (keyId: string) => Buffer.from(keyId).toString('hex');

/** The ceremony id and key id the air-gapped side read (the label its material would get: `keyferry <ceremony> <key>`). */
function readKey(ui: UiSession): { ceremonyId: string; keyId: string } {
  const read = ui.ipc.calls.find((c) => c.channel === 'airgap.read-bundle');
  const value = (read?.response as { value: { ceremonyId: string; keys: { keyId: string }[] } }).value;
  return { ceremonyId: value.ceremonyId, keyId: value.keys[0]?.keyId ?? '' };
}

const hsmStep = (page: Page) => page.locator('[data-section="air-hsm"]');

describe('the HSM token check before the witnesses, on a SoftHSM token', () => {
  const apps = appPerLanguage('kf-ui-hsm-check-');
  let token: SoftToken;
  beforeAll(async () => {
    token = await createSoftHsmToken(TOKEN, PIN);
  }, 60_000);
  afterAll(async () => {
    await token?.cleanup();
  });

  for (const lang of ['en', 'zh-CN'] as const)
    it(`refuses a token holding an object under the ceremony's label, naming it, before any witness (${lang})`, async () => {
      const { ui, page, t, folder, media } = await apps.open(lang, { name: 'taken' });
      await upToHsmCheck({ page, tr: t, folder, media, specs: ['AES_256'] });
      const { ceremonyId, keyId } = readKey(ui);
      const label = `keyferry ${ceremonyId} ${keyId}`;
      execFileSync(
        'pkcs11-tool',
        [
          ...['--module', SOFTHSM_MODULE, '--token-label', TOKEN, '--login', '--pin', PIN],
          ...['--keygen', '--key-type', 'AES:32', '--label', label, '--id', hex(keyId)],
        ],
        { stdio: 'ignore' },
      );
      await checkToken(page, t, TOKEN, token.serial, PIN);
      const refused = await problemIn(page, 'air-hsm');
      expect(refused).toContain(
        lang === 'en'
          ? `Token "${TOKEN}" already holds a key object under the label Keyferry gives this ceremony’s material: "${label}" (CKO_SECRET_KEY, CKA_ID ${hex(keyId)}).`
          : `令牌 "${TOKEN}" 中已有 1 个密钥对象使用 Keyferry 为此仪式的密钥材料设定的标签："${label}" (CKO_SECRET_KEY, CKA_ID ${hex(keyId)})。`,
      );
      expect(refused).toContain(`pkcs11-tool --module ${SOFTHSM_MODULE}`);
      expect(await hsmStep(page).locator('[data-hsm-result]').count()).toBe(0);
      await noWitnessConfirmed(page, path.join(folder, 'air-gapped-journal.jsonl'));
      const events = await journalEvents(path.join(folder, 'air-gapped-journal.jsonl'));
      expect(events.find((e) => e.event === 'hsm.refused')?.data.code).toBe('HSM_LABEL_TAKEN');
      await ui.screenshot(`${lang === 'en' ? '' : 'zh-CN/'}air-gapped-hsm-label-taken`, 'air-hsm');
      expect(ui.pageErrors).toEqual([]);
    }, 240_000);

  it('destroys the token object a crashed session left, proven, and says so before any witness', async () => {
    const { ui, page, t, folder, media } = await apps.open('en', { name: 'crashed' });
    const digest = await hsmParametersWritten({ page, tr: t, folder, media, specs: ['AES_256'] });
    const params = path.join(media, (await readdir(media)).find((f) => f.startsWith('import-parameters-')) ?? '');
    // The crashed session: `airgap wrap` on the app's air-gapped journal, generating in the token, killed before its receipt.
    const journal = path.join(folder, 'air-gapped-journal.jsonl');
    const args = airgapWrapArgs(
      { bundle: params, out: path.join(media, 'wrapped-crashed'), journal, digest },
      '--allow-network',
      ...['--expires', 'never'],
      ...['--hsm-module', SOFTHSM_MODULE, '--hsm-token', TOKEN, '--hsm-pin-env', 'HSM_PIN'],
    );
    expect(await killedAt(args, folder, 'before-receipt', { HSM_PIN: PIN })).toBe('SIGKILL');

    await hsmCheckOpen(page, t, media);
    const { ceremonyId, keyId } = readKey(ui);
    const label = `keyferry ${ceremonyId} ${keyId}`;
    // Left in the token by the crashed session: the app's token check is the next login.
    expect(listTokenObjects(token)).toContain(`secret ${label} ${hex(keyId)}`);
    await checkToken(page, t, TOKEN, token.serial, PIN);
    await succeeded(page, 'air-hsm');
    const shown = (await hsmStep(page).locator('[data-testid="crashed-objects"]').textContent()) ?? '';
    expect(shown).toContain(
      `Logged in to HSM token "${TOKEN}" (serial ${token.serial}): the token object a session that ended without stopping left there was destroyed, each proven by the check value or public key that session journaled (journaled as hsm.objects-destroyed): "${label}" (symmetric key, CKA_ID ${hex(keyId)}).`,
    );
    expect(await hsmStep(page).locator('[data-hsm-result]').getAttribute('data-hsm-result')).toBe('accepted');
    expect(listTokenObjects(token)).not.toContain(`secret ${label} ${hex(keyId)}`);
    const events = await journalEvents(journal);
    expect(events.find((e) => e.event === 'hsm.objects-destroyed')?.data).toMatchObject({
      hsmTokenSerial: token.serial,
      objects: [{ label, objectClass: 'CKO_SECRET_KEY', objectId: hex(keyId) }],
    });
    await noWitnessConfirmed(page, journal);
    await ui.screenshot('air-gapped-hsm-crashed-objects-destroyed', 'air-hsm');
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);
});
