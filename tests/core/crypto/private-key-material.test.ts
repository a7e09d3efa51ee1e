/**
 * Existing private keys as key material (private-key-material.ts), from files the OpenSSL CLI
 * writes: PEM or DER, PKCS#1, PKCS#8 or SEC1, encrypted PKCS#8 and legacy encrypted PEM with a
 * passphrase, each read to the PKCS#8 DER openssl makes; a key of another type, size or curve, a
 * missing or wrong passphrase, public keys, two keys in one file and damaged keys are refused,
 * saying what was found. (Moved from load-key-material.test.ts.)
 */
import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeySpec } from '../../../src-main/core/crypto/key-spec';
import { loadKeyMaterial, loadKeyMaterialInBackground } from '../../../src-main/core/crypto/load-key-material';
import { expectKeyferryError, expectKeyferryRejection, makeTempDir, openssl, removeTempDir } from './helpers/openssl';

let dir: string;
/** Fixture bytes, read synchronously (fixtures exist once beforeAll ran). */
const fixture = (name: string) => readFileSync(path.join(dir, name));
const run = (args: string[]) => openssl(args, { cwd: dir });

beforeAll(async () => {
  dir = await makeTempDir('private-key-material');
  // RSA-2048 in every accepted container, from one openssl genpkey.
  await run(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'rsa-pkcs8.pem']);
  await run(['pkey', '-in', 'rsa-pkcs8.pem', '-traditional', '-out', 'rsa-pkcs1.pem']);
  // (openssl 3.0 `pkey -outform DER` writes PKCS#1 for RSA; `pkcs8 -topk8 -nocrypt` writes PKCS#8, as the guide does.)
  await run(['pkcs8', '-topk8', '-nocrypt', '-in', 'rsa-pkcs8.pem', '-outform', 'DER', '-out', 'rsa-pkcs8.der']);
  await run(['pkey', '-in', 'rsa-pkcs8.pem', '-traditional', '-outform', 'DER', '-out', 'rsa-pkcs1.der']);
  await run([
    'pkcs8',
    '-topk8',
    '-in',
    'rsa-pkcs8.pem',
    '-v2',
    'aes-256-cbc',
    '-passout',
    'pass:correct horse',
    '-out',
    'rsa-enc-pkcs8.pem',
  ]);
  await run([
    'pkcs8',
    '-topk8',
    '-in',
    'rsa-pkcs8.pem',
    '-v2',
    'aes-256-cbc',
    '-passout',
    'pass:correct horse',
    '-outform',
    'DER',
    '-out',
    'rsa-enc-pkcs8.der',
  ]);
  await run([
    'pkey',
    '-in',
    'rsa-pkcs8.pem',
    '-traditional',
    '-aes256',
    '-passout',
    'pass:correct horse',
    '-out',
    'rsa-enc-legacy.pem',
  ]);
  await run(['pkey', '-in', 'rsa-pkcs8.pem', '-pubout', '-outform', 'DER', '-out', 'rsa-pub.der']);
  await run(['pkey', '-in', 'rsa-pkcs8.pem', '-pubout', '-out', 'rsa-pub.pem']);
  await run(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:3072', '-out', 'rsa3072.pem']);
  // EC keys: SEC1 with EC PARAMETERS (openssl ecparam -genkey), SEC1 DER, PKCS#8.
  await run(['ecparam', '-name', 'prime256v1', '-genkey', '-out', 'ec-sec1.pem']);
  await run(['pkey', '-in', 'ec-sec1.pem', '-traditional', '-outform', 'DER', '-out', 'ec-sec1.der']);
  await run(['pkcs8', '-topk8', '-nocrypt', '-in', 'ec-sec1.pem', '-outform', 'DER', '-out', 'ec-pkcs8.der']);
  await run(['pkey', '-in', 'ec-sec1.pem', '-pubout', '-outform', 'DER', '-out', 'ec-pub.der']);
  await run(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384', '-out', 'ec384.pem']);
  await run(['genpkey', '-algorithm', 'ED25519', '-out', 'ed25519.pem']);
});
afterAll(() => removeTempDir(dir));

describe('loadKeyMaterial: private keys', () => {
  it.each([
    ['PKCS#8 PEM', 'rsa-pkcs8.pem', undefined],
    ['PKCS#1 PEM', 'rsa-pkcs1.pem', undefined],
    ['PKCS#8 DER', 'rsa-pkcs8.der', undefined],
    ['PKCS#1 DER', 'rsa-pkcs1.der', undefined],
    ['encrypted PKCS#8 PEM', 'rsa-enc-pkcs8.pem', 'correct horse'],
    ['encrypted PKCS#8 DER', 'rsa-enc-pkcs8.der', 'correct horse'],
    ['legacy encrypted PKCS#1 PEM', 'rsa-enc-legacy.pem', 'correct horse'],
  ])('reads RSA_2048 from %s to the PKCS#8 DER openssl makes', async (_label, name, passphrase) => {
    const material = loadKeyMaterial('RSA_2048', fixture(name), passphrase);
    expect(material.secret.use((b) => b.equals(fixture('rsa-pkcs8.der')))).toBe(true);
    expect(material.publicKeySpkiDer?.equals(fixture('rsa-pub.der'))).toBe(true);
    material.dispose();
    expect(material.secret.disposed).toBe(true);
  });

  it.each([
    ['SEC1 PEM with EC PARAMETERS', 'ec-sec1.pem'],
    ['SEC1 DER', 'ec-sec1.der'],
    ['PKCS#8 DER', 'ec-pkcs8.der'],
  ])('reads EC_P256 from %s', async (_label, name) => {
    const material = loadKeyMaterial('EC_P256', fixture(name));
    const key = createPrivateKey({ key: material.secret.use((b) => Buffer.from(b)), format: 'der', type: 'pkcs8' });
    expect(key.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(material.publicKeySpkiDer?.equals(fixture('ec-pub.der'))).toBe(true);
    material.dispose();
  });

  it('reads EC_P384 and RSA_3072', async () => {
    loadKeyMaterial('EC_P384', fixture('ec384.pem')).dispose();
    loadKeyMaterial('RSA_3072', fixture('rsa3072.pem')).dispose();
  });

  it('refuses a key that does not match the spec, saying what it is', async () => {
    const mismatches = [
      ['RSA_2048', 'rsa3072.pem', 'An RSA-3072 key was given for RSA_2048.'],
      ['RSA_4096', 'rsa3072.pem', 'An RSA-3072 key was given for RSA_4096.'],
      ['EC_P256', 'ec384.pem', 'An EC P-384 key was given for EC_P256.'],
      ['EC_P384', 'rsa-pkcs8.pem', 'An RSA-2048 key was given for EC_P384.'],
      ['RSA_2048', 'ec-sec1.pem', 'An EC P-256 key was given for RSA_2048.'],
      ['RSA_2048', 'ed25519.pem', 'An Ed25519 key was given for RSA_2048.'],
    ] as const;
    for (const [spec, file, said] of mismatches)
      expectKeyferryError(() => loadKeyMaterial(spec, fixture(file)), 'MATERIAL_SPEC_MISMATCH', said);
    const pss = generateKeyPairSync('rsa-pss', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'der',
    });
    expectKeyferryError(() => loadKeyMaterial('RSA_2048', pss), 'MATERIAL_SPEC_MISMATCH', /An RSA-PSS-2048 key/);
  });

  it('asks for a missing passphrase and refuses a wrong one', () => {
    for (const name of ['rsa-enc-pkcs8.pem', 'rsa-enc-pkcs8.der', 'rsa-enc-legacy.pem']) {
      expectKeyferryError(
        () => loadKeyMaterial('RSA_2048', fixture(name)),
        'MATERIAL_PASSPHRASE_MISSING',
        'The private key file is encrypted and no passphrase was given.',
      );
      expectKeyferryError(
        () => loadKeyMaterial('RSA_2048', fixture(name), 'wrong horse'),
        'MATERIAL_PASSPHRASE_WRONG',
        /could not be decrypted with the passphrase given/,
      );
    }
  });

  it('refuses a passphrase for an unencrypted key', () => {
    expectKeyferryError(() => loadKeyMaterial('RSA_2048', fixture('rsa-pkcs8.pem'), 'pw'), 'MATERIAL_NOT_ENCRYPTED');
    expectKeyferryError(() => loadKeyMaterial('RSA_2048', fixture('rsa-pkcs8.der'), 'pw'), 'MATERIAL_NOT_ENCRYPTED');
  });

  it('refuses public keys, garbage, two keys in one file and empty files', () => {
    expectKeyferryError(
      () => loadKeyMaterial('RSA_2048', fixture('rsa-pub.pem')),
      'MATERIAL_IS_PUBLIC_KEY',
      /public key or certificate \(PEM "PUBLIC KEY"\)/,
    );
    expectKeyferryError(
      () => loadKeyMaterial('RSA_2048', fixture('rsa-pub.der')),
      'MATERIAL_IS_PUBLIC_KEY',
      /DER SubjectPublicKeyInfo/,
    );
    expectKeyferryError(
      () => loadKeyMaterial('RSA_2048', randomBytes(300).fill(0x30, 0, 1)),
      'MATERIAL_UNREADABLE',
      /300 bytes of DER\) is not a PKCS#8, PKCS#1 or SEC1 private key/,
    );
    expectKeyferryError(
      () => loadKeyMaterial('RSA_2048', Buffer.from('hello')),
      'MATERIAL_UNREADABLE',
      /neither PEM nor DER/,
    );
    const two = Buffer.concat([fixture('rsa-pkcs8.pem'), fixture('rsa-pkcs1.pem')]);
    expectKeyferryError(() => loadKeyMaterial('RSA_2048', two), 'MATERIAL_AMBIGUOUS', /holds 2 private keys/);
    expectKeyferryError(() => loadKeyMaterial('EC_P256', Buffer.alloc(0)), 'MATERIAL_EMPTY');
    expectKeyferryError(
      () => loadKeyMaterial('RSA_2048', Buffer.from('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n')),
      'MATERIAL_UNREADABLE',
      /PEM "PRIVATE KEY" but could not be read/,
    );
  });

  it('refuses a damaged RSA key whose parts do not belong together', () => {
    expectKeyferryError(() => loadKeyMaterial('RSA_2048', damagedRsaPem()), 'MATERIAL_INCONSISTENT', /self-test/);
  });
});

