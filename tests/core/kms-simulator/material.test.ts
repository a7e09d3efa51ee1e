/**
 * The simulator checks imported material as the KMS does (material.ts), with material made by
 * the OpenSSL CLI the way Huawei's console guide makes it: RSA-OAEP under the token's wrapping key
 * (SHA-256 or SHA-1), the private key under a temporary AES key with RFC 5649 key wrap; material
 * under another wrapping key is KMS.0311; a private key that will not unwrap, is not PKCS#8, or is
 * not of the key's type and size is KMS.2609.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptKeyMaterial, privateKeyForSpec, unwrapPrivateKey } from '../../../src-main/core/kms-simulator/material';
import { makeTempDir, openssl, removeTempDir } from '../crypto/helpers/openssl';
import { oaepEncryptArgs } from '../crypto/helpers/openssl-commands';
import { testRsaKeyPair } from '../crypto/helpers/test-rsa-keys';

let dir: string;
const wrapping = testRsaKeyPair('rsa2048');
const wrappingPrivateDer = wrapping.privateKey.export({ type: 'pkcs8', format: 'der' });
beforeAll(async () => {
  dir = await makeTempDir('sim-material');
  await writeFile(path.join(dir, 'PublicKey.bin'), wrapping.publicKey.export({ type: 'spki', format: 'der' }));
});
afterAll(() => removeTempDir(dir));

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'no refusal';
};

describe('the wrapped key material', () => {
  for (const [algorithm, md] of [
    ['RSAES_OAEP_SHA_256', 'sha256'],
    ['RSAES_OAEP_SHA_1', 'sha1'],
  ] as const) {
    it(`decrypts what openssl pkeyutl wrapped with ${algorithm}`, async () => {
      const material = randomBytes(32);
      await writeFile(path.join(dir, 'Plain.bin'), material);
      await openssl(oaepEncryptArgs('Plain.bin', 'PublicKey.bin', `Enc-${md}.bin`, md), { cwd: dir });
      const encrypted = await openssl(['enc', '-base64', '-A', '-in', `Enc-${md}.bin`], { cwd: dir });
      const bytes = Buffer.from(encrypted.toString(), 'base64');
      expect(decryptKeyMaterial(wrappingPrivateDer, algorithm, bytes).equals(material)).toBe(true);
      const other = algorithm === 'RSAES_OAEP_SHA_256' ? 'RSAES_OAEP_SHA_1' : 'RSAES_OAEP_SHA_256';
      expect(codeOf(() => decryptKeyMaterial(wrappingPrivateDer, other, bytes))).toBe('KMS.0311');
    });
  }

  it('refuses material wrapped under another wrapping key with KMS.0311', () => {
    const stranger = testRsaKeyPair('rsa2048-other').privateKey.export({
      type: 'pkcs8',
      format: 'der',
    });
    const encrypted = Buffer.alloc(256, 7);
    expect(codeOf(() => decryptKeyMaterial(stranger, 'RSAES_OAEP_SHA_256', encrypted))).toBe('KMS.0311');
  });
});

describe('the wrapped private key', () => {
  it('unwraps what openssl enc -id-aes256-wrap-pad wrapped, to a key of the spec', async () => {
    const temporary = randomBytes(32);
    const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({
      type: 'pkcs8',
      format: 'der',
    });
    const wrapped = await openssl(['enc', '-id-aes256-wrap-pad', '-K', temporary.toString('hex'), '-iv', 'A65959A6'], {
      input: ec,
    });
    const der = unwrapPrivateKey(temporary, wrapped);
    expect(der.equals(ec)).toBe(true);
    expect(privateKeyForSpec('EC_P256', der).asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(codeOf(() => unwrapPrivateKey(randomBytes(32), wrapped))).toBe('KMS.2609');
  });

  it('refuses a key of another type or size, and bytes that are not PKCS#8, with KMS.2609', () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey.export({
      type: 'pkcs8',
      format: 'der',
    });
    expect(codeOf(() => privateKeyForSpec('EC_P256', p384))).toBe('KMS.2609');
    expect(codeOf(() => privateKeyForSpec('EC_P384', p384))).toBe('no refusal');
    expect(codeOf(() => privateKeyForSpec('RSA_3072', wrappingPrivateDer))).toBe('KMS.2609');
    expect(codeOf(() => privateKeyForSpec('EC_P384', wrappingPrivateDer))).toBe('KMS.2609');
    expect(codeOf(() => privateKeyForSpec('RSA_2048', Buffer.from('not a key')))).toBe('KMS.2609');
  });
});
