import { generateKeyPairSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWrappingPublicKey } from '../../../src-main/core/crypto/wrapping-key';
import { expectKeyferryError, makeTempDir, openssl, removeTempDir } from './helpers/openssl';
import { testRsaKeyPair } from './helpers/test-rsa-keys';

let dir: string;
let der: Buffer;
let sha256sum: string;

beforeAll(async () => {
  dir = await makeTempDir('wrapping-key');
  await openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'wrapping_priv.pem'], {
    cwd: dir,
  });
  await openssl(['pkey', '-in', 'wrapping_priv.pem', '-pubout', '-outform', 'DER', '-out', 'PublicKey.bin'], {
    cwd: dir,
  });
  await openssl(['pkey', '-in', 'wrapping_priv.pem', '-pubout', '-out', 'public.pem'], { cwd: dir });
  await openssl(['enc', '-base64', '-A', '-in', 'PublicKey.bin', '-out', 'PublicKey.b64'], { cwd: dir });
  await openssl(['enc', '-base64', '-in', 'PublicKey.bin', '-out', 'PublicKey-lines.b64'], { cwd: dir });
  der = await readFile(path.join(dir, 'PublicKey.bin'));
  sha256sum = (await openssl(['dgst', '-sha256', '-r', 'PublicKey.bin'], { cwd: dir })).toString().split(' ')[0] ?? '';
});
afterAll(() => removeTempDir(dir));

const file = (name: string) => readFile(path.join(dir, name));

describe('loadWrappingPublicKey accepts the forms the KMS hands out', () => {
  it.each([
    ['DER SubjectPublicKeyInfo (wrappingKey_<KeyID>, PublicKey.bin)', 'PublicKey.bin'],
    ['one-line base64 (PublicKey.b64 as the API returns it)', 'PublicKey.b64'],
    ['base64 with line breaks', 'PublicKey-lines.b64'],
    ['PEM', 'public.pem'],
  ])('%s, with the same fingerprint as sha256sum of the DER file', async (_label, name) => {
    const key = loadWrappingPublicKey(await file(name));
    expect(key.bits).toBe(2048);
    expect(key.fingerprint).toBe(sha256sum);
    expect(key.spkiDer.equals(der)).toBe(true);
    expect(key.keyObject.asymmetricKeyType).toBe('rsa');
  });

  it('accepts base64 with CRLF line breaks and surrounding blank space', async () => {
    const b64 = (await file('PublicKey.b64')).toString();
    const messy = `\r\n  ${(b64.match(/.{1,60}/g) ?? []).join('\r\n')}  \r\n\r\n`;
    expect(loadWrappingPublicKey(Buffer.from(messy)).fingerprint).toBe(sha256sum);
  });

  it('accepts RSA-4096', () => {
    const { publicKey } = testRsaKeyPair('rsa4096');
    expect(loadWrappingPublicKey(publicKey.export({ type: 'spki', format: 'der' })).bits).toBe(4096);
  });
});

