import { format, inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SecretBytes, withWiped } from '../../../src-main/core/crypto/secret-bytes';
import { expectKeyferryError } from './helpers/openssl';

const KEY = Buffer.from('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'hex');

function renderings(secret: SecretBytes): string[] {
  return [
    String(secret),
    `${secret}`,
    'x' + secret,
    JSON.stringify(secret),
    JSON.stringify({ nested: { secret } }),
    inspect(secret),
    inspect({ secret }, { showHidden: true, depth: 10 }),
    format('%s %o %O %j', secret, secret, secret, secret),
    JSON.stringify(structuredClone({ secret })),
    JSON.stringify(Object.entries(secret)),
  ];
}

describe('SecretBytes', () => {
  it('never reveals its bytes through String, templates, JSON, inspect or format', () => {
    const secret = SecretBytes.from(Buffer.from(KEY));
    for (const text of renderings(secret)) {
      expect(text).not.toContain('00112233');
      expect(text.toLowerCase()).not.toContain('aabbcc');
      expect(text).not.toMatch(/\b0, 17, 34\b|\b0,17,34\b/);
    }
    expect(String(secret)).toBe('[redacted]');
    expect(JSON.stringify({ secret })).toBe('{"secret":"[redacted]"}');
    expect(inspect(secret)).toBe('[redacted]');
    expect(Object.keys(secret)).toEqual([]);
  });

  it('lends the bytes through use() and reports the length', () => {
    const secret = SecretBytes.from(Buffer.from(KEY));
    expect(secret.length).toBe(32);
    expect(secret.use((b) => b.toString('hex'))).toBe(KEY.toString('hex'));
  });

  it('takes ownership and zero-fills the very buffer on dispose, idempotently', () => {
    const buffer = Buffer.from(KEY);
    const secret = SecretBytes.from(buffer);
    secret.dispose();
    expect(buffer.equals(Buffer.alloc(32))).toBe(true);
    expect(secret.disposed).toBe(true);
    secret.dispose();
    expect(buffer.equals(Buffer.alloc(32))).toBe(true);
  });

  it('refuses use after dispose', () => {
    const secret = SecretBytes.from(Buffer.from(KEY));
    secret.dispose();
    expectKeyferryError(() => secret.use((b) => b.length), 'SECRET_DISPOSED', /wiped/);
  });

  it('withWiped zero-fills on success and on error', () => {
    const a = Buffer.from(KEY);
    expect(withWiped(a, (b) => b.length)).toBe(32);
    expect(a.every((x) => x === 0)).toBe(true);
    const b = Buffer.from(KEY);
    expect(() =>
      withWiped(b, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(b.every((x) => x === 0)).toBe(true);
  });
});