/** The RSA-2048 fixture with two private parts altered: it parses, and its halves do not belong together. */
function damagedRsaPem(): Buffer {
  const jwk = createPrivateKey(fixture('rsa-pkcs8.pem')).export({ format: 'jwk' });
  const flip = (value: string | undefined) => {
    const bytes = Buffer.from(value ?? '', 'base64url');
    bytes[10] = (bytes[10] ?? 0) ^ 1;
    return bytes.toString('base64url');
  };
  const damaged = createPrivateKey({ key: { ...jwk, d: flip(jwk.d), dp: flip(jwk.dp) }, format: 'jwk' });
  return Buffer.from(damaged.export({ type: 'pkcs1', format: 'pem' }));
}

describe('loadKeyMaterialInBackground (the self-test on the thread pool)', () => {
  it.each([
    ['RSA_2048', 'rsa-pkcs8.pem', undefined],
    ['RSA_2048', 'rsa-pkcs1.der', undefined],
    ['RSA_2048', 'rsa-enc-pkcs8.pem', 'correct horse'],
    ['EC_P256', 'ec-sec1.pem', undefined],
    ['EC_P256', 'ec-pkcs8.der', undefined],
    ['EC_P384', 'ec384.pem', undefined],
    ['RSA_3072', 'rsa3072.pem', undefined],
  ] as const)('reads %s from %s to the very material loadKeyMaterial gives', async (spec, name, passphrase) => {
    const atOnce = loadKeyMaterial(spec, fixture(name), passphrase);
    const background = await loadKeyMaterialInBackground(spec, fixture(name), passphrase);
    expect(background.secret.use((b) => atOnce.secret.use((a) => a.equals(b)))).toBe(true);
    expect(background.publicKeySpkiDer?.equals(atOnce.publicKeySpkiDer ?? Buffer.alloc(0))).toBe(true);
    atOnce.dispose();
    background.dispose();
  });

  it('refuses what loadKeyMaterial refuses, with the same code and values', async () => {
    const refused: [KeySpec, Buffer, string, string?][] = [
      ['RSA_2048', damagedRsaPem(), 'MATERIAL_INCONSISTENT'],
      ['EC_P256', fixture('ec384.pem'), 'MATERIAL_SPEC_MISMATCH'],
      ['RSA_2048', fixture('rsa-enc-pkcs8.pem'), 'MATERIAL_PASSPHRASE_WRONG', 'wrong'],
      ['EC_P256', Buffer.alloc(0), 'MATERIAL_EMPTY'],
      ['RSA_2048', fixture('rsa-pub.pem'), 'MATERIAL_IS_PUBLIC_KEY'],
    ];
    for (const [spec, bytes, code, passphrase] of refused) {
      const atOnce = expectKeyferryError(() => loadKeyMaterial(spec, bytes, passphrase), code);
      const background = await expectKeyferryRejection(loadKeyMaterialInBackground(spec, bytes, passphrase), code);
      expect(background.values).toEqual(atOnce.values);
      expect(background.message).toBe(atOnce.message);
    }
  });
});
