/** Every client operation against the simulator over real HTTP on 127.0.0.1. */
import { constants, createHash, createPublicKey, verify as nodeVerify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KmsClient, type KmsLogEvent } from '../../../src-main/core/kms/client';
import { IamTokenCredentials } from '../../../src-main/core/kms/credentials';
import { KeyState } from '../../../src-main/core/kms/types';
import { IMPORT_TOKEN_PATTERN } from '../../../src-main/core/kms/api-schemas';
import { asymmetricWrap, pkcs8 } from './helpers/raw-wrap';
import { externalKeyWithParameters, startSimWithClient, uniqueAlias, wrapFor, type SimSetup } from './helpers/sim';

let setup: SimSetup;
beforeAll(async () => {
  setup = await startSimWithClient();
});
afterAll(async () => {
  await setup.close();
});

describe('key lifecycle operations', () => {
  it('create-key makes an external key by default, Pending import; describe-key shows it', async () => {
    const alias = uniqueAlias('ops');
    const { keyId, domainId } = await setup.client.createKey({ alias, spec: 'AES_256', description: 'rehearsal key' });
    expect(domainId).toBe(setup.sim.domainId);
    const info = await setup.client.describeKey(keyId);
    expect(info).toMatchObject({
      keyId,
      alias,
      spec: 'AES_256',
      usage: 'ENCRYPT_DECRYPT',
      description: 'rehearsal key',
      origin: 'external',
      state: KeyState.PendingImport,
      stateName: 'Pending import',
    });
    expect(Math.abs((info.createdAt?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    expect(info.materialExpiresAt).toBeUndefined();
  });

  it('create-key with origin kms makes an Enabled key that encrypts', async () => {
    const { keyId } = await setup.client.createKey({ alias: uniqueAlias('kms'), spec: 'AES_256', origin: 'kms' });
    expect((await setup.client.describeKey(keyId)).state).toBe(KeyState.Enabled);
    const { cipherText } = await setup.client.encryptData({ keyId, plainText: 'ceremony' });
    expect((await setup.client.decryptData({ cipherText })).plainText).toBe('ceremony');
  });

  it('list-keys follows every page and filters by state and spec', async () => {
    const created: string[] = [];
    for (let i = 0; i < 7; i += 1)
      created.push(
        (await setup.client.createKey({ alias: uniqueAlias('list'), spec: i % 2 ? 'EC_P256' : 'AES_256' })).keyId,
      );
    const before = setup.requests.filter((r) => r.action === 'list-keys').length;
    const all = await setup.client.listKeys({ pageSize: 2 });
    const pages = setup.requests.filter((r) => r.action === 'list-keys').length - before;
    expect(pages).toBe(Math.ceil(all.length / 2));
    expect(all.map((k) => k.keyId)).toEqual(expect.arrayContaining(created));
    expect(new Set(all.map((k) => k.keyId)).size).toBe(all.length);
    const ec = await setup.client.listKeys({ spec: 'EC_P256', state: KeyState.PendingImport, pageSize: 3 });
    expect(ec.length).toBeGreaterThanOrEqual(3);
    expect(ec.every((k) => k.spec === 'EC_P256' && k.state === KeyState.PendingImport)).toBe(true);
  });

  it('disable-key, enable-key, schedule-key-deletion and cancel-key-deletion move the state', async () => {
    const { keyId } = await setup.client.createKey({ alias: uniqueAlias('state'), spec: 'AES_256', origin: 'kms' });
    expect(await setup.client.disableKey(keyId)).toBe(KeyState.Disabled);
    expect(await setup.client.enableKey(keyId)).toBe(KeyState.Enabled);
    expect(await setup.client.scheduleKeyDeletion(keyId, 7)).toBe(KeyState.PendingDeletion);
    expect((await setup.client.describeKey(keyId)).scheduledDeletionAt).toBeInstanceOf(Date);
    expect(await setup.client.cancelKeyDeletion(keyId)).toBe(KeyState.Disabled);
  });
});

describe('import operations', () => {
  it('get-parameters-for-import hands out a fresh RSA-2048 wrapping key and a 24-hour token each call', async () => {
    const { keyId, parameters } = await externalKeyWithParameters(setup.client, 'AES_256');
    const again = await setup.client.getParametersForImport({ keyId });
    for (const p of [parameters, again]) {
      const key = createPublicKey({ key: p.publicKeyDer, format: 'der', type: 'spki' });
      expect(key.asymmetricKeyType).toBe('rsa');
      expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
      expect(p.importToken).toMatch(IMPORT_TOKEN_PATTERN);
      expect(Math.abs(p.expiresAt.getTime() - (setup.sim.clock.now() + 24 * 3600_000))).toBeLessThan(60_000);
      expect(p.keyId).toBe(keyId);
    }
    expect(parameters.publicKeyDer.equals(again.publicKeyDer)).toBe(false);
    expect(parameters.importToken).not.toBe(again.importToken);
  });

  it('import-key-material enables an AES key that then decrypts what it encrypted; delete-imported-key-material returns it to Pending import', async () => {
    const { keyId, parameters } = await externalKeyWithParameters(setup.client, 'AES_256');
    const wrapped = await wrapFor(parameters, 'AES_256');
    const outcome = await setup.client.importKeyMaterial({
      keyId,
      importToken: parameters.importToken,
      encryptedKeyMaterial: wrapped.encryptedKeyMaterial,
    });
    expect(outcome).toEqual({ keyId, state: KeyState.Enabled, confirmation: 'answered' });
    expect((await setup.client.describeKey(keyId)).state).toBe(KeyState.Enabled);
    const { cipherText } = await setup.client.encryptData({ keyId, plainText: 'Grüße 🔑' });
    expect(await setup.client.decryptData({ cipherText, keyId })).toEqual({ keyId, plainText: 'Grüße 🔑' });
    await setup.client.deleteImportedKeyMaterial(keyId);
    expect((await setup.client.describeKey(keyId)).state).toBe(KeyState.PendingImport);
    await expect(setup.client.decryptData({ cipherText })).rejects.toMatchObject({ code: 'KMS.1301' });
    wrapped.material.dispose();
  });

  it('an imported RSA key signs (RAW and DIGEST, PSS and PKCS#1) and verifies; get-publickey returns its public key', async () => {
    const { keyId, parameters } = await externalKeyWithParameters(setup.client, 'RSA_2048');
    const material = pkcs8('rsa2048');
    await setup.client.importKeyMaterial({
      keyId,
      importToken: parameters.importToken,
      ...asymmetricWrap(parameters.publicKeyDer, material.der),
      expectedPublicKeyDer: material.spki,
    });
    const { publicKeyDer } = await setup.client.getPublicKey(keyId);
    expect(publicKeyDer.equals(material.spki)).toBe(true);
    const publicKey = createPublicKey({ key: publicKeyDer, format: 'der', type: 'spki' });
    const message = Buffer.from('the ceremony transcript');
    const digest = createHash('sha256').update(message).digest();
    for (const algorithm of ['RSASSA_PSS_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_256'] as const) {
      for (const [messageType, input] of [
        ['RAW', message],
        ['DIGEST', digest],
      ] as const) {
        const signature = await setup.client.sign({ keyId, message: input, algorithm, messageType });
        const key =
          algorithm === 'RSASSA_PSS_SHA_256'
            ? { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }
            : publicKey;
        expect(nodeVerify('sha256', message, key, signature)).toBe(true);
        expect(await setup.client.verify({ keyId, message: input, signature, algorithm, messageType })).toBe(true);
        const tampered = Buffer.from(signature);
        tampered[10] = (tampered[10] ?? 0) ^ 1;
        expect(await setup.client.verify({ keyId, message: input, signature: tampered, algorithm, messageType })).toBe(
          false,
        );
      }
    }
  });

  it('an imported EC_P384 key signs with ECDSA_SHA_384 (verified by Node) and refuses ECDSA_SHA_256', async () => {
    const { keyId, parameters } = await externalKeyWithParameters(setup.client, 'EC_P384');
    const material = pkcs8('p384');
    await setup.client.importKeyMaterial({
      keyId,
      importToken: parameters.importToken,
      ...asymmetricWrap(parameters.publicKeyDer, material.der),
    });
    const message = Buffer.from('abc');
    const digest = createHash('sha384').update(message).digest();
    const signature = await setup.client.sign({
      keyId,
      message: digest,
      algorithm: 'ECDSA_SHA_384',
      messageType: 'DIGEST',
    });
    expect(
      nodeVerify('sha384', message, createPublicKey({ key: material.spki, format: 'der', type: 'spki' }), signature),
    ).toBe(true);
    expect(
      await setup.client.verify({ keyId, message, signature, algorithm: 'ECDSA_SHA_384', messageType: 'RAW' }),
    ).toBe(true);
    await expect(
      setup.client.sign({ keyId, message, algorithm: 'ECDSA_SHA_256', messageType: 'RAW' }),
    ).rejects.toMatchObject({ code: 'KMS.0308' });
    await expect(
      setup.client.sign({ keyId, message, algorithm: 'ECDSA_SHA_384', messageType: 'DIGEST' }),
    ).rejects.toMatchObject({ code: 'KMS.0308' });
  });

  it('an RSA key for ENCRYPT_DECRYPT encrypts with RSAES_OAEP_SHA_256', async () => {
    const { keyId } = await setup.client.createKey({
      alias: uniqueAlias('rsa-enc'),
      spec: 'RSA_2048',
      usage: 'ENCRYPT_DECRYPT',
      origin: 'kms',
    });
    const { cipherText } = await setup.client.encryptData({
      keyId,
      plainText: 'wrapped DEK',
      algorithm: 'RSAES_OAEP_SHA_256',
    });
    expect((await setup.client.decryptData({ keyId, cipherText, algorithm: 'RSAES_OAEP_SHA_256' })).plainText).toBe(
      'wrapped DEK',
    );
    await expect(setup.client.encryptData({ keyId, plainText: 'x' })).rejects.toMatchObject({ code: 'KMS.0308' });
  });
});

describe('keys that are not Enabled', () => {
  it('answer KMS.0209 when disabled, KMS.0210 when pending deletion, KMS.1301 when pending import or activation', async () => {
    const { keyId } = await setup.client.createKey({ alias: uniqueAlias('usable'), spec: 'AES_256', origin: 'kms' });
    const { cipherText } = await setup.client.encryptData({ keyId, plainText: 'x' });
    await setup.client.disableKey(keyId);
    await expect(setup.client.encryptData({ keyId, plainText: 'x' })).rejects.toMatchObject({
      code: 'KMS.0209',
      message: 'The key is disabled.',
    });
    await expect(setup.client.decryptData({ cipherText })).rejects.toMatchObject({ code: 'KMS.0209' });
    await setup.client.scheduleKeyDeletion(keyId, 30);
    await expect(setup.client.encryptData({ keyId, plainText: 'x' })).rejects.toMatchObject({ code: 'KMS.0210' });
    await setup.client.cancelKeyDeletion(keyId);
    await setup.sim.setKeyState(keyId, KeyState.PendingActivation);
    await expect(setup.client.encryptData({ keyId, plainText: 'x' })).rejects.toMatchObject({ code: 'KMS.1301' });
    const pending = await setup.client.createKey({ alias: uniqueAlias('pending'), spec: 'EC_P256' });
    await expect(setup.client.getPublicKey(pending.keyId)).rejects.toMatchObject({ code: 'KMS.1301' });
    await expect(
      setup.client.sign({
        keyId: pending.keyId,
        message: Buffer.alloc(32),
        algorithm: 'ECDSA_SHA_256',
        messageType: 'DIGEST',
      }),
    ).rejects.toMatchObject({ code: 'KMS.1301' });
  });
});

describe('IAM token authentication and logging', () => {
  it('works with a simulator-issued IAM token and refuses an expired one with KMS.0303', async () => {
    const tokenClient = new KmsClient({
      endpoint: setup.sim.endpoint,
      projectId: setup.sim.projectId,
      credentials: new IamTokenCredentials(setup.sim.issueIamToken()),
    });
    expect((await tokenClient.listKeys()).length).toBeGreaterThan(0);
    const expired = new KmsClient({
      endpoint: setup.sim.endpoint,
      projectId: setup.sim.projectId,
      credentials: new IamTokenCredentials(setup.sim.issueIamToken(-1000)),
    });
    await expect(expired.listKeys()).rejects.toMatchObject({ code: 'KMS.0303', httpStatus: 401 });
    // One character of the sealed body changed (not the last: its low bits may be padding, and a
    // token that already ended in the characters put there was no forgery at all, 1 run in 1,024).
    const token = setup.sim.issueIamToken();
    const at = token.length - 5;
    const forged = new KmsClient({
      endpoint: setup.sim.endpoint,
      projectId: setup.sim.projectId,
      credentials: new IamTokenCredentials(
        `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`,
      ),
    });
    await expect(forged.listKeys()).rejects.toMatchObject({ code: 'KMS.0302' });
    tokenClient.close();
    expired.close();
    forged.close();
  });

  it('logs each call with action, status and request ID, and nothing secret', async () => {
    const events: KmsLogEvent[] = [];
    const client = setup.clientWith({ log: (e) => events.push(e) });
    const { keyId, parameters } = await externalKeyWithParameters(client, 'AES_256');
    const wrapped = await wrapFor(parameters, 'AES_256');
    await client.importKeyMaterial({
      keyId,
      importToken: parameters.importToken,
      encryptedKeyMaterial: wrapped.encryptedKeyMaterial,
    });
    await expect(client.describeKey('00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({
      code: 'KMS.0207',
      httpStatus: 404,
    });
    expect(events.map((e) => e.action)).toEqual([
      'create-key',
      'get-parameters-for-import',
      'describe-key',
      'import-key-material',
      'describe-key',
    ]);
    expect(events.at(-1)).toMatchObject({ outcome: 'error', httpStatus: 404, code: 'KMS.0207' });
    expect(events.every((e) => typeof e.requestId === 'string' && e.requestId.length > 0)).toBe(true);
    const text = JSON.stringify(events);
    expect(text).not.toContain(setup.sim.sk);
    expect(text).not.toContain(parameters.importToken.slice(0, 40));
    expect(text).not.toContain(wrapped.encryptedKeyMaterial.toString('base64').slice(0, 40));
    wrapped.material.dispose();
  });
});
