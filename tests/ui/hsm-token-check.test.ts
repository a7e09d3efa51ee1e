/**
 * The HSM token check as its own step before the witnesses (real Chromium, real handlers, a real
 * SoftHSM token): a token already holding a key object under the label this ceremony's material
 * would get is refused with HSM_LABEL_TAKEN, naming the object and its delete command, before any
 * witness confirms (en, zh-CN); and the token object a crashed `airgap wrap` (SIGKILL) left in the
 * token is destroyed by the app's token check, proven by the check value that session journaled,
 * and the step says so as `airgap wrap` prints it, before any witness confirms; one it cannot prove
 * (two objects show the check value that session journaled) is named with why and its delete command.
 * When the check is then refused (a label already taken), the step says first what it destroyed,
 * with the journal entry, before the refusal (zh-CN).
 */
import { execFileSync } from 'node:child_process';
import { createCipheriv } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSoftHsmToken, listTokenObjects, SOFTHSM_MODULE, type SoftToken } from '../core/hsm/helpers/soft-tokens';
import { openJournal } from '../../src-main/core/journal';
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
/** The label of the objects the crashed session of the last test left. */
const LEFT_KEY = '0d5b7c2e-4f1a-4b8e-9c3d-2a6e8f1b3c5d';
const LEFT_LABEL = `keyferry KF-20261201-crashd ${LEFT_KEY}`;

/** The ceremony id and key id the air-gapped side read (the label its material would get: `keyferry <ceremony> <key>`). */
function readKey(ui: UiSession): { ceremonyId: string; keyId: string } {
  const read = ui.ipc.calls.find((c) => c.channel === 'airgap.read-bundle');
  const value = (read?.response as { value: { ceremonyId: string; keys: { keyId: string }[] } }).value;
  return { ceremonyId: value.ceremonyId, keyId: value.keys[0]?.keyId ?? '' };
}

const hsmStep = (page: Page) => page.locator('[data-section="air-hsm"]');

/** The journal entry `hsm.objects-destroyed` in `file` (its seq). */
async function destroyedEntry(file: string): Promise<number> {
  const lines = (await readFile(file, 'utf8')).trim().split('\n');
  const entries = lines.map((l) => JSON.parse(l) as { seq: number; event: string });
  return entries.find((e) => e.event === 'hsm.objects-destroyed')?.seq ?? -1;
}

/**
 * Two AES objects of one value under `label` and the CKA_ID of `keyId` in the token, and in the
 * air-gapped journal of `folder` the entries of a crashed session that generated it there and left
 * it (as tests/core/ceremony/airgap/crashed-objects-destroy.test.ts writes them): both objects show the
 * check value that session journaled, so neither is proven to be its own. Returns the left entry.
 */
async function crashedSessionLeftTwo(folder: string, serial: string, keyId: string, label: string) {
  const key = Buffer.alloc(32, 7);
  const keyFile = path.join(folder, 'aes.key');
  await writeFile(keyFile, key);
  for (let i = 0; i < 2; i++)
    execFileSync(
      'pkcs11-tool',
      [
        ...['--module', SOFTHSM_MODULE, '--token-label', TOKEN, '--login', '--pin', PIN],
        ...['--write-object', keyFile, '--type', 'secrkey', '--key-type', 'AES:32'],
        ...['--label', label, '--id', hex(keyId)],
      ],
      { stdio: 'ignore' },
    );
  await rm(keyFile);
  const cipher = createCipheriv('aes-256-ecb', key, null).setAutoPadding(false);
  const kcv = cipher.update(Buffer.alloc(16)).subarray(0, 3).toString('hex');
  const journal = await openJournal(path.join(folder, 'air-gapped-journal.jsonl'), { create: true });
  const object = { keyId, label, objectId: hex(keyId), objectClass: 'CKO_SECRET_KEY' };
  const token = { hsmTokenSerial: serial, hsmTokenLabel: TOKEN };
  await journal.append('Ana', 'material.generated', {
    ...{ keyId, spec: 'AES_256', source: 'hsm', keyCheckValue: kcv, publicKeyFingerprint: null },
    ...{ objectLabel: label, objectId: hex(keyId), keptInHsm: true, ...token },
  });
  const left = await journal.append('Ana', 'hsm.objects-left', {
    reason: 'the process ended without stopping: a crash or power loss',
    reasonPhrase: { key: 'journal.reason.ended-without-stop' },
    ...token,
    modulePath: SOFTHSM_MODULE,
    objects: [{ ...object, command: 'pkcs11-tool …' }],
  });
  await journal.close();
  return left;
}

