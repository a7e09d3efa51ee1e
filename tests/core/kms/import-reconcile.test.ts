/**
 * import-key-material is never repeated blindly: a lost answer is reconciled with describe-key
 * (imported, retried once, or reported as unknown). Retries with backoff: retry.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyState } from '../../../src-main/core/kms/types';
import { asymmetricWrap, pkcs8 } from './helpers/raw-wrap';
import { externalKeyWithParameters, startSimWithClient, wrapFor, type SimSetup } from './helpers/sim';

let setup: SimSetup;
beforeEach(async () => {
  setup = await startSimWithClient();
});
afterEach(async () => {
  await setup.close();
});

const imports = () => setup.requests.filter((r) => r.action === 'import-key-material');
const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 25));
};

async function aesImport() {
  const { keyId, parameters } = await externalKeyWithParameters(setup.client, 'AES_256');
  const wrapped = await wrapFor(parameters, 'AES_256');
  return {
    keyId,
    parameters,
    input: {
      keyId,
      importToken: parameters.importToken,
      encryptedKeyMaterial: wrapped.encryptedKeyMaterial,
      tokenExpiresAt: parameters.expiresAt,
    },
    material: wrapped.material,
  };
}

describe('a lost answer to import-key-material', () => {
  it('timeout while the import takes effect: reported imported after describe-key, not sent again', async () => {
    const { keyId, input, material } = await aesImport();
    const expiresAt = new Date(Math.floor((setup.sim.clock.now() + 3600_000) / 1000) * 1000);
    setup.sim.faults.delayAnswer('import-key-material', 1500);
    const client = setup.clientWith({ timeoutMs: 400 });
    const outcome = await client.importKeyMaterial({ ...input, materialExpiresAt: expiresAt });
    expect(outcome).toEqual({ keyId, state: KeyState.Enabled, confirmation: 'reconciled' });
    await waitFor(() => imports().length > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(imports()).toHaveLength(1);
    expect((await setup.client.describeKey(keyId)).materialExpiresAt?.getTime()).toBe(expiresAt.getTime());
    material.dispose();
  });

  it('dropped connection after the import took effect: reported imported, sent once', async () => {
    const { keyId, input, material } = await aesImport();
    setup.sim.faults.dropConnection('import-key-material', 'after');
    expect(await setup.client.importKeyMaterial(input)).toEqual({
      keyId,
      state: KeyState.Enabled,
      confirmation: 'reconciled',
    });
    expect(imports()).toHaveLength(1);
    material.dispose();
  });

  it('server error before the import took effect: the key is still Pending import, so it is retried once with the same token', async () => {
    const { keyId, input, material } = await aesImport();
    setup.sim.faults.failWith('import-key-material', 502, 'before');
    expect(await setup.client.importKeyMaterial(input)).toEqual({
      keyId,
      state: KeyState.Enabled,
      confirmation: 'retried',
    });
    expect(imports().map((r) => r.status)).toEqual([502, 200]);
    material.dispose();
  });

  it('two lost answers, key still Pending import: says plainly the material was not imported, after exactly two attempts', async () => {
    const { keyId, input, material } = await aesImport();
    setup.sim.faults.failWith('import-key-material', 503, 'before', 2);
    await expect(setup.client.importKeyMaterial(input)).rejects.toMatchObject({ code: 'KMS_IMPORT_NOT_APPLIED' });
    expect(imports()).toHaveLength(2);
    expect((await setup.client.describeKey(keyId)).state).toBe(KeyState.PendingImport);
    material.dispose();
  });

  it('lost answer and an expired token: no retry, and the next step is new parameters', async () => {
    const { input, material } = await aesImport();
    setup.sim.faults.failWith('import-key-material', 500, 'before');
    const error = setup.client.importKeyMaterial({ ...input, tokenExpiresAt: new Date(setup.sim.clock.now() - 1000) });
    await expect(error).rejects.toMatchObject({
      code: 'KMS_IMPORT_TOKEN_EXPIRED',
      nextStep: expect.stringMatching(/new import parameters/),
    });
    expect(imports()).toHaveLength(1);
    material.dispose();
  });

  it('lost answer and describe-key failing too: the outcome is reported as unknown, never guessed', async () => {
    const { keyId, input, material } = await aesImport();
    setup.sim.faults.dropConnection('import-key-material', 'after');
    setup.sim.faults.failWith('describe-key', 503, 'before', 10, 1); // the first is the client's pre-check
    const error = setup.client.importKeyMaterial(input);
    await expect(error).rejects.toMatchObject({ code: 'KMS_IMPORT_OUTCOME_UNKNOWN', ambiguous: true });
    await expect(error).rejects.toThrow(/cannot tell whether this import took effect/);
    expect(imports()).toHaveLength(1);
    setup.sim.faults.clear();
    expect((await setup.client.describeKey(keyId)).state).toBe(KeyState.Enabled);
    material.dispose();
  });

  it('lost answer and the key Enabled with another public key: reported as a conflict', async () => {
    const { keyId, parameters } = await externalKeyWithParameters(setup.client, 'EC_P256');
    const material = pkcs8('p256');
    const somebodyElses = pkcs8('p256');
    setup.sim.faults.dropConnection('import-key-material', 'after');
    const error = setup.client.importKeyMaterial({
      keyId,
      importToken: parameters.importToken,
      ...asymmetricWrap(parameters.publicKeyDer, material.der),
      expectedPublicKeyDer: somebodyElses.spki,
    });
    await expect(error).rejects.toMatchObject({ code: 'KMS_IMPORT_CONFLICT' });
    expect(imports()).toHaveLength(1);
  });

  it('lost answer for an asymmetric key with the expected public key: reconciled through get-publickey', async () => {
    const { keyId, parameters } = await externalKeyWithParameters(setup.client, 'EC_P256');
    const material = pkcs8('p256');
    setup.sim.faults.failWith('import-key-material', 504, 'after');
    const outcome = await setup.client.importKeyMaterial({
      keyId,
      importToken: parameters.importToken,
      ...asymmetricWrap(parameters.publicKeyDer, material.der),
      expectedPublicKeyDer: material.spki,
    });
    expect(outcome.confirmation).toBe('reconciled');
    expect(setup.requests.some((r) => r.action === 'get-publickey' && r.status === 200)).toBe(true);
  });
});

describe('a key already Enabled when the import starts', () => {
  it('refused as not Pending import when no earlier import of this material was sent', async () => {
    const { keyId, input, material } = await aesImport();
    await setup.client.importKeyMaterial(input);
    const again = setup.client.importKeyMaterial(input);
    await expect(again).rejects.toMatchObject({ code: 'KMS_KEY_NOT_PENDING_IMPORT' });
    expect(imports()).toHaveLength(1);
    expect((await setup.client.describeKey(keyId)).state).toBe(KeyState.Enabled);
    material.dispose();
  });

  it('an earlier session may have sent it: recognised with the same expiry, not sent again', async () => {
    const { keyId, input, material } = await aesImport();
    const expiresAt = new Date(Math.floor((setup.sim.clock.now() + 3600_000) / 1000) * 1000);
    await setup.client.importKeyMaterial({ ...input, materialExpiresAt: expiresAt });
    const outcome = await setup.client.importKeyMaterial({
      ...input,
      materialExpiresAt: expiresAt,
      earlierAttemptMayHaveLanded: true,
    });
    expect(outcome).toEqual({ keyId, state: KeyState.Enabled, confirmation: 'reconciled' });
    expect(imports()).toHaveLength(1);
    material.dispose();
  });

  it('an earlier session may have sent it, but the key holds another expiry: a conflict, nothing sent', async () => {
    const { input, material } = await aesImport();
    await setup.client.importKeyMaterial(input);
    const expiresAt = new Date(Math.floor((setup.sim.clock.now() + 3600_000) / 1000) * 1000);
    const again = setup.client.importKeyMaterial({
      ...input,
      materialExpiresAt: expiresAt,
      earlierAttemptMayHaveLanded: true,
    });
    await expect(again).rejects.toMatchObject({ code: 'KMS_IMPORT_CONFLICT' });
    expect(imports()).toHaveLength(1);
    material.dispose();
  });

  it('an earlier session may have sent it, but the key holds another public key: a conflict', async () => {
    const { keyId, parameters } = await externalKeyWithParameters(setup.client, 'EC_P256');
    const somebodyElses = pkcs8('p256');
    await setup.client.importKeyMaterial({
      keyId,
      importToken: parameters.importToken,
      ...asymmetricWrap(parameters.publicKeyDer, somebodyElses.der),
    });
    const material = pkcs8('p256');
    const again = setup.client.importKeyMaterial({
      keyId,
      importToken: parameters.importToken,
      ...asymmetricWrap(parameters.publicKeyDer, material.der),
      expectedPublicKeyDer: material.spki,
      earlierAttemptMayHaveLanded: true,
    });
    await expect(again).rejects.toMatchObject({ code: 'KMS_IMPORT_CONFLICT' });
    expect(imports()).toHaveLength(1);
  });
});
