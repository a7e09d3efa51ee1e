/**
 * Every error code on the facts page, produced by the simulator for the reason the real KMS
 * gives it, with its HTTP status and nested shape, and turned by the client into a KmsError
 * with the table's plain sentence and next step.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KMS_ERROR_CODES } from '../../../src-main/core/kms/error-codes';
import { KmsError } from '../../../src-main/core/kms/errors';
import { english, translator } from '../../../src-main/i18n/translate';
import { signWithAkSk } from '../../../src-main/core/kms/signer';
import { AkSkCredentials } from '../../../src-main/core/kms/credentials';
import { asymmetricWrap, kwpWrap, oaepWrap, pkcs8 } from './helpers/raw-wrap';
import { externalKeyWithParameters, startSimWithClient, uniqueAlias, wrapFor, type SimSetup } from './helpers/sim';

let setup: SimSetup;
beforeAll(async () => {
  setup = await startSimWithClient({ wrappingKeyPoolSize: 4 });
});
afterAll(async () => {
  await setup.close();
});

/** Runs `action` and returns the KmsError it must fail with. */
async function failure(action: () => Promise<unknown>): Promise<KmsError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof KmsError) return error;
    throw error;
  }
  throw new Error('expected a KmsError, got success');
}

function expectCode(error: KmsError, code: keyof typeof KMS_ERROR_CODES): void {
  const info = KMS_ERROR_CODES[code];
  expect(error.code).toBe(code);
  expect(error.httpStatus).toBe(info.httpStatus);
  const texts = english.problem({ code, message: '', nextStep: '', values: error.values });
  expect(texts.message).toMatch(/^[A-Z].+\.$/);
  expect(error.message).toBe(texts.message);
  expect(error.nextStep).toBe(texts.nextStep);
  expect(error.toProblem()).toEqual({ code, message: texts.message, nextStep: texts.nextStep, values: error.values });
  // The same problem in Chinese: every known code has its own zh-CN texts, no English left.
  const chinese = translator('zh-CN').problem(error.toProblem());
  expect(chinese.message).toMatch(/[\u4e00-\u9fff]/);
  expect(chinese.nextStep).toMatch(/[\u4e00-\u9fff]/);
}

/** Imports with `request` and expects the KMS to refuse it with `code`: the KmsError. */
async function expectImportRefused(
  code: keyof typeof KMS_ERROR_CODES,
  request: Parameters<SimSetup['client']['importKeyMaterial']>[0],
): Promise<KmsError> {
  const error = await failure(() => setup.client.importKeyMaterial(request));
  expectCode(error, code);
  return error;
}

const importRaw = (body: Record<string, unknown>) => setup.client.callAction('import-key-material', body);
const b64 = (b: Buffer) => b.toString('base64');

