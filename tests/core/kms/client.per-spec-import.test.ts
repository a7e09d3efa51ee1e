/**
 * The whole online half of a ceremony for every key spec, with the real wrapping engine:
 * create (origin external) → get-parameters-for-import → wrap → import-key-material → Enabled →
 * the key proven to hold our material (AES: its ciphertext opens with our key; asymmetric:
 * get-publickey is our public key and its signatures verify locally with Node's crypto).
 */
import { constants, createDecipheriv, createPublicKey, verify as nodeVerify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateKeyMaterial,
  KEY_SPECS,
  loadWrappingPublicKey,
  wrapKeyMaterial,
  type KeySpec,
} from '../../../src-main/core/crypto/index';
import type { SigningAlgorithm } from '../../../src-main/core/kms/client';
import { KeyState } from '../../../src-main/core/kms/types';
import { startSimWithClient, uniqueAlias, type SimSetup } from './helpers/sim';

let setup: SimSetup;
beforeAll(async () => {
  setup = await startSimWithClient({ wrappingKeyPoolSize: 3 });
});
afterAll(async () => {
  await setup.close();
});

const SIGNING: Partial<Record<KeySpec, { algorithm: SigningAlgorithm; hash: 'sha256' | 'sha384'; pss?: boolean }[]>> = {
  RSA_2048: [
    { algorithm: 'RSASSA_PSS_SHA_256', hash: 'sha256', pss: true },
    { algorithm: 'RSASSA_PKCS1_V1_5_SHA_256', hash: 'sha256' },
  ],
  RSA_3072: [
    { algorithm: 'RSASSA_PSS_SHA_256', hash: 'sha256', pss: true },
    { algorithm: 'RSASSA_PKCS1_V1_5_SHA_256', hash: 'sha256' },
  ],
  RSA_4096: [
    { algorithm: 'RSASSA_PSS_SHA_256', hash: 'sha256', pss: true },
    { algorithm: 'RSASSA_PKCS1_V1_5_SHA_256', hash: 'sha256' },
  ],
  EC_P256: [{ algorithm: 'ECDSA_SHA_256', hash: 'sha256' }],
  EC_P384: [{ algorithm: 'ECDSA_SHA_384', hash: 'sha384' }],
};

describe.each(KEY_SPECS.map((spec) => [spec]))('%s ceremony against the simulator', (spec) => {
  it('imports the wrapped material and the key then works with exactly that material', async () => {
    const { keyId } = await setup.client.createKey({
      alias: uniqueAlias(`e2e-${spec}`),
      spec,
      description: `end-to-end ${spec}`,
    });
    expect((await setup.client.describeKey(keyId)).state).toBe(KeyState.PendingImport);

    const parameters = await setup.client.getParametersForImport({ keyId, wrappingAlgorithm: 'RSAES_OAEP_SHA_256' });
    const material = await generateKeyMaterial(spec);
    const wrapped = wrapKeyMaterial({
      material,
      wrappingKey: loadWrappingPublicKey(parameters.publicKeyDer),
      algorithm: 'RSAES_OAEP_SHA_256',
    });

    const outcome = await setup.client.importKeyMaterial({
      keyId,
      importToken: parameters.importToken,
      encryptedKeyMaterial: wrapped.encryptedKeyMaterial,
      ...(wrapped.encryptedPrivateKey ? { encryptedPrivateKey: wrapped.encryptedPrivateKey } : {}),
      ...(wrapped.publicKeySpkiDer ? { expectedPublicKeyDer: wrapped.publicKeySpkiDer } : {}),
      tokenExpiresAt: parameters.expiresAt,
    });
    expect(outcome).toEqual({ keyId, state: KeyState.Enabled, confirmation: 'answered' });
    expect((await setup.client.describeKey(keyId)).state).toBe(KeyState.Enabled);

    if (spec === 'AES_256') {
      const plainText = `rehearsal data for ${keyId}`;
      const { cipherText } = await setup.client.encryptData({ keyId, plainText });
      expect((await setup.client.decryptData({ cipherText, keyId })).plainText).toBe(plainText);
      // The simulator's envelope (version ‖ key ID ‖ IV ‖ tag ‖ body) opens with the AES key we hold.
      const blob = Buffer.from(cipherText, 'base64');
      const opened = material.secret.use((key) => {
        const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(37, 49));
        decipher.setAAD(blob.subarray(0, 37));
        decipher.setAuthTag(blob.subarray(49, 65));
        return Buffer.concat([decipher.update(blob.subarray(65)), decipher.final()]).toString('utf8');
      });
      expect(opened).toBe(plainText);
    } else {
      const { publicKeyDer } = await setup.client.getPublicKey(keyId);
      expect(publicKeyDer.equals(material.publicKeySpkiDer ?? Buffer.alloc(0))).toBe(true);
      const publicKey = createPublicKey({ key: publicKeyDer, format: 'der', type: 'spki' });
      const message = Buffer.from(`signed by the imported ${spec} key`);
      for (const { algorithm, hash, pss } of SIGNING[spec] ?? []) {
        const signature = await setup.client.sign({ keyId, message, algorithm, messageType: 'RAW' });
        const key = pss ? { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } : publicKey;
        expect(nodeVerify(hash, message, key, signature)).toBe(true);
        expect(nodeVerify(hash, Buffer.from('another message'), key, signature)).toBe(false);
      }
    }
    material.dispose();
  });
});