describe('loadWrappingPublicKey refuses, saying what it found', () => {
  it('an EC key', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    expectKeyferryError(
      () => loadWrappingPublicKey(publicKey.export({ type: 'spki', format: 'der' })),
      'WRAPPING_KEY_NOT_RSA',
      'An EC P-256 key was given as the wrapping key',
    );
  });

  it('an Ed25519 key, as PEM', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    expectKeyferryError(
      () => loadWrappingPublicKey(Buffer.from(publicKey.export({ type: 'spki', format: 'pem' }))),
      'WRAPPING_KEY_NOT_RSA',
      /Ed25519/,
    );
  });

  it('an RSA-PSS key', () => {
    const { publicKey } = generateKeyPairSync('rsa-pss', { modulusLength: 2048 });
    expectKeyferryError(
      () => loadWrappingPublicKey(publicKey.export({ type: 'spki', format: 'der' })),
      'WRAPPING_KEY_NOT_RSA',
      /RSA-PSS-2048/,
    );
  });

  it('RSA-1024', async () => {
    await openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024', '-out', 'small.pem'], {
      cwd: dir,
    });
    const small = await openssl(['pkey', '-in', 'small.pem', '-pubout', '-outform', 'DER'], { cwd: dir });
    expectKeyferryError(
      () => loadWrappingPublicKey(small),
      'WRAPPING_KEY_WEAK',
      /is RSA-1024; a wrapping key must be RSA-2048, RSA-3072 or RSA-4096\. Nothing was wrapped with it\./,
    );
    // Its fingerprint begins as every fingerprint is shown: grouped, upper case.
    expectKeyferryError(
      () => loadWrappingPublicKey(small),
      'WRAPPING_KEY_WEAK',
      /^The wrapping key \(fingerprint [0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4}…\)/,
    );
  });

  it('a private key, as PEM and as DER', async () => {
    const pem = await file('wrapping_priv.pem');
    expectKeyferryError(
      () => loadWrappingPublicKey(pem),
      'WRAPPING_KEY_IS_PRIVATE',
      /private key \(PEM "PRIVATE KEY"\)/,
    );
    const privateDer = await openssl(['pkey', '-in', 'wrapping_priv.pem', '-outform', 'DER'], { cwd: dir });
    expectKeyferryError(() => loadWrappingPublicKey(privateDer), 'WRAPPING_KEY_IS_PRIVATE', /is a private key/);
  });

  it('an empty or blank file', () => {
    expectKeyferryError(
      () => loadWrappingPublicKey(Buffer.alloc(0)),
      'WRAPPING_KEY_EMPTY',
      'The wrapping key file is empty.',
    );
    expectKeyferryError(() => loadWrappingPublicKey(Buffer.from(' \n\r\n')), 'WRAPPING_KEY_EMPTY');
  });

  it('garbage, base64 of garbage, and truncated DER', () => {
    expectKeyferryError(
      () => loadWrappingPublicKey(Buffer.from('x')),
      'WRAPPING_KEY_UNREADABLE',
      /1 bytes\) is neither/,
    );
    expectKeyferryError(
      () => loadWrappingPublicKey(Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0x01])),
      'WRAPPING_KEY_UNREADABLE',
      /neither DER, base64 text nor PEM/,
    );
    expectKeyferryError(
      () => loadWrappingPublicKey(Buffer.from('aGVsbG8gd29ybGQh')),
      'WRAPPING_KEY_UNREADABLE',
      /base64 text, 12 bytes\) is not a DER SubjectPublicKeyInfo/,
    );
    expectKeyferryError(() => loadWrappingPublicKey(der.subarray(0, 200)), 'WRAPPING_KEY_UNREADABLE', /DER, 200 bytes/);
  });

  it('DER with trailing bytes (its fingerprint would not match the key)', () => {
    expectKeyferryError(
      () => loadWrappingPublicKey(Buffer.concat([der, Buffer.from([0])])),
      'WRAPPING_KEY_NOT_CANONICAL',
      /295 bytes but the public key in it is 294 bytes/,
    );
  });

  it('a PEM certificate or two public keys in one file', async () => {
    await openssl(
      ['req', '-new', '-x509', '-key', 'wrapping_priv.pem', '-subj', '/CN=test', '-days', '1', '-out', 'cert.pem'],
      { cwd: dir },
    );
    const cert = await file('cert.pem');
    expectKeyferryError(
      () => loadWrappingPublicKey(cert),
      'WRAPPING_KEY_UNREADABLE',
      /"CERTIFICATE"; expected one "PUBLIC KEY" block/,
    );
    const pem = await file('public.pem');
    expectKeyferryError(
      () => loadWrappingPublicKey(Buffer.concat([pem, pem])),
      'WRAPPING_KEY_UNREADABLE',
      /"PUBLIC KEY", "PUBLIC KEY"/,
    );
  });
});
