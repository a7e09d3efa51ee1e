/**
 * Interop with the KMS guide's own OpenSSL commands (real `openssl` CLI, OpenSSL 3):
 * what Keyferry wraps, OpenSSL unwraps; what OpenSSL wraps, Keyferry unwraps to the same bytes.
 */
import { createHash, createPrivateKey, randomBytes, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrapAesKeyWrapPad } from '../../../src-main/core/crypto/aes-key-wrap';
import { consoleFileNames } from '../../../src-main/core/crypto/console-files';
import type { KeyMaterial } from '../../../src-main/core/crypto/key-material';
import {
  KEY_SPECS,
  WRAPPING_ALGORITHMS,
  type KeySpec,
  type WrappingAlgorithm,
} from '../../../src-main/core/crypto/key-spec';
import { unwrapKeyMaterial } from '../../../src-main/core/crypto/unwrap';
import { wrapKeyMaterial } from '../../../src-main/core/crypto/wrap';
import { loadWrappingPublicKey, type WrappingPublicKey } from '../../../src-main/core/crypto/wrapping-key';
import { makeTempDir, openssl, removeTempDir } from './helpers/openssl';
import { kwpUnwrapArgs, oaepDecryptArgs, oaepEncryptArgs } from './helpers/openssl-commands';
import { testKeyMaterial } from './helpers/test-rsa-keys';

const MD: Record<WrappingAlgorithm, string> = { RSAES_OAEP_SHA_256: 'sha256', RSAES_OAEP_SHA_1: 'sha1' };
const OTHER_MD: Record<WrappingAlgorithm, string> = { RSAES_OAEP_SHA_256: 'sha1', RSAES_OAEP_SHA_1: 'sha256' };
const TEXT_EXPECTED: Record<Exclude<KeySpec, 'AES_256'>, RegExp[]> = {
  RSA_2048: [/Private-Key: \(2048 bit, 2 primes\)/],
  RSA_3072: [/Private-Key: \(3072 bit, 2 primes\)/],
  RSA_4096: [/Private-Key: \(4096 bit, 2 primes\)/],
  EC_P256: [/Private-Key: \(256 bit\)/, /ASN1 OID: prime256v1/],
  EC_P384: [/Private-Key: \(384 bit\)/, /ASN1 OID: secp384r1/],
};

let dir: string;
let wrappingKey: WrappingPublicKey;
let wrappingPrivateKey: KeyObject;
const materials = new Map<KeySpec, KeyMaterial>();
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

beforeAll(async () => {
  dir = await makeTempDir('interop');
  await openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'wrapping_priv.pem'], {
    cwd: dir,
  });
  await openssl(['pkey', '-in', 'wrapping_priv.pem', '-pubout', '-outform', 'DER', '-out', 'PublicKey.bin'], {
    cwd: dir,
  });
  await openssl(['enc', '-base64', '-A', '-in', 'PublicKey.bin', '-out', 'PublicKey.b64'], { cwd: dir });
  wrappingKey = loadWrappingPublicKey(await readFile(path.join(dir, 'PublicKey.b64')));
  wrappingPrivateKey = createPrivateKey(await readFile(path.join(dir, 'wrapping_priv.pem')));
  // The RSA ones are the committed test keys: generating RSA-4096 takes a while.
  const generated = await Promise.all(KEY_SPECS.map((spec) => testKeyMaterial(spec)));
  for (const material of generated) materials.set(material.spec, material);
});

afterAll(async () => {
  for (const material of materials.values()) material.dispose();
  await removeTempDir(dir);
});

/** The guide's decrypt, with the MGF1 digest spelled out so a wrong MGF1 would fail. */
async function opensslOaepDecrypt(
  file: string,
  algorithm: WrappingAlgorithm,
  mgf1 = MD[algorithm],
  md = MD[algorithm],
): Promise<Buffer> {
  return openssl(oaepDecryptArgs('wrapping_priv.pem', file, md, mgf1), { cwd: dir });
}

