/**
 * The air-gapped side from the Huawei console's files, in Chromium through the real router and
 * handlers (English). No Keyferry bundle: the key was created in the KMS (the simulator on
 * 127.0.0.1), its wrapping key saved as the console names it (`wrappingKey_<KeyID>`, binary DER)
 * and its token as the API guide says (`ImportToken.b64`). The officer picks "the console's
 * downloaded files", types the key id and loads both files; the screen says the parameters come
 * from the console's files and shows the wrapping key's fingerprint, which equals what
 * `openssl dgst -sha256` prints for the downloaded file on the online workstation; the witness
 * types that. A fingerprint misheard in one group is refused and nothing is confirmed; the token file
 * picked as the wrapping key is refused, saying which file to load, and journaled. Then the
 * folders are checked, the material generated and wrapped; the bundle's files carry the
 * console's file name (EncryptedKeyMaterial.bin), and that very file, imported with the token,
 * is accepted by the KMS and leaves the key enabled.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimWithClient, type SimSetup } from '../core/kms/helpers/sim';
import { appPerLanguage } from './app-per-language';
import { click, fillByLabel, problemIn, setUpCeremony, step } from './page-helpers';

describe("the air-gapped side from the console's files", () => {
  const apps = appPerLanguage('kf-ui-console-');
  let kms: SimSetup;

  beforeAll(async () => {
    kms = await startSimWithClient();
  });
  afterAll(async () => {
    await kms?.close();
  });

  it('reads them, has the witness confirm the wrapping key, and writes a file the KMS imports', async () => {
    // Online workstation: an external AES key and its import items, saved as the officer saves them.
    const { keyId } = await kms.client.createKey({ alias: 'console/aes', spec: 'AES_256', origin: 'external' });
    const parameters = await kms.client.getParametersForImport({ keyId });
    const downloads = path.join(apps.dir(), 'usb');
    await mkdir(downloads);
    const wrappingKeyFile = path.join(downloads, `wrappingKey_${keyId}`);
    const importTokenFile = path.join(downloads, 'ImportToken.b64');
    await writeFile(wrappingKeyFile, parameters.publicKeyDer);
    await writeFile(importTokenFile, `${parameters.importToken}\n`);
    const openssl = execFileSync('openssl', ['dgst', '-sha256', '-r', wrappingKeyFile], { encoding: 'utf8' });
    const fingerprint = openssl.split(' ')[0] as string;
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);

    const { ui, page, t, folder, media } = await apps.open('en');
    await setUpCeremony(page, t, { title: 'Console import', folder, airGapped: true });
    await step(page, t('network.step'), 'air-network');

    const parametersStep = page.locator('[data-section="air-parameters"]');
    await parametersStep.getByRole('radio', { name: t('air.source.console') }).check();
    await fillByLabel(page, t('air.console.key-id'), keyId);
    await parametersStep.getByLabel(t('keys.spec'), { exact: true }).selectOption('AES_256');
    await fillByLabel(page, t('air.console.wrapping-key-file'), wrappingKeyFile);
    await fillByLabel(page, t('air.console.import-token-file'), importTokenFile);
    await step(page, t('air.console.read'), 'air-parameters');
    const overview = (await parametersStep.locator('.card').textContent()) ?? '';
    expect(overview).toContain(`${t('air.overview.from')} ${t('air.overview.console-files')}`);
    // The console's files name no alias: the key ID is shown once, not as alias and ID.
    expect(overview.split(keyId).length - 1).toBe(1);
    expect(overview).toContain('(AES_256)');
    // The witnesses' step says what they type here: each wrapping key's fingerprint, not a bundle digest.
    expect(await page.locator('[data-section="air-fingerprints"] h2').textContent()).toContain(
      t('air.fingerprints.title', { source: 'console' }),
    );

    // The wrapping key's card: its fingerprint as openssl printed it online, and the key it covers.
    const card = page.locator('[data-section="air-fingerprints"] .card.fingerprint');
    expect(await card.locator('h3').textContent()).toContain(t('fingerprint.wrapping-key', { n: 1 }));
    expect(await card.locator('.covers').textContent()).toContain(keyId);
    const shown = (await card.getByLabel(t('fingerprint.label', { n: 1 }), { exact: true }).textContent()) ?? '';
    expect(shown.replace(/\s/g, '').toLowerCase()).toBe(fingerprint);
    const heard = card.getByLabel(t('fingerprint.as-heard', { n: 1 }), { exact: true });
    // One group misheard: refused, and Ben is still to confirm.
    const misheard = `${fingerprint.slice(0, 60)}${fingerprint.slice(60) === '0000' ? '1111' : '0000'}`;
    await heard.fill(misheard);
    await card.getByRole('button', { name: t('fingerprint.confirm-as', { witness: 'Ben' }) }).click();
    expect(await problemIn(page, 'air-fingerprints')).not.toBe('');
    expect(await card.locator('h3').textContent()).toContain(t('fingerprint.not-confirmed'));
    // As heard from the online workstation, grouped and in lower case: accepted.
    await heard.fill(fingerprint.replace(/(.{4})/g, '$1 '));
    await card.getByRole('button', { name: t('fingerprint.confirm-as', { witness: 'Ben' }) }).click();
    await page.locator('[data-section="air-fingerprints"] .state-done').waitFor();
    expect(await card.locator('h3').textContent()).toContain(t('fingerprint.confirmed-by', { witnesses: 'Ben' }));

    await fillByLabel(page, t('wrap.folder'), media);
    await step(page, t('preflight.button'), 'air-preflight');
    await step(page, t('material.generate'), 'air-material');
    await step(page, t('wrap.button'), 'air-wrap');
    await step(page, t('wrapped.write'), 'air-wrap');
    // No online check compares this bundle's digest (the console takes the .bin as it is): the screen says it is recorded.
    const wrapText = (await page.locator('[data-section="air-wrap"]').textContent()) ?? '';
    expect(wrapText).toContain(t('wrapped.digest-recorded'));
    expect(wrapText).not.toContain(t('wrapped.digest-to-compare'));
    await step(page, t('common.write-receipt'), 'air-receipt');
    await ui.screenshot('air-gapped-console-files');

    // The bundle holds the file under the console's own name, listed on the screen.
    const [bundle] = (await readdir(media)).filter((name) => name.startsWith('wrapped-material-'));
    expect(bundle).toBeDefined();
    const encrypted = path.join(media, bundle as string, 'keys', keyId, 'EncryptedKeyMaterial.bin');
    const files = (await page.locator('[data-section="air-wrap"] ul.files').textContent()) ?? '';
    expect(files).toContain(`keys/${keyId}/EncryptedKeyMaterial.bin`);
    const journal = await readFile(path.join(folder, 'air-gapped-journal.jsonl'), 'utf8');
    expect(journal).toContain('"source":"console files"');
    expect(journal).toContain('"event":"witness.confirmed"');
    expect(journal).toContain('"event":"witness.refused"');
    expect(ui.pageErrors).toEqual([]);
    expect(ui.foreignRequests).toEqual([]);

    // Back online, the officer uploads that file with the token: the KMS takes it.
    const outcome = await kms.client.importKeyMaterial({
      keyId,
      importToken: parameters.importToken,
      encryptedKeyMaterial: await readFile(encrypted),
    });
    expect(outcome).toBeDefined();
    expect((await kms.client.describeKey(keyId)).stateName).toBe('Enabled');
  }, 240_000);

  it('refuses the token file picked as the wrapping key (files swapped), saying what to load', async () => {
    const { page, t, folder } = await apps.open('en', { name: 'swapped' });
    await setUpCeremony(page, t, { title: 'Console import', folder, airGapped: true });
    await step(page, t('network.step'), 'air-network');
    const token = path.join(apps.dir(), 'swapped', 'ImportToken.b64');
    const wrappingKey = path.join(apps.dir(), 'swapped', 'wrappingKey_0d0466b0-e727-4d9c-b35d-f84bb474a37f');
    await mkdir(path.dirname(token));
    await writeFile(token, `${randomBytes(400).toString('base64')}\n`);
    await writeFile(
      wrappingKey,
      generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' }),
    );
    await page.getByRole('radio', { name: t('air.source.console') }).check();
    await fillByLabel(page, t('air.console.key-id'), '0d0466b0-e727-4d9c-b35d-f84bb474a37f');
    await fillByLabel(page, t('air.console.wrapping-key-file'), token);
    await fillByLabel(page, t('air.console.import-token-file'), wrappingKey);
    await click(page, t('air.console.read'));
    const problem = await problemIn(page, 'air-parameters');
    expect(problem).toContain('is not a DER SubjectPublicKeyInfo public key');
    expect(problem).toContain('wrappingKey_<KeyID>, PublicKey.bin or PublicKey.b64');
    expect(await page.locator('[data-section="air-parameters"] .card').count()).toBe(0);
    expect(await page.locator('[data-section="air-fingerprints"] .card.fingerprint').count()).toBe(0);
    const journal = await readFile(path.join(folder, 'air-gapped-journal.jsonl'), 'utf8');
    expect(journal).toContain('"event":"parameters.refused"');
    expect(journal).not.toContain('"event":"parameters.read"');
  }, 120_000);
});