describe('the HSM token check before the witnesses, on a SoftHSM token', () => {
  const apps = appPerLanguage('kf-ui-hsm-check-');
  let hsmToken: SoftToken;
  beforeAll(async () => {
    hsmToken = await createSoftHsmToken(TOKEN, PIN);
  }, 60_000);
  afterAll(async () => {
    await hsmToken?.cleanup();
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
      await checkToken(page, t, TOKEN, hsmToken.serial, PIN);
      const refused = await problemIn(page, 'air-hsm');
      expect(refused).toContain(
        lang === 'en'
          ? `Token "${TOKEN}" already holds a key object under the label Keyferry gives this ceremony’s material: "${label}" (CKO_SECRET_KEY, CKA_ID ${hex(keyId)}).`
          : `令牌 "${TOKEN}" 中已有 1 个密钥对象使用 Keyferry 为此仪式的密钥材料设定的标签："${label}" (CKO_SECRET_KEY, CKA_ID ${hex(keyId)})。`,
      );
      // Objects under this ceremony's labels may be the only copy of material a wrap made: never offered for deletion.
      expect(refused).not.toContain('pkcs11-tool');
      expect(refused).toContain(
        lang === 'en'
          ? 'never delete them or give them another label. Use that material instead (choose “Use keys already in the token”: a key whose label field is left empty is found by CKA_ID = the key id; or type each key’s token object label), '
          : '切勿删除这些对象或给它们改用其他标签。请改用这些已有的密钥材料（选择“使用令牌中已有的密钥”：标签字段留空的密钥按 CKA_ID = 密钥 ID 查找；或为每个密钥输入其令牌对象标签），',
      );
      expect(refused).toContain(lang === 'en' ? 'then check the token again.' : '然后重新检查令牌。');
      expect(refused).not.toContain('--hsm-existing-keys');
      expect(await hsmStep(page).locator('[data-hsm-result]').count()).toBe(0);
      await noWitnessConfirmed(page, path.join(folder, 'air-gapped-journal.jsonl'));
      const events = await journalEvents(path.join(folder, 'air-gapped-journal.jsonl'));
      expect(events.find((e) => e.event === 'hsm.refused')?.data.code).toBe('HSM_LABEL_TAKEN');
      await ui.screenshot(`${lang === 'en' ? '' : 'zh-CN/'}air-gapped-hsm-label-taken`, 'air-hsm');
      expect(ui.pageErrors).toEqual([]);
    }, 240_000);

  /**
   * The crashed session of the next tests: the parameters written in the app, then `airgap wrap` on
   * the app's air-gapped journal, generating in the token, killed before its receipt; the app's HSM
   * step opened. The journal, and the key's id and token object label.
   */
  async function crashedWrapInToken(
    ui: UiSession,
    page: Page,
    t: Parameters<typeof hsmCheckOpen>[1],
    folder: string,
    media: string,
  ) {
    const digest = await hsmParametersWritten({ page, tr: t, folder, media, specs: ['AES_256'] });
    const params = path.join(media, (await readdir(media)).find((f) => f.startsWith('import-parameters-')) ?? '');
    const journal = path.join(folder, 'air-gapped-journal.jsonl');
    const args = airgapWrapArgs(
      { bundle: params, out: path.join(media, 'wrapped-crashed'), journal, digest },
      '--allow-network',
      ...['--expires', 'never'],
      ...['--hsm-module', SOFTHSM_MODULE, '--hsm-token', TOKEN, '--hsm-pin-env', 'HSM_PIN'],
    );
    expect(await killedAt(args, folder, 'before-receipt', { HSM_PIN: PIN })).toBe('SIGKILL');
    await hsmCheckOpen(page, t, media, params);
    const { ceremonyId, keyId } = readKey(ui);
    return { journal, keyId, label: `keyferry ${ceremonyId} ${keyId}` };
  }

  it('destroys the token object a crashed session left, proven, and says so before any witness', async () => {
    const { ui, page, t, folder, media } = await apps.open('en', { name: 'crashed' });
    const { journal, keyId, label } = await crashedWrapInToken(ui, page, t, folder, media);
    // Left in the token by the crashed session: the app's token check is the next login.
    expect(listTokenObjects(hsmToken)).toContain(`secret ${label} ${hex(keyId)}`);
    await checkToken(page, t, TOKEN, hsmToken.serial, PIN);
    await succeeded(page, 'air-hsm');
    const shown = (await hsmStep(page).locator('[data-testid="crashed-objects"]').textContent()) ?? '';
    const entry = await destroyedEntry(journal);
    expect(shown).toContain(
      `Logged in to HSM token "${TOKEN}" (serial ${hsmToken.serial}): the token object a session that ended without stopping left there was destroyed, each proven by the check value or public key that session journaled (journal entry ${entry}: hsm.objects-destroyed): "${label}" (symmetric key, CKA_ID ${hex(keyId)}).`,
    );
    expect(await hsmStep(page).locator('[data-hsm-result]').getAttribute('data-hsm-result')).toBe('accepted');
    expect(listTokenObjects(hsmToken)).not.toContain(`secret ${label} ${hex(keyId)}`);
    const events = await journalEvents(journal);
    expect(events.find((e) => e.event === 'hsm.objects-destroyed')?.data).toMatchObject({
      hsmTokenSerial: hsmToken.serial,
      objects: [{ label, objectClass: 'CKO_SECRET_KEY', objectId: hex(keyId) }],
    });
    await noWitnessConfirmed(page, journal);
    await ui.screenshot('air-gapped-hsm-crashed-objects-destroyed', 'air-hsm');
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);

  it('says what it destroyed of a crashed session’s objects before the refusal of a label already taken (zh-CN)', async () => {
    const { ui, page, t, folder, media } = await apps.open('zh-CN', { name: 'crashed-taken' });
    const { journal, keyId, label } = await crashedWrapInToken(ui, page, t, folder, media);
    // Somebody made another AES key under the label this ceremony's material gets (its own check value).
    execFileSync(
      'pkcs11-tool',
      [
        ...['--module', SOFTHSM_MODULE, '--token-label', TOKEN, '--login', '--pin', PIN],
        ...['--keygen', '--key-type', 'AES:32', '--label', label, '--id', hex(keyId)],
      ],
      { stdio: 'ignore' },
    );
    await checkToken(page, t, TOKEN, hsmToken.serial, PIN);
    const refused = await problemIn(page, 'air-hsm');
    expect(refused).toContain(`令牌 "${TOKEN}" 中已有 1 个密钥对象使用 Keyferry 为此仪式的密钥材料设定的标签`);
    // Said before the refusal: the crashed session's object, proven and destroyed, and the entry that journaled it.
    const entry = await destroyedEntry(journal);
    const first = hsmStep(page).locator('[data-testid="destroyed-before-refusal"]');
    expect(await first.textContent()).toBe(
      `已登录 HSM 令牌 "${TOKEN}"（序列号 ${hsmToken.serial}）：一个未经停止即已结束的会话在其中留下的 1 个令牌对象已销毁，每个都已由该会话记入日志的校验值或公钥证实（日志条目 ${entry}：hsm.objects-destroyed）："${label}"（对称密钥，CKA_ID ${hex(keyId)}）。`,
    );
    const said = (await hsmStep(page).textContent()) ?? '';
    expect(said.indexOf('hsm.objects-destroyed')).toBeGreaterThan(-1);
    expect(said.indexOf('hsm.objects-destroyed')).toBeLessThan(said.indexOf(refused));
    // One object is left: the other key under the label; the crashed session's is gone.
    expect(listTokenObjects(hsmToken).filter((o) => o.includes(label))).toHaveLength(1);
    const events = await journalEvents(journal);
    expect(events.map((e) => e.event).slice(-2)).toEqual(['hsm.objects-destroyed', 'hsm.refused']);
    await noWitnessConfirmed(page, journal);
    await ui.screenshot('zh-CN/air-gapped-hsm-destroyed-then-refused', 'air-hsm');
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);

  it('names a left object it cannot prove, with why and the command that deletes it, before any witness', async () => {
    const { ui, page, t, folder, media } = await apps.open('en', { name: 'unproven' });
    await hsmParametersWritten({ page, tr: t, folder, media, specs: ['AES_256'] });
    const left = await crashedSessionLeftTwo(folder, hsmToken.serial, LEFT_KEY, LEFT_LABEL);
    const journalFile = path.join(folder, 'air-gapped-journal.jsonl');
    await hsmCheckOpen(page, t, media);
    await checkToken(page, t, TOKEN, hsmToken.serial, PIN);
    await succeeded(page, 'air-hsm');
    const warning = hsmStep(page).locator('.crashed-object-unproven');
    const shown = (await warning.textContent()) ?? '';
    expect(shown).toContain(
      `Token object "${LEFT_LABEL}" (symmetric key, CKA_ID ${hex(LEFT_KEY)}), left by a session that ended without stopping (named in journal entry ${left.seq}), was NOT destroyed: more than one object under that label and CKA_ID shows the check value or public key that session journaled`,
    );
    expect(shown).toContain(t('hsm.crashed.unproven'));
    expect(await warning.locator('code').textContent()).toBe(
      `pkcs11-tool --module ${SOFTHSM_MODULE} --token-label ${TOKEN} --login --delete-object --type secrkey --id ${hex(LEFT_KEY)} --label '${LEFT_LABEL}'`,
    );
    expect(listTokenObjects(hsmToken).filter((o) => o.includes(LEFT_LABEL))).toHaveLength(2);
    const events = await journalEvents(journalFile);
    expect(events.filter((e) => e.event === 'hsm.objects-left').at(-1)?.data.code).toBe('HSM_LEFT_OBJECT_UNPROVEN');
    await noWitnessConfirmed(page, journalFile);
    await ui.screenshot('air-gapped-hsm-left-object-unproven', 'air-hsm');
    expect(ui.pageErrors).toEqual([]);
  }, 240_000);
  it('refused for the label of an object it could not prove, says first why it left that object', async () => {
    const { ui, page, t, folder, media } = await apps.open('en', { name: 'unproven-taken' });
    await hsmParametersWritten({ page, tr: t, folder, media, specs: ['AES_256'] });
    // The crashed session generated under the label this ceremony's own key gets.
    const params = (await readdir(media)).find((name) => name.startsWith('import-parameters-')) as string;
    const manifest = JSON.parse(await readFile(path.join(media, params, 'manifest.json'), 'utf8')) as {
      ceremonyId: string;
      keys: { keyId: string }[];
    };
    const keyId = manifest.keys[0]?.keyId as string;
    const label = `keyferry ${manifest.ceremonyId} ${keyId}`;
    const left = await crashedSessionLeftTwo(folder, hsmToken.serial, keyId, label);
    await hsmCheckOpen(page, t, media);
    await checkToken(page, t, TOKEN, hsmToken.serial, PIN);
    const refused = await problemIn(page, 'air-hsm');
    expect(refused).toContain(`Token "${TOKEN}" already holds 2 key objects under the label`);
    const first = hsmStep(page).locator('[data-testid="destroyed-before-refusal"] .crashed-object-unproven');
    expect(await first.textContent()).toContain(
      `Token object "${label}" (symmetric key, CKA_ID ${hex(keyId)}), left by a session that ended without stopping (named in journal entry ${left.seq}), was NOT destroyed: more than one object under that label and CKA_ID shows the check value or public key that session journaled`,
    );
    expect(await first.locator('code').textContent()).toBe(
      `pkcs11-tool --module ${SOFTHSM_MODULE} --token-label ${TOKEN} --login --delete-object --type secrkey --id ${hex(keyId)} --label '${label}'`,
    );
    expect(await hsmStep(page).locator('.crashed-objects-destroyed').count()).toBe(0);
    await ui.screenshot('air-gapped-hsm-unproven-before-refusal', 'air-hsm');
    expect(ui.pageErrors).toEqual([]);
  }, 240_000);
});
