import { createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { aesKeyWrapPad } from '../../../src-main/core/crypto/aes-key-wrap';
import { generateKeyMaterial } from '../../../src-main/core/crypto/generate-key-material';
import { rsaOaepEncrypt } from '../../../src-main/core/crypto/rsa-oaep';
import { isPkcs8Der, unwrapKeyMaterial } from '../../../src-main/core/crypto/unwrap';
import { wrapKeyMaterial } from '../../../src-main/core/crypto/wrap';
import { loadWrappingPublicKey, type WrappingPublicKey } from '../../../src-main/core/crypto/wrapping-key';
import { expectKeyferryError } from './helpers/openssl';
import { testRsaKeyPair } from './helpers/test-rsa-keys';

let wrappingKey: WrappingPublicKey;
let wrappingPrivateKey: KeyObject;
const algorithm = 'RSAES_OAEP_SHA_256' as const;

beforeAll(() => {
  const pair = testRsaKeyPair('rsa2048');
  wrappingPrivateKey = pair.privateKey;
  wrappingKey = loadWrappingPublicKey(pair.publicKey.export({ type: 'spki', format: 'der' }));
});

/** Wraps arbitrary private-key bytes the way the guide does, with a temporary key of any length. */
function wrapRaw(der: Buffer, temporaryKey = randomBytes(32)) {
  return {
    encryptedKeyMaterial: rsaOaepEncrypt(wrappingKey.keyObject, algorithm, temporaryKey),
    encryptedPrivateKey: aesKeyWrapPad(temporaryKey, der),
  };
}

describe('unwrapKeyMaterial refuses what the KMS would refuse', () => {
  it('an asymmetric import without the wrapped private key (KMS.2608)', async () => {
    const material = await generateKeyMaterial('EC_P256');
    const { encryptedKeyMaterial } = wrapKeyMaterial({ material, wrappingKey, algorithm });
    expectKeyferryError(
      () => unwrapKeyMaterial({ spec: 'EC_P256', algorithm, wrappingPrivateKey, encryptedKeyMaterial }),
      'UNWRAP_PRIVATE_KEY_MISSING',
      /KMS\.2608/,
    );
    material.dispose();
  });

  it('a wrapped private key for a symmetric spec', () => {
    expectKeyferryError(
      () =>
        unwrapKeyMaterial({
          spec: 'AES_256',
          algorithm,
          wrappingPrivateKey,
          encryptedKeyMaterial: randomBytes(256),
          encryptedPrivateKey: randomBytes(40),
        }),
      'UNWRAP_UNEXPECTED_PRIVATE_KEY',
    );
  });

  it('ciphertext for another wrapping key', async () => {
    const material = await generateKeyMaterial('AES_256');
    const wrapped = wrapKeyMaterial({ material, wrappingKey, algorithm });
    const other = testRsaKeyPair('rsa2048-other').privateKey;
    expectKeyferryError(
      () => unwrapKeyMaterial({ ...wrapped, wrappingPrivateKey: other }),
      'RSA_OAEP_DECRYPT_FAILED',
      /wrong wrapping key/,
    );
    material.dispose();
  });

  it('AES material that is not 32 bytes (KMS.2604)', () => {
    const encryptedKeyMaterial = rsaOaepEncrypt(wrappingKey.keyObject, algorithm, randomBytes(16));
    expectKeyferryError(
      () => unwrapKeyMaterial({ spec: 'AES_256', algorithm, wrappingPrivateKey, encryptedKeyMaterial }),
      'UNWRAP_WRONG_LENGTH',
      'The decrypted AES_256 key material is 16 bytes; it must be 32 (KMS.2604).',
    );
  });

  it('a temporary key of 24 bytes (KMS.2610), while 16 bytes is accepted', async () => {
    const material = await generateKeyMaterial('EC_P256');
    const der = material.secret.use((b) => Buffer.from(b));
    expectKeyferryError(
      () => unwrapKeyMaterial({ spec: 'EC_P256', algorithm, wrappingPrivateKey, ...wrapRaw(der, randomBytes(24)) }),
      'UNWRAP_TEMPORARY_KEY_LENGTH',
      /24 bytes/,
    );
    const ok = unwrapKeyMaterial({ spec: 'EC_P256', algorithm, wrappingPrivateKey, ...wrapRaw(der, randomBytes(16)) });
    expect(ok.secret.use((b) => b.equals(der))).toBe(true);
    ok.dispose();
    material.dispose();
  });

  it('a private key that is PKCS#1 rather than PKCS#8, or of another size (KMS.2609)', async () => {
    const rsa = testRsaKeyPair('rsa2048-other').privateKey;
    const pkcs1 = rsa.export({ type: 'pkcs1', format: 'der' });
    expectKeyferryError(
      () => unwrapKeyMaterial({ spec: 'RSA_2048', algorithm, wrappingPrivateKey, ...wrapRaw(pkcs1) }),
      'UNWRAP_PRIVATE_KEY_INVALID',
      /not a valid PKCS#8 RSA_2048 key \(KMS\.2609\)/,
    );
    const rsa3072 = testRsaKeyPair('rsa3072').privateKey.export({
      type: 'pkcs8',
      format: 'der',
    });
    expectKeyferryError(
      () => unwrapKeyMaterial({ spec: 'RSA_2048', algorithm, wrappingPrivateKey, ...wrapRaw(rsa3072) }),
      'UNWRAP_PRIVATE_KEY_INVALID',
      /An RSA-3072 key was given for RSA_2048/,
    );
    expectKeyferryError(
      () => unwrapKeyMaterial({ spec: 'RSA_2048', algorithm, wrappingPrivateKey, ...wrapRaw(randomBytes(300)) }),
      'UNWRAP_PRIVATE_KEY_INVALID',
    );
  });

  it('a tampered wrapped private key', async () => {
    const material = await generateKeyMaterial('EC_P384');
    const wrapped = wrapKeyMaterial({ material, wrappingKey, algorithm });
    const tampered = Buffer.from(wrapped.encryptedPrivateKey as Buffer);
    tampered[20] = (tampered[20] ?? 0) ^ 0x80;
    expectKeyferryError(
      () => unwrapKeyMaterial({ ...wrapped, wrappingPrivateKey, encryptedPrivateKey: tampered }),
      'KWP_UNWRAP_FAILED',
    );
    material.dispose();
  });
});

describe('isPkcs8Der', () => {
  it('tells PKCS#8 from PKCS#1 and SEC1', () => {
    const rsa = testRsaKeyPair('rsa2048-other').privateKey;
    const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
    expect(isPkcs8Der(rsa.export({ type: 'pkcs8', format: 'der' }))).toBe(true);
    expect(isPkcs8Der(ec.export({ type: 'pkcs8', format: 'der' }))).toBe(true);
    expect(isPkcs8Der(rsa.export({ type: 'pkcs1', format: 'der' }))).toBe(false);
    expect(isPkcs8Der(ec.export({ type: 'sec1', format: 'der' }))).toBe(false);
    expect(isPkcs8Der(Buffer.alloc(3))).toBe(false);
    expect(
      createPrivateKey({ key: ec.export({ type: 'pkcs8', format: 'der' }), format: 'der', type: 'pkcs8' })
        .asymmetricKeyType,
    ).toBe('ec');
  });
});
