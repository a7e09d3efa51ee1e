import { createCipheriv, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aesKeyWrapPad, unwrapAesKeyWrapPad } from '../../../src-main/core/crypto/aes-key-wrap';
import { expectKeyferryError, openssl } from './helpers/openssl';

const hex = (h: string) => Buffer.from(h.replace(/\s+/g, ''), 'hex');
const unwrapHex = (kek: Buffer, wrapped: Buffer) => unwrapAesKeyWrapPad(kek, wrapped).use((b) => b.toString('hex'));

/** RFC 5649 section 4.1 written out from the text, on single-block AES-ECB: an independent oracle. */
function referenceWrapPad(kek: Buffer, plaintext: Buffer): Buffer {
  const aes = createCipheriv(`aes-${kek.length * 8}-ecb`, kek, null).setAutoPadding(false);
  const encryptBlock = (block: Buffer) => aes.update(block);
  const aiv = Buffer.alloc(8);
  hex('A65959A6').copy(aiv, 0);
  aiv.writeUInt32BE(plaintext.length, 4);
  const padded = Buffer.concat([plaintext, Buffer.alloc((8 - (plaintext.length % 8)) % 8)]);
  if (padded.length === 8) return encryptBlock(Buffer.concat([aiv, padded]));
  const n = padded.length / 8;
  let a = aiv;
  const r = Array.from({ length: n }, (_, i) => padded.subarray(i * 8, i * 8 + 8));
  for (let j = 0; j <= 5; j++) {
    for (let i = 0; i < n; i++) {
      const b = encryptBlock(Buffer.concat([a, r[i] as Buffer]));
      const t = BigInt(n * j + i + 1);
      a = Buffer.alloc(8);
      a.writeBigUInt64BE(b.readBigUInt64BE(0) ^ t);
      r[i] = b.subarray(8, 16);
    }
  }
  return Buffer.concat([a, ...r]);
}

describe('RFC 5649 section 6 test vectors (AES-192 KEK)', () => {
  const kek = hex('5840df6e29b02af1 ab493b705bf16ea1 ae8338f4dcc176a8');

  it('wraps and unwraps the 20-octet key', () => {
    const key = hex('c37b7e6492584340 bed1220780894115 5068f738');
    const wrapped = hex('138bdeaa9b8fa7fc 61f97742e72248ee 5ae6ae5360d1ae6a 5f54f373fa543b6a');
    expect(aesKeyWrapPad(kek, key).toString('hex')).toBe(wrapped.toString('hex'));
    expect(unwrapHex(kek, wrapped)).toBe(key.toString('hex'));
    expect(referenceWrapPad(kek, key).toString('hex')).toBe(wrapped.toString('hex'));
  });

  it('wraps and unwraps the 7-octet key', () => {
    const key = hex('466f7250617369');
    const wrapped = hex('afbeb0f07dfbf541 9200f2ccb50bb24f');
    expect(aesKeyWrapPad(kek, key).toString('hex')).toBe(wrapped.toString('hex'));
    expect(unwrapHex(kek, wrapped)).toBe(key.toString('hex'));
    expect(referenceWrapPad(kek, key).toString('hex')).toBe(wrapped.toString('hex'));
  });
});

describe('aesKeyWrapPad', () => {
  it('matches the RFC 5649 reference for AES-128/192/256 and any length, and round-trips', () => {
    fc.assert(
      fc.property(fc.constantFrom(16, 24, 32), fc.uint8Array({ minLength: 1, maxLength: 600 }), (kekLength, data) => {
        const kek = randomBytes(kekLength);
        const plaintext = Buffer.from(data);
        const wrapped = aesKeyWrapPad(kek, plaintext);
        expect(wrapped.toString('hex')).toBe(referenceWrapPad(kek, plaintext).toString('hex'));
        expect(wrapped.length).toBe(Math.ceil(plaintext.length / 8) * 8 + 8);
        expect(unwrapHex(kek, wrapped)).toBe(plaintext.toString('hex'));
      }),
      { numRuns: 200 },
    );
  });

  it('produces what openssl enc -id-aes256-wrap-pad -iv A65959A6 produces, and unwraps what it wraps', async () => {
    for (const length of [1, 7, 8, 9, 20, 138, 1217]) {
      const kek = randomBytes(32);
      const data = randomBytes(length);
      const theirs = await openssl(['enc', '-id-aes256-wrap-pad', '-K', kek.toString('hex'), '-iv', 'A65959A6'], {
        input: data,
      });
      expect(aesKeyWrapPad(kek, data).toString('hex')).toBe(theirs.toString('hex'));
      expect(unwrapHex(kek, theirs)).toBe(data.toString('hex'));
      const back = await openssl(['enc', '-d', '-id-aes256-wrap-pad', '-K', kek.toString('hex'), '-iv', 'A65959A6'], {
        input: aesKeyWrapPad(kek, data),
      });
      expect(back.toString('hex')).toBe(data.toString('hex'));
    }
  });

  it('refuses a KEK that is not 16, 24 or 32 bytes', () => {
    expectKeyferryError(() => aesKeyWrapPad(randomBytes(20), randomBytes(8)), 'KWP_BAD_KEK_LENGTH', /20 bytes/);
    expectKeyferryError(() => unwrapAesKeyWrapPad(randomBytes(31), randomBytes(16)), 'KWP_BAD_KEK_LENGTH', /31 bytes/);
  });

  it('refuses empty input', () => {
    expectKeyferryError(() => aesKeyWrapPad(randomBytes(32), Buffer.alloc(0)), 'KWP_BAD_INPUT_LENGTH', /0 bytes/);
  });
});

describe('unwrapAesKeyWrapPad', () => {
  it('refuses a wrong KEK and any flipped bit (integrity check)', () => {
    const kek = randomBytes(32);
    const data = randomBytes(138);
    const wrapped = aesKeyWrapPad(kek, data);
    expectKeyferryError(() => unwrapAesKeyWrapPad(randomBytes(32), wrapped), 'KWP_UNWRAP_FAILED', /integrity check/);
    for (const position of [0, 7, 8, 70, wrapped.length - 1]) {
      const tampered = Buffer.from(wrapped);
      tampered[position] = (tampered[position] ?? 0) ^ 0x01;
      expectKeyferryError(() => unwrapAesKeyWrapPad(kek, tampered), 'KWP_UNWRAP_FAILED');
    }
  });

  it('refuses ciphertext of impossible length', () => {
    const kek = randomBytes(32);
    expectKeyferryError(() => unwrapAesKeyWrapPad(kek, randomBytes(8)), 'KWP_BAD_CIPHERTEXT_LENGTH', /8 bytes/);
    expectKeyferryError(() => unwrapAesKeyWrapPad(kek, randomBytes(33)), 'KWP_BAD_CIPHERTEXT_LENGTH', /33 bytes/);
  });
});