describe("Keyferry wraps, the guide's OpenSSL commands unwrap", () => {
  for (const spec of KEY_SPECS) {
    for (const algorithm of WRAPPING_ALGORITHMS) {
      it(`${spec} with ${algorithm}`, async () => {
        const material = materials.get(spec) as KeyMaterial;
        const wrapped = wrapKeyMaterial({ material, wrappingKey, algorithm });
        const names = consoleFileNames(spec);
        const prefix = `${spec}-${algorithm}-`;
        const ekm = `${prefix}${names.encryptedKeyMaterial}`;
        await writeFile(path.join(dir, ekm), wrapped.encryptedKeyMaterial);
        expect(wrapped.encryptedKeyMaterial.length).toBe(256);

        const recovered = await opensslOaepDecrypt(ekm, algorithm);
        await expect(opensslOaepDecrypt(ekm, algorithm, OTHER_MD[algorithm])).rejects.toThrow(/exited 1/);
        await expect(opensslOaepDecrypt(ekm, algorithm, OTHER_MD[algorithm], OTHER_MD[algorithm])).rejects.toThrow(
          /exited 1/,
        );

        if (spec === 'AES_256') {
          expect(recovered.toString('hex')).toBe(material.secret.use((b) => b.toString('hex')));
          expect(wrapped.encryptedPrivateKey).toBeUndefined();
          const kcv = await openssl(['enc', '-aes-256-ecb', '-nopad', '-K', recovered.toString('hex')], {
            input: Buffer.alloc(16),
          });
          expect(wrapped.evidence.keyCheckValue).toBe(kcv.subarray(0, 3).toString('hex').toUpperCase());
          return;
        }
        expect(recovered.length).toBe(32);
        const epk = `${prefix}${names.encryptedPrivateKey}`;
        await writeFile(path.join(dir, epk), wrapped.encryptedPrivateKey as Buffer);
        const pkcs8 = `${prefix}private_key.der`;
        await openssl([...kwpUnwrapArgs(recovered, epk), '-out', pkcs8], { cwd: dir });
        const der = await readFile(path.join(dir, pkcs8));
        expect(der.equals(material.secret.use((b) => Buffer.from(b)))).toBe(true);
        const text = (
          await openssl(['pkey', '-inform', 'DER', '-in', pkcs8, '-text', '-noout'], { cwd: dir })
        ).toString();
        for (const pattern of TEXT_EXPECTED[spec]) expect(text).toMatch(pattern);
        // Strictly PKCS#8: openssl pkcs8 (no -topk8) parses only PrivateKeyInfo.
        await openssl(['pkcs8', '-nocrypt', '-inform', 'DER', '-in', pkcs8, '-out', `${pkcs8}.pem`], { cwd: dir });
        const publicDer = await openssl(['pkey', '-inform', 'DER', '-in', pkcs8, '-pubout', '-outform', 'DER'], {
          cwd: dir,
        });
        expect(publicDer.equals(wrapped.publicKeySpkiDer as Buffer)).toBe(true);
        expect(wrapped.evidence.publicKeyFingerprint).toBe(sha256(publicDer));
        expect(wrapped.evidence.wrappingKeyFingerprint).toBe(sha256(await readFile(path.join(dir, 'PublicKey.bin'))));
      });
    }
  }
});

