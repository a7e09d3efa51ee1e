import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWrappingPublicKey } from '../../../src-main/core/crypto/wrapping-key';
import { canonicalRsaSpki } from '../../../src-main/core/crypto/rsa-spki';
import { makeTempDir, openssl, removeTempDir } from './helpers/openssl';

/** A DER TLV with the length in the given form ('short' / minimal, or 'long': always 0x81/0x82 …). */
function tlv(tag: number, content: Buffer, form: 'minimal' | 'long' = 'minimal'): Buffer {
  const n = content.length;
  let length: Buffer;
  if (form === 'minimal' && n < 0x80) length = Buffer.from([n]);
  else if (n < 0x100) length = Buffer.from([0x81, n]);
  else length = Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, content]);
}

const RSA_ALGORITHM = Buffer.from('300d06092a864886f70d0101010500', 'hex');

/** An RSA SPKI built by hand from n and e, with the shapes a careless encoder might write. */
function spki(
  n: Buffer,
  e: Buffer,
  options: { eLength?: 'minimal' | 'long'; algorithm?: Buffer; unusedBits?: number } = {},
): Buffer {
  const key = tlv(0x30, Buffer.concat([tlv(0x02, n), tlv(0x02, e, options.eLength)]));
  const bits = tlv(0x03, Buffer.concat([Buffer.from([options.unusedBits ?? 0]), key]));
  return tlv(0x30, Buffer.concat([options.algorithm ?? RSA_ALGORITHM, bits]));
}

function numbersOf(der: Buffer): { n: bigint; e: bigint } {
  const jwk = createPublicKey({ key: der, format: 'der', type: 'spki' }).export({ format: 'jwk' });
  const big = (b64: unknown) => BigInt(`0x${Buffer.from(String(b64), 'base64url').toString('hex')}`);
  return { n: big(jwk.n), e: big(jwk.e) };
}

let dir: string;
let opensslDer: Buffer;
/** The same key as the openssl CLI writes a PKCS#1 RSAPublicKey. */
let opensslPkcs1: Buffer;

beforeAll(async () => {
  dir = await makeTempDir('rsa-spki');
  await openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'priv.pem'], { cwd: dir });
  await openssl(['pkey', '-in', 'priv.pem', '-pubout', '-outform', 'DER', '-out', 'pub.der'], { cwd: dir });
  await openssl(
    [
      'rsa',
      '-pubin',
      '-inform',
      'DER',
      '-in',
      'pub.der',
      '-RSAPublicKey_out',
      '-outform',
      'DER',
      '-out',
      'pub.pkcs1.der',
    ],
    {
      cwd: dir,
    },
  );
  opensslDer = await readFile(path.join(dir, 'pub.der'));
  opensslPkcs1 = await readFile(path.join(dir, 'pub.pkcs1.der'));
});
afterAll(() => removeTempDir(dir));

describe('canonicalRsaSpki reads the DER OpenSSL writes', () => {
  it('the openssl CLI key and Node keys with e = 65537 and e = 3: the numbers OpenSSL reads', () => {
    const ders = [
      opensslDer,
      generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' }),
      generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 3 }).publicKey.export({
        type: 'spki',
        format: 'der',
      }),
    ];
    for (const der of ders) {
      expect(canonicalRsaSpki(der)?.numbers).toEqual(numbersOf(der));
    }
  });

  it('the RSAPublicKey it hands out is the one the openssl CLI extracts, and the wrapping key made from it is the same key', () => {
    const read = canonicalRsaSpki(opensslDer);
    expect(read?.pkcs1.equals(opensslPkcs1)).toBe(true);
    const loaded = loadWrappingPublicKey(opensslDer);
    expect(loaded.keyObject.export({ type: 'spki', format: 'der' }).equals(opensslDer)).toBe(true);
    expect(loaded.keyObject.export({ format: 'jwk' })).toEqual(
      createPublicKey({ key: opensslDer, format: 'der', type: 'spki' }).export({ format: 'jwk' }),
    );
  });

  it('a key rebuilt by hand in minimal DER is read the same as the original', () => {
    const { n, e } = numbersOf(opensslDer);
    const bytes = (v: bigint) => {
      const hex = v.toString(16);
      const even = hex.length % 2 ? `0${hex}` : hex;
      return Buffer.from(/^[89a-f]/.test(even) ? `00${even}` : even, 'hex');
    };
    const rebuilt = spki(bytes(n), bytes(e));
    expect(rebuilt.equals(opensslDer)).toBe(true);
    expect(canonicalRsaSpki(rebuilt)?.numbers).toEqual({ n, e });
  });
});

describe('canonicalRsaSpki leaves every other shape to the general path (undefined)', () => {
  /** The openssl key's modulus (with its sign byte) and exponent, as minimal DER integer contents. */
  const parts = () => {
    const { n, e } = numbersOf(opensslDer);
    return { n: Buffer.from(`00${n.toString(16)}`, 'hex'), e: Buffer.from(e.toString(16).padStart(6, '0'), 'hex') };
  };
  const zero = Buffer.from([0]);

  it.each([
    ['a long length form where the short one fits', ({ n, e } = parts()) => spki(n, e, { eLength: 'long' })],
    ['an exponent with a needless leading zero', ({ n, e } = parts()) => spki(n, Buffer.concat([zero, e]))],
    ['a modulus without its sign byte (negative)', ({ n, e } = parts()) => spki(n.subarray(1), e)],
    ['a modulus with two leading zeros', ({ n, e } = parts()) => spki(Buffer.concat([zero, n]), e)],
    ['a non-zero unused-bits count', ({ n, e } = parts()) => spki(n, e, { unusedBits: 1 })],
    [
      'RSASSA-PSS instead of rsaEncryption',
      ({ n, e } = parts()) => spki(n, e, { algorithm: Buffer.from('300b06092a864886f70d01010a', 'hex') }),
    ],
    ['a trailing byte', () => Buffer.concat([opensslDer, Buffer.from([0])])],
    ['a truncated key', () => opensslDer.subarray(0, 200)],
    [
      'an EC key',
      () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'der' }),
    ],
  ])('%s', (_label, make: () => Buffer) => {
    expect(canonicalRsaSpki(make())).toBeUndefined();
  });

  it('and loadWrappingPublicKey still refuses those encodings of a sound key', () => {
    const { n, e } = parts();
    for (const der of [
      spki(n, e, { eLength: 'long' }),
      spki(n, Buffer.concat([zero, e])),
      Buffer.concat([opensslDer, Buffer.from([0])]),
    ]) {
      expect(() => loadWrappingPublicKey(der)).toThrow(
        expect.objectContaining({
          code: expect.stringMatching(/^WRAPPING_KEY_(NOT_CANONICAL|UNREADABLE)$/) as unknown,
        }),
      );
    }
    expect(loadWrappingPublicKey(opensslDer).spkiDer.equals(opensslDer)).toBe(true);
  });
});
