/**
 * RSA-OAEP as the KMS wrapping algorithms define it (rsa-oaep.ts), checked with the OpenSSL CLI
 * the way the KMS side decrypts: RSAES_OAEP_SHA_256 is OAEP and MGF1 both with SHA-256, and
 * RSAES_OAEP_SHA_1 both with SHA-1; what OpenSSL encrypts, it decrypts; a ciphertext for another
 * key or algorithm is refused with RSA_OAEP_DECRYPT_FAILED naming the algorithm.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rsaOaepDecrypt, rsaOaepEncrypt } from '../../../src-main/core/crypto/rsa-oaep';
import { expectKeyferryError, makeTempDir, openssl, removeTempDir } from './helpers/openssl';
import { oaepDecryptArgs, oaepEncryptArgs } from './helpers/openssl-commands';
import { testRsaKeyPair } from './helpers/test-rsa-keys';

let dir: string;
const { privateKey, publicKey } = testRsaKeyPair('rsa2048');
beforeAll(async () => {
  dir = await makeTempDir('rsa-oaep');
  await writeFile(path.join(dir, 'private.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
  await writeFile(path.join(dir, 'PublicKey.bin'), publicKey.export({ type: 'spki', format: 'der' }));
});
afterAll(() => removeTempDir(dir));

describe('RSA-OAEP against OpenSSL', () => {
  for (const [algorithm, md] of [
    ['RSAES_OAEP_SHA_256', 'sha256'],
    ['RSAES_OAEP_SHA_1', 'sha1'],
  ] as const) {
    it(`${algorithm}: OpenSSL decrypts ours with OAEP and MGF1 ${md}, and we decrypt OpenSSL's`, async () => {
      const key = randomBytes(32);
      await writeFile(path.join(dir, 'ours.bin'), rsaOaepEncrypt(publicKey, algorithm, key));
      const decrypted = await openssl(oaepDecryptArgs('private.pem', 'ours.bin', md, md), { cwd: dir });
      expect(decrypted.equals(key)).toBe(true);
      await expect(
        openssl(oaepDecryptArgs('private.pem', 'ours.bin', md, md === 'sha1' ? 'sha256' : 'sha1'), { cwd: dir }),
      ).rejects.toThrow();

      await writeFile(path.join(dir, 'plain.bin'), key);
      await openssl(oaepEncryptArgs('plain.bin', 'PublicKey.bin', 'theirs.bin', md), { cwd: dir });
      const theirs = await openssl(['enc', '-base64', '-A', '-in', 'theirs.bin'], { cwd: dir });
      const secret = rsaOaepDecrypt(privateKey, algorithm, Buffer.from(theirs.toString(), 'base64'));
      expect(secret.use((b) => b.equals(key))).toBe(true);
      secret.dispose();
    });
  }

  it('refuses a ciphertext of the other algorithm or for another key, naming the algorithm', () => {
    const ciphertext = rsaOaepEncrypt(publicKey, 'RSAES_OAEP_SHA_256', randomBytes(32));
    expectKeyferryError(
      () => rsaOaepDecrypt(privateKey, 'RSAES_OAEP_SHA_1', ciphertext),
      'RSA_OAEP_DECRYPT_FAILED',
      /RSAES_OAEP_SHA_1/,
    );
    const other = testRsaKeyPair('rsa2048-other').privateKey;
    expectKeyferryError(() => rsaOaepDecrypt(other, 'RSAES_OAEP_SHA_256', ciphertext), 'RSA_OAEP_DECRYPT_FAILED');
  });
});