describe('facts-page error codes, via the client', () => {
  it('KMS.0202: bad JSON, and import fields that break the documented patterns', async () => {
    expectCode(await failure(() => setup.client.callActionRaw('describe-key', '{"key_id": ')), 'KMS.0202');
    expectCode(await failure(() => setup.client.callActionRaw('describe-key', '["not an object"]')), 'KMS.0202');
    const { keyId, parameters } = await externalKeyWithParameters(setup.client, 'AES_256');
    const material = b64(oaepWrap(parameters.publicKeyDer, randomBytes(32)));
    expectCode(
      await failure(() => importRaw({ key_id: keyId, import_token: 'c2hvcnQ=', encrypted_key_material: material })),
      'KMS.0202',
    );
    expectCode(
      await failure(() =>
        importRaw({
          key_id: keyId,
          import_token: parameters.importToken,
          encrypted_key_material: material.slice(0, 300),
        }),
      ),
      'KMS.0202',
    );
    expectCode(
      await failure(() =>
        importRaw({
          key_id: keyId,
          import_token: parameters.importToken,
          encrypted_key_material: `${material.slice(0, -4)}!!!!`,
        }),
      ),
      'KMS.0202',
    );
    expectCode(
      await failure(() =>
        importRaw({
          key_id: keyId,
          import_token: parameters.importToken,
          encrypted_key_material: material,
          expiration_time: 'tomorrow',
        }),
      ),
      'KMS.0202',
    );
  });

  it('KMS.0204: a required field is missing', async () => {
    expectCode(await failure(() => setup.client.callAction('describe-key', {})), 'KMS.0204');
    const { keyId, parameters } = await externalKeyWithParameters(setup.client, 'AES_256');
    expectCode(
      await failure(() =>
        importRaw({ key_id: keyId, encrypted_key_material: b64(oaepWrap(parameters.publicKeyDer, randomBytes(32))) }),
      ),
      'KMS.0204',
    );
    expectCode(await failure(() => importRaw({ key_id: keyId, import_token: parameters.importToken })), 'KMS.0204');
  });

  it('KMS.0205: a key ID in the wrong format; KMS.0207 (HTTP 404): a key that does not exist', async () => {
    expectCode(await failure(() => setup.client.describeKey('not-a-key')), 'KMS.0205');
    expectCode(await failure(() => setup.client.describeKey(randomUUID())), 'KMS.0207');
  });

  it('KMS.0309: import into a key whose material the KMS generated', async () => {
    const { keyId } = await setup.client.createKey({
      alias: uniqueAlias('kms-origin'),
      spec: 'AES_256',
      origin: 'kms',
    });
    expectCode(await failure(() => setup.client.getParametersForImport({ keyId })), 'KMS.0309');
    const other = await externalKeyWithParameters(setup.client, 'AES_256');
    expectCode(
      await failure(() =>
        importRaw({
          key_id: keyId,
          import_token: other.parameters.importToken,
          encrypted_key_material: b64(randomBytes(256)),
        }),
      ),
      'KMS.0309',
    );
  });

  it('KMS.0310: import into a key that already holds material (and the client says so before sending)', async () => {
    const { keyId, parameters } = await externalKeyWithParameters(setup.client, 'AES_256');
    const wrapped = await wrapFor(parameters, 'AES_256');
    const input = { keyId, importToken: parameters.importToken, encryptedKeyMaterial: wrapped.encryptedKeyMaterial };
    await setup.client.importKeyMaterial(input);
    expectCode(
      await failure(() =>
        importRaw({
          key_id: keyId,
          import_token: parameters.importToken,
          encrypted_key_material: b64(wrapped.encryptedKeyMaterial),
        }),
      ),
      'KMS.0310',
    );
    expectCode(await failure(() => setup.client.getParametersForImport({ keyId })), 'KMS.0310');
    const precheck = await failure(() => setup.client.importKeyMaterial(input));
    expect(precheck.code).toBe('KMS_KEY_NOT_PENDING_IMPORT');
    expect(precheck.message).toContain('Enabled');
    wrapped.material.dispose();
  });

  it("KMS.0311: material wrapped under a different RSA key than the token's", async () => {
    const { keyId, parameters } = await externalKeyWithParameters(setup.client, 'AES_256');
    const stranger = pkcs8('rsa2048');
    await expectImportRefused('KMS.0311', {
      keyId,
      importToken: parameters.importToken,
      encryptedKeyMaterial: oaepWrap(stranger.spki, randomBytes(32)),
    });
  });

  it('KMS.2601: the token expired (the simulator clock moved 24 hours), with "fetch new parameters" as next step', async () => {
    const { keyId, parameters } = await externalKeyWithParameters(setup.client, 'AES_256');
    const wrapped = await wrapFor(parameters, 'AES_256');
    setup.sim.clock.advance(24 * 3600_000 + 1000);
    try {
      const error = await expectImportRefused('KMS.2601', {
        keyId,
        importToken: parameters.importToken,
        encryptedKeyMaterial: wrapped.encryptedKeyMaterial,
      });
      expect(error.nextStep).toMatch(/Fetch new import parameters/);
      // What becomes of the material: new for a key never imported, the same restored for one imported before.
      expect(error.nextStep).toContain(
        'any other key gets NEW material, generated there and wrapped under the new wrapping keys',
      );
      expect(error.nextStep).toContain('gets that same material, restored from its custody copy');
      // Never to destroy the refused bundle's custody copy: another key of it may hold, or must take, that material.
      expect(error.nextStep).not.toContain('destroy that bundle');
      expect(error.nextStep).not.toContain('wrap their material again');
    } finally {
      setup.sim.clock.advance(-(24 * 3600_000 + 1000));
    }
    const fresh = await setup.client.getParametersForImport({ keyId });
    const rewrapped = await wrapFor(fresh, 'AES_256', wrapped.material);
    expect(
      (
        await setup.client.importKeyMaterial({
          keyId,
          importToken: fresh.importToken,
          encryptedKeyMaterial: rewrapped.encryptedKeyMaterial,
        })
      ).state,
    ).toBe(2);
    wrapped.material.dispose();
  });

  it('KMS.2602: a material expiry time that is not in the future', async () => {
    const { keyId, parameters } = await externalKeyWithParameters(setup.client, 'AES_256');
    const wrapped = await wrapFor(parameters, 'AES_256');
    await expectImportRefused('KMS.2602', {
      keyId,
      importToken: parameters.importToken,
      encryptedKeyMaterial: wrapped.encryptedKeyMaterial,
      materialExpiresAt: new Date(setup.sim.clock.now() - 1000),
    });
    wrapped.material.dispose();
  });

  it('KMS.2603: the token of one key used for another', async () => {
    const a = await externalKeyWithParameters(setup.client, 'AES_256');
    const b = await externalKeyWithParameters(setup.client, 'AES_256');
    const wrapped = await wrapFor(a.parameters, 'AES_256');
    await expectImportRefused('KMS.2603', {
      keyId: b.keyId,
      importToken: a.parameters.importToken,
      encryptedKeyMaterial: wrapped.encryptedKeyMaterial,
    });
    wrapped.material.dispose();
  });

  it('KMS.2604: AES_256 material that is not 32 bytes', async () => {
    const { keyId, parameters } = await externalKeyWithParameters(setup.client, 'AES_256');
    for (const length of [16, 31, 33]) {
      await expectImportRefused('KMS.2604', {
        keyId,
        importToken: parameters.importToken,
        encryptedKeyMaterial: oaepWrap(parameters.publicKeyDer, randomBytes(length)),
      });
    }
  });

  it('KMS.2605: a token changed in any way', async () => {
    const { keyId, parameters } = await externalKeyWithParameters(setup.client, 'AES_256');
    const wrapped = await wrapFor(parameters, 'AES_256');
    const token = parameters.importToken;
    const flipped = `${token.slice(0, 100)}${token[100] === 'A' ? 'B' : 'A'}${token.slice(101)}`;
    const forged = Buffer.alloc(Buffer.from(token, 'base64').length, 7).toString('base64');
    for (const bad of [flipped, forged]) {
      await expectImportRefused('KMS.2605', {
        keyId,
        importToken: bad,
        encryptedKeyMaterial: wrapped.encryptedKeyMaterial,
      });
    }
    wrapped.material.dispose();
  });

  it('KMS.2606: other material into a key once its first material was deleted', async () => {
    const { keyId, parameters } = await externalKeyWithParameters(setup.client, 'AES_256');
    const first = await wrapFor(parameters, 'AES_256');
    await setup.client.importKeyMaterial({
      keyId,
      importToken: parameters.importToken,
      encryptedKeyMaterial: first.encryptedKeyMaterial,
    });
    await setup.client.deleteImportedKeyMaterial(keyId);
    const again = await setup.client.getParametersForImport({ keyId });
    const other = await wrapFor(again, 'AES_256');
    await expectImportRefused('KMS.2606', {
      keyId,
      importToken: again.importToken,
      encryptedKeyMaterial: other.encryptedKeyMaterial,
    });
    first.material.dispose();
    other.material.dispose();
  });

  it('KMS.2608: an asymmetric import without the wrapped private key', async () => {
    const { keyId, parameters } = await externalKeyWithParameters(setup.client, 'EC_P256');
    await expectImportRefused('KMS.2608', {
      keyId,
      importToken: parameters.importToken,
      encryptedKeyMaterial: oaepWrap(parameters.publicKeyDer, randomBytes(32)),
    });
  });

  it('KMS.2609: a private key that does not unwrap, is not PKCS#8, or is of the wrong type or size', async () => {
    const { keyId, parameters } = await externalKeyWithParameters(setup.client, 'RSA_2048');
    const temporary = randomBytes(32);
    const encryptedKeyMaterial = oaepWrap(parameters.publicKeyDer, temporary);
    const attempts = [
      kwpWrap(randomBytes(32), pkcs8('rsa2048').der), // wrapped under another temporary key
      kwpWrap(temporary, randomBytes(300)), // not PKCS#8
      kwpWrap(temporary, pkcs8('p256').der), // EC key for an RSA spec
      kwpWrap(temporary, pkcs8('rsa3072').der), // RSA-3072 for RSA_2048
    ];
    for (const encryptedPrivateKey of attempts) {
      await expectImportRefused('KMS.2609', {
        keyId,
        importToken: parameters.importToken,
        encryptedKeyMaterial,
        encryptedPrivateKey,
      });
    }
  });

  it('KMS.2610: a temporary key that is not 16 or 32 bytes (a 16-byte one works)', async () => {
    const { keyId, parameters } = await externalKeyWithParameters(setup.client, 'EC_P256');
    const material = pkcs8('p256');
    await expectImportRefused('KMS.2610', {
      keyId,
      importToken: parameters.importToken,
      ...asymmetricWrap(parameters.publicKeyDer, material.der, 24),
    });
    const outcome = await setup.client.importKeyMaterial({
      keyId,
      importToken: parameters.importToken,
      ...asymmetricWrap(parameters.publicKeyDer, material.der, 16),
    });
    expect(outcome.state).toBe(2);
  });

  it('KMS.2701: deleting material of a key that holds none; KMS.2702: deleting imported private key material', async () => {
    const pending = await setup.client.createKey({ alias: uniqueAlias('del'), spec: 'AES_256' });
    expectCode(await failure(() => setup.client.deleteImportedKeyMaterial(pending.keyId)), 'KMS.2701');
    const { keyId, parameters } = await externalKeyWithParameters(setup.client, 'EC_P256');
    await setup.client.importKeyMaterial({
      keyId,
      importToken: parameters.importToken,
      ...asymmetricWrap(parameters.publicKeyDer, pkcs8('p256').der),
    });
    expectCode(await failure(() => setup.client.deleteImportedKeyMaterial(keyId)), 'KMS.2702');
  });
});

