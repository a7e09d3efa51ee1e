/**
 * The life of imported material in the simulator: tokens valid 24 hours, symmetric material that
 * expires and takes the key back to Pending import, re-import bound to the first material.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyState } from '../../../../src-main/core/kms/types';
import { asymmetricWrap, pkcs8 } from '../../kms/helpers/raw-wrap';
import { externalKeyWithParameters, startSimWithClient, wrapFor, type SimSetup } from '../../kms/helpers/sim';

const HOUR = 3600_000;
let setup: SimSetup;
beforeAll(async () => {
  setup = await startSimWithClient({ wrappingKeyPoolSize: 3 });
});
afterAll(async () => {
  await setup.close();
});

describe('import tokens', () => {
  it('work until their 24 hours are up (a minute before: imported)', async () => {
    const { keyId, parameters } = await externalKeyWithParameters(setup.client, 'AES_256');
    const wrapped = await wrapFor(parameters, 'AES_256');
    setup.sim.clock.advance(24 * HOUR - 60_000);
    try {
      const outcome = await setup.client.importKeyMaterial({
        keyId,
        importToken: parameters.importToken,
        encryptedKeyMaterial: wrapped.encryptedKeyMaterial,
        tokenExpiresAt: parameters.expiresAt,
      });
      expect(outcome.state).toBe(KeyState.Enabled);
    } finally {
      setup.sim.clock.advance(-(24 * HOUR - 60_000));
      wrapped.material.dispose();
    }
  });
});

describe('symmetric material with an expiry', () => {
  it('expires: the key returns to Pending import, the same material imports again, other material is refused', async () => {
    const { keyId, parameters } = await externalKeyWithParameters(setup.client, 'AES_256');
    const wrapped = await wrapFor(parameters, 'AES_256');
    const expiresAt = new Date(Math.floor((setup.sim.clock.now() + 2 * HOUR) / 1000) * 1000);
    await setup.client.importKeyMaterial({
      keyId,
      importToken: parameters.importToken,
      encryptedKeyMaterial: wrapped.encryptedKeyMaterial,
      materialExpiresAt: expiresAt,
    });
    const info = await setup.client.describeKey(keyId);
    expect(info.state).toBe(KeyState.Enabled);
    expect(info.materialExpiresAt?.getTime()).toBe(expiresAt.getTime());
    const { cipherText } = await setup.client.encryptData({ keyId, plainText: 'kept across the expiry' });

    setup.sim.clock.advance(2 * HOUR + 1000);
    const lapsed = await setup.client.describeKey(keyId);
    expect(lapsed.state).toBe(KeyState.PendingImport);
    expect(lapsed.materialExpiresAt).toBeUndefined();
    await expect(setup.client.decryptData({ cipherText })).rejects.toMatchObject({ code: 'KMS.1301' });

    // the same material, wrapped for new parameters, brings the key (and its ciphertexts) back
    const again = await setup.client.getParametersForImport({ keyId });
    const rewrapped = await wrapFor(again, 'AES_256', wrapped.material);
    expect(
      (
        await setup.client.importKeyMaterial({
          keyId,
          importToken: again.importToken,
          encryptedKeyMaterial: rewrapped.encryptedKeyMaterial,
        })
      ).state,
    ).toBe(KeyState.Enabled);
    expect((await setup.client.decryptData({ cipherText })).plainText).toBe('kept across the expiry');
    expect((await setup.client.describeKey(keyId)).materialExpiresAt).toBeUndefined();

    // other material is refused, even into the same key after deleting its material
    await setup.client.deleteImportedKeyMaterial(keyId);
    const third = await setup.client.getParametersForImport({ keyId });
    const other = await wrapFor(third, 'AES_256');
    await expect(
      setup.client.importKeyMaterial({
        keyId,
        importToken: third.importToken,
        encryptedKeyMaterial: other.encryptedKeyMaterial,
      }),
    ).rejects.toMatchObject({ code: 'KMS.2606' });
    expect((await setup.client.describeKey(keyId)).state).toBe(KeyState.PendingImport);
    wrapped.material.dispose();
    other.material.dispose();
  });

  it('is refused for asymmetric keys, whose imported material never expires', async () => {
    const { keyId, parameters } = await externalKeyWithParameters(setup.client, 'EC_P256');
    const error = setup.client.importKeyMaterial({
      keyId,
      importToken: parameters.importToken,
      ...asymmetricWrap(parameters.publicKeyDer, pkcs8('p256').der),
      materialExpiresAt: new Date(setup.sim.clock.now() + HOUR),
    });
    await expect(error).rejects.toMatchObject({ code: 'KMS.0308' });
    expect((await setup.client.describeKey(keyId)).state).toBe(KeyState.PendingImport);
  });
});
