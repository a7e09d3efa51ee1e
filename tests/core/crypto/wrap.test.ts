import { createPrivateKey, type KeyObject } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateKeyMaterial } from '../../../src-main/core/crypto/generate-key-material';
import type { KeyMaterial } from '../../../src-main/core/crypto/key-material';
import { KEY_SPECS, type KeySpec } from '../../../src-main/core/crypto/key-spec';
import { unwrapKeyMaterial } from '../../../src-main/core/crypto/unwrap';
import { wrapKeyMaterial } from '../../../src-main/core/crypto/wrap';
import { loadWrappingPublicKey, type WrappingPublicKey } from '../../../src-main/core/crypto/wrapping-key';
import { expectKeyferryError } from './helpers/openssl';
import { testRsaKeyPair } from './helpers/test-rsa-keys';

let wrappingKey: WrappingPublicKey;
let wrappingPrivateKey: KeyObject;

beforeAll(() => {
  const pair = testRsaKeyPair('rsa2048');
  wrappingPrivateKey = pair.privateKey;
  wrappingKey = loadWrappingPublicKey(pair.publicKey.export({ type: 'spki', format: 'der' }));
});

/** True when any 8-byte window of `secret` (every 4th offset) occurs in any buffer of `haystack`. */
function containsAnyWindow(haystack: Buffer[], secret: Buffer): boolean {
  for (let i = 0; i + 8 <= secret.length; i += 4) {
    const window = secret.subarray(i, i + 8);
    if (haystack.some((h) => h.includes(window))) return true;
  }
  return false;
}

/** The secret parts of material: the AES key, or the private exponent / primes / scalar. */
function secretParts(material: KeyMaterial): Buffer[] {
  if (material.spec === 'AES_256') return [material.secret.use((b) => Buffer.from(b))];
  const jwk = material.secret.use((der) =>
    createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ format: 'jwk' }),
  );
  return [jwk.d, jwk.p, jwk.q]
    .filter((v): v is string => typeof v === 'string')
    .map((v) => Buffer.from(v, 'base64url'));
}

describe('wrapKeyMaterial', () => {
  it.each(KEY_SPECS.filter((s) => s !== 'RSA_4096') as KeySpec[])(
    'wraps %s so the KMS side recovers the exact material',
    async (spec) => {
      const material = await generateKeyMaterial(spec);
      const wrapped = wrapKeyMaterial({ material, wrappingKey, algorithm: 'RSAES_OAEP_SHA_256' });
      expect(wrapped.spec).toBe(spec);
      expect(wrapped.algorithm).toBe('RSAES_OAEP_SHA_256');
      expect(wrapped.encryptedKeyMaterial.length).toBe(256);
      expect(wrapped.evidence.wrappingKeyFingerprint).toBe(wrappingKey.fingerprint);
      const unwrapped = unwrapKeyMaterial({ ...wrapped, wrappingPrivateKey });
      expect(unwrapped.secret.use((a) => material.secret.use((b) => a.equals(b)))).toBe(true);
      if (spec === 'AES_256') {
        expect(wrapped.encryptedPrivateKey).toBeUndefined();
        expect(wrapped.publicKeySpkiDer).toBeUndefined();
        expect(wrapped.evidence.keyCheckValue).toMatch(/^[0-9A-F]{6}$/);
        expect(wrapped.evidence.publicKeyFingerprint).toBeUndefined();
      } else {
        const derLength = material.secret.length;
        expect(wrapped.encryptedPrivateKey?.length).toBe(Math.ceil(derLength / 8) * 8 + 8);
        expect(wrapped.publicKeySpkiDer?.equals(material.publicKeySpkiDer as Buffer)).toBe(true);
        expect(unwrapped.publicKeySpkiDer?.equals(material.publicKeySpkiDer as Buffer)).toBe(true);
        expect(wrapped.evidence.publicKeyFingerprint).toMatch(/^[0-9a-f]{64}$/);
        expect(wrapped.evidence.keyCheckValue).toBeUndefined();
      }
      const everything = [
        wrapped.encryptedKeyMaterial,
        wrapped.encryptedPrivateKey ?? Buffer.alloc(0),
        wrapped.publicKeySpkiDer ?? Buffer.alloc(0),
        Buffer.from(JSON.stringify(wrapped)),
      ];
      for (const secretPart of secretParts(material)) expect(containsAnyWindow(everything, secretPart)).toBe(false);
      unwrapped.dispose();
      material.dispose();
    },
  );

  it('gives a different ciphertext each time (OAEP randomness, fresh temporary key)', async () => {
    for (const spec of ['AES_256', 'EC_P256'] as const) {
      const material = await generateKeyMaterial(spec);
      const a = wrapKeyMaterial({ material, wrappingKey, algorithm: 'RSAES_OAEP_SHA_256' });
      const b = wrapKeyMaterial({ material, wrappingKey, algorithm: 'RSAES_OAEP_SHA_256' });
      expect(a.encryptedKeyMaterial.equals(b.encryptedKeyMaterial)).toBe(false);
      if (spec === 'EC_P256') expect(a.encryptedPrivateKey?.equals(b.encryptedPrivateKey as Buffer)).toBe(false);
      expect(a.evidence).toEqual(b.evidence);
      material.dispose();
    }
  });

  it('uses SHA-1 OAEP for RSAES_OAEP_SHA_1 (a SHA-256 decrypt fails)', async () => {
    const material = await generateKeyMaterial('AES_256');
    const wrapped = wrapKeyMaterial({ material, wrappingKey, algorithm: 'RSAES_OAEP_SHA_1' });
    expect(wrapped.algorithm).toBe('RSAES_OAEP_SHA_1');
    expectKeyferryError(
      () => unwrapKeyMaterial({ ...wrapped, algorithm: 'RSAES_OAEP_SHA_256', wrappingPrivateKey }),
      'RSA_OAEP_DECRYPT_FAILED',
    );
    unwrapKeyMaterial({ ...wrapped, algorithm: 'RSAES_OAEP_SHA_1', wrappingPrivateKey }).dispose();
    material.dispose();
  });

  it('produces one ciphertext of the wrapping key size for RSA-3072', async () => {
    const pair = testRsaKeyPair('rsa3072');
    const bigKey = loadWrappingPublicKey(pair.publicKey.export({ type: 'spki', format: 'der' }));
    const material = await generateKeyMaterial('AES_256');
    const wrapped = wrapKeyMaterial({ material, wrappingKey: bigKey, algorithm: 'RSAES_OAEP_SHA_256' });
    expect(wrapped.encryptedKeyMaterial.length).toBe(384);
    const back = unwrapKeyMaterial({ ...wrapped, wrappingPrivateKey: pair.privateKey });
    expect(back.secret.use((a) => material.secret.use((b) => a.equals(b)))).toBe(true);
    material.dispose();
  });

  it('refuses disposed material', async () => {
    const material = await generateKeyMaterial('EC_P256');
    material.dispose();
    expectKeyferryError(
      () => wrapKeyMaterial({ material, wrappingKey, algorithm: 'RSAES_OAEP_SHA_256' }),
      'SECRET_DISPOSED',
    );
  });

  it('wraps the PKCS#8 form even of material loaded from other encodings', async () => {
    const material = await generateKeyMaterial('RSA_2048');
    const wrapped = wrapKeyMaterial({ material, wrappingKey, algorithm: 'RSAES_OAEP_SHA_256' });
    const back = unwrapKeyMaterial({ ...wrapped, wrappingPrivateKey });
    const key = back.secret.use((der) => createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
    back.dispose();
    material.dispose();
  });
});
