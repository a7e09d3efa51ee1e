/** Crockford base32, the alphabet of typed shares: round trips and refusals. */
import { describe, expect, it } from 'vitest';
import { decodeBase32, encodeBase32, normalizeBase32 } from '../../../src-main/core/custody/base32';

describe('Crockford base32', () => {
  it('round-trips every length and refuses leftover bits, bad lengths and foreign characters', () => {
    for (let length = 0; length < 40; length++) {
      const bytes = Buffer.from(Array.from({ length }, (_, i) => (i * 37 + length) & 0xff));
      expect(decodeBase32(encodeBase32(bytes))?.equals(bytes)).toBe(true);
    }
    expect(encodeBase32(Buffer.from('f'))).toBe('CR');
    expect(decodeBase32('CS')).toBeUndefined(); // trailing bits not zero
    expect(decodeBase32('C')).toBeUndefined();
    expect(decodeBase32('CU')).toBeUndefined();
    expect(normalizeBase32('oil-o')).toBe('011-0');
  });
});