describe('other codes the simulator gives', () => {
  it('create-key, list-keys and request-level refusals', async () => {
    expectCode(await failure(() => setup.client.createKey({ alias: 'bad alias!', spec: 'AES_256' })), 'KMS.1101');
    const alias = uniqueAlias('dup');
    await setup.client.createKey({ alias, spec: 'AES_256' });
    expectCode(await failure(() => setup.client.createKey({ alias, spec: 'AES_256' })), 'KMS.1104');
    expectCode(
      await failure(() =>
        setup.client.createKey({ alias: uniqueAlias('d'), spec: 'AES_256', description: 'x'.repeat(256) }),
      ),
      'KMS.1103',
    );
    expectCode(
      await failure(() => setup.client.callAction('create-key', { key_alias: uniqueAlias('s'), key_spec: 'HMAC_256' })),
      'KMS.0308',
    );
    expectCode(
      await failure(() =>
        setup.client.createKey({ alias: uniqueAlias('u'), spec: 'EC_P256', usage: 'ENCRYPT_DECRYPT' }),
      ),
      'KMS.0308',
    );
    expectCode(await failure(() => setup.client.listKeys({ pageSize: 1001 })), 'KMS.1601');
    expectCode(await failure(() => setup.client.callAction('list-keys', { marker: '-1' })), 'KMS.1602');
    expectCode(
      await failure(() => setup.client.callAction('describe-key', { key_id: randomUUID(), sequence: 'short' })),
      'KMS.0206',
    );
    expectCode(
      await failure(() => setup.client.callActionRaw('describe-key', JSON.stringify({ pad: 'x'.repeat(1024 * 1024) }))),
      'KMS.0203',
    );
    const enabled = await setup.client.createKey({ alias: uniqueAlias('e'), spec: 'AES_256', origin: 'kms' });
    expectCode(await failure(() => setup.client.enableKey(enabled.keyId)), 'KMS.1201');
    expectCode(await failure(() => setup.client.scheduleKeyDeletion(enabled.keyId, 3)), 'KMS.1401');
    expectCode(await failure(() => setup.client.cancelKeyDeletion(enabled.keyId)), 'KMS.1501');
  });

  it("answers in the KMS's nested shape, with its status, over the wire", async () => {
    const url = new URL(`${setup.sim.endpoint}/v1.0/${setup.sim.projectId}/kms/describe-key`);
    const body = JSON.stringify({ key_id: randomUUID() });
    const headers = signWithAkSk(
      { method: 'POST', url, headers: { 'content-type': 'application/json' }, body },
      new AkSkCredentials({ accessKeyId: setup.sim.ak, secretKey: setup.sim.sk }),
      new Date(setup.sim.clock.now()),
    );
    const response = await fetch(url, { method: 'POST', headers, body });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(await response.json()).toEqual({ error: { error_code: 'KMS.0207', error_msg: 'The key does not exist.' } });
    const unknown = await fetch(new URL(`${setup.sim.endpoint}/v1.0/${setup.sim.projectId}/kms/no-such-action`), {
      method: 'POST',
      headers,
      body,
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error_code: 'APIGW.0101' });
  });
});