describe("the guide's OpenSSL commands wrap, Keyferry unwraps to the same bytes", () => {
  for (const algorithm of WRAPPING_ALGORITHMS) {
    it(`AES_256 with ${algorithm}`, async () => {
      const sub = `rev-aes-${algorithm}`;
      await openssl(['rand', '-out', `${sub}-PlaintextKeyMaterial.bin`, '32'], { cwd: dir });
      await openssl(
        oaepEncryptArgs(
          `${sub}-PlaintextKeyMaterial.bin`,
          'PublicKey.bin',
          `${sub}-EncryptedKeyMaterial.bin`,
          MD[algorithm],
        ),
        { cwd: dir },
      );
      const plaintext = await readFile(path.join(dir, `${sub}-PlaintextKeyMaterial.bin`));
      const material = unwrapKeyMaterial({
        spec: 'AES_256',
        algorithm,
        wrappingPrivateKey,
        encryptedKeyMaterial: await readFile(path.join(dir, `${sub}-EncryptedKeyMaterial.bin`)),
      });
      expect(material.secret.use((b) => b.equals(plaintext))).toBe(true);
      material.dispose();
    });
  }

  // The guide's RSA file names, reused for EC keys so every spec runs the same commands.
  const GENERATE: Record<Exclude<KeySpec, 'AES_256'>, string[]> = {
    RSA_2048: ['genrsa', '-traditional', '-out', 'pkcs1_rsa_private_key.pem', '2048'],
    RSA_3072: ['genrsa', '-traditional', '-out', 'pkcs1_rsa_private_key.pem', '3072'],
    RSA_4096: ['genrsa', '-traditional', '-out', 'pkcs1_rsa_private_key.pem', '4096'],
    EC_P256: ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'pkcs1_rsa_private_key.pem'],
    EC_P384: ['ecparam', '-name', 'secp384r1', '-genkey', '-noout', '-out', 'pkcs1_rsa_private_key.pem'],
  };
  for (const spec of KEY_SPECS.filter((s): s is Exclude<KeySpec, 'AES_256'> => s !== 'AES_256')) {
    const algorithm: WrappingAlgorithm = spec === 'RSA_3072' ? 'RSAES_OAEP_SHA_1' : 'RSAES_OAEP_SHA_256';
    it(`${spec} with ${algorithm}`, async () => {
      const cwd = path.join(dir, `rev-${spec}`);
      await mkdir(cwd);
      await writeFile(path.join(cwd, 'PublicKey.bin'), await readFile(path.join(dir, 'PublicKey.bin')));
      // The guide, step 3 (asymmetric): private key → PKCS#8 PEM → PKCS#8 DER; temporary key; wrap.
      await openssl(GENERATE[spec], { cwd });
      await openssl(
        [
          'pkcs8',
          '-topk8',
          '-inform',
          'PEM',
          '-in',
          'pkcs1_rsa_private_key.pem',
          '-outform',
          'pem',
          '-nocrypt',
          '-out',
          'rsa_private_key.pem',
        ],
        { cwd },
      );
      await openssl(
        [
          'pkcs8',
          '-topk8',
          '-inform',
          'PEM',
          '-outform',
          'DER',
          '-in',
          'rsa_private_key.pem',
          '-out',
          'rsa_private_key.der',
          '-nocrypt',
        ],
        { cwd },
      );
      const hexKey = (await openssl(['rand', '-hex', '32'], { cwd })).toString().trim();
      await writeFile(path.join(cwd, '0xPlaintextKeyMaterial.bin'), hexKey);
      await writeFile(path.join(cwd, 'PlaintextKeyMaterial.bin'), Buffer.from(hexKey, 'hex'));
      await openssl(
        oaepEncryptArgs('PlaintextKeyMaterial.bin', 'PublicKey.bin', 'EncryptedKeyMaterial.bin', MD[algorithm]),
        { cwd },
      );
      await openssl(
        [
          'enc',
          '-id-aes256-wrap-pad',
          '-K',
          hexKey,
          '-iv',
          'A65959A6',
          '-in',
          'rsa_private_key.der',
          '-out',
          'out_rsa_private_key.der',
        ],
        { cwd },
      );

      const der = await readFile(path.join(cwd, 'rsa_private_key.der'));
      const encryptedPrivateKey = await readFile(path.join(cwd, 'out_rsa_private_key.der'));
      const direct = unwrapAesKeyWrapPad(Buffer.from(hexKey, 'hex'), encryptedPrivateKey);
      expect(direct.use((b) => b.equals(der))).toBe(true);
      direct.dispose();

      const material = unwrapKeyMaterial({
        spec,
        algorithm,
        wrappingPrivateKey,
        encryptedKeyMaterial: await readFile(path.join(cwd, 'EncryptedKeyMaterial.bin')),
        encryptedPrivateKey,
      });
      expect(material.secret.use((b) => b.equals(der))).toBe(true);
      const publicDer = await openssl(['pkey', '-in', 'rsa_private_key.pem', '-pubout', '-outform', 'DER'], { cwd });
      expect(material.publicKeySpkiDer?.equals(publicDer)).toBe(true);
      material.dispose();
    });
  }

  it('a temporary key given to -K in upper case unwraps the same (hex case does not matter)', async () => {
    const kek = randomBytes(32);
    const data = randomBytes(100);
    const wrapped = await openssl(
      ['enc', '-id-aes256-wrap-pad', '-K', kek.toString('hex').toUpperCase(), '-iv', 'A65959A6'],
      { input: data },
    );
    expect(unwrapAesKeyWrapPad(kek, wrapped).use((b) => b.equals(data))).toBe(true);
  });
});
