import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { derFingerprint, keyCheckValue } from '../../../src-main/core/crypto/evidence';
import { SecretBytes } from '../../../src-main/core/crypto/secret-bytes';
import { openssl } from './helpers/openssl';

describe('keyCheckValue', () => {
  it('equals the first 3 bytes of openssl aes-256-ecb over one zero block', async () => {
    for (let i = 0; i < 3; i++) {
      const key = randomBytes(32);
      const block = await openssl(['enc', '-aes-256-ecb', '-nopad', '-K', key.toString('hex')], {
        input: Buffer.alloc(16),
      });
      expect(keyCheckValue('AES_256', SecretBytes.from(Buffer.from(key)))).toBe(
        block.subarray(0, 3).toString('hex').toUpperCase(),
      );
    }
  });

  it('is six upper-case hex characters and differs between keys', () => {
    const a = keyCheckValue('AES_256', SecretBytes.from(randomBytes(32)));
    const b = keyCheckValue('AES_256', SecretBytes.from(randomBytes(32)));
    expect(a).toMatch(/^[0-9A-F]{6}$/);
    expect(a).not.toBe(b);
  });

  it('takes its cipher from the spec: a 16-byte key has no AES_256 check value (no silent AES-128)', () => {
    expect(() => keyCheckValue('AES_256', SecretBytes.from(randomBytes(16)))).toThrow(/32 bytes/);
  });

  it('refuses asymmetric specs, whose check is the public key fingerprint', () => {
    expect(() => keyCheckValue('EC_P256', SecretBytes.from(randomBytes(32)))).toThrow(/public key fingerprint/);
  });
});

describe('derFingerprint', () => {
  it('equals openssl dgst -sha256 of the same bytes', async () => {
    const data = randomBytes(300);
    const out = (await openssl(['dgst', '-sha256', '-r'], { input: data })).toString().split(' ')[0];
    expect(derFingerprint(data)).toBe(out);
  });
});
