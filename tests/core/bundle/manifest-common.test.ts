/**
 * isCanonicalBase64 decides without decoding: it must agree with the definition (Buffer decodes the
 * text and prints the very same text back) for every string, canonical or not.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { isCanonicalBase64 } from '../../../src-main/core/bundle/manifest-common';

const roundTrips = (text: string) =>
  text.length % 4 === 0 &&
  /^[A-Za-z0-9+/]*={0,2}$/.test(text) &&
  Buffer.from(text, 'base64').toString('base64') === text;

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';

it('accepts the base64 Buffer prints for any bytes', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      expect(isCanonicalBase64(Buffer.from(bytes).toString('base64'))).toBe(true);
    }),
  );
});

it('agrees with decoding and printing again for any text of the alphabet and padding', () => {
  const text = fc
    .array(fc.constantFrom(...alphabet), { maxLength: 16 })
    .chain((chars) => fc.constantFrom(chars.join(''), `${chars.join('')}=`, `${chars.join('')}==`));
  fc.assert(
    fc.property(text, (t) => {
      expect(isCanonicalBase64(t)).toBe(roundTrips(t));
    }),
    { numRuns: 5000 },
  );
  // Each padding with each last character: only leftover bits of zero are canonical.
  for (const c of alphabet.slice(0, 64)) {
    for (const t of [`AA${c}=`, `A${c}==`, `AAA${c}`]) expect(isCanonicalBase64(t)).toBe(roundTrips(t));
  }
  expect(['', 'AA==', 'AB==', 'AAE=', 'AAB=', ' AA=', 'AA=A', 'A===', 'AA\n=='].map(isCanonicalBase64)).toEqual([
    true,
    true,
    false,
    true,
    false,
    false,
    false,
    false,
    false,
  ]);
});
