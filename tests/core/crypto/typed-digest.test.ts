import { describe, expect, it } from 'vitest';
import { compareTypedDigest, differenceValues, parseTypedDigest } from '../../../src-main/core/crypto/typed-digest';

const SUBJECT = 'bundle';
const DIGEST = '3f2a9c01'.repeat(8);

function grouped(hex: string): string {
  return (hex.toUpperCase().match(/.{4}/g) ?? []).join(' ');
}

describe('a digest typed by a person', () => {
  it('accepts any spacing, colons, dashes and case', () => {
    for (const typed of [DIGEST, grouped(DIGEST), grouped(DIGEST).toLowerCase(), DIGEST.replace(/(..)/g, '$1:')])
      expect(parseTypedDigest(`  ${typed} `, SUBJECT)).toBe(DIGEST);
  });

  it('refuses an empty entry: a digest cannot be skipped', () => {
    expect(() => parseTypedDigest('  ', SUBJECT)).toThrow(
      /Nothing was typed for the bundle digest; it cannot be skipped/,
    );
  });

  it('says which group holds a character that is not a hex digit, and shows control characters by code', () => {
    const typed = grouped(DIGEST).split(' ');
    typed[4] = '3G2A';
    expect(() => parseTypedDigest(typed.join(' '), SUBJECT)).toThrow('"G" in group 5');
    typed[4] = '3\u001b2A';
    expect(() => parseTypedDigest(typed.join(' '), SUBJECT)).toThrow('U+001B in group 5');
  });

  it('says which group is short, or how many digits were typed', () => {
    const typed = grouped(DIGEST).split(' ');
    typed[8] = '9C0';
    expect(() => parseTypedDigest(typed.join(' '), SUBJECT)).toThrow(/Group 9 .* has 3 digits; every group has four/);
    expect(() => parseTypedDigest(DIGEST.slice(0, 60), SUBJECT)).toThrow(/has 60 hex digits; a SHA-256 digest has 64/);
  });

  it('locates a slip by group without revealing the real value, and calls many differing groups another digest', () => {
    const typo = `${DIGEST.slice(0, 24)}3f2b${DIGEST.slice(28)}`;
    const slip = compareTypedDigest(typo, DIGEST);
    expect(slip).toMatchObject({ matches: false, differing: [7], slip: true });
    const values = differenceValues(slip as Extract<typeof slip, { matches: false }>);
    expect(values).toEqual({ count: 1, groupsList: '["7"]', typedList: '["3F2B"]' });
    const other = compareTypedDigest('ab'.repeat(32), DIGEST);
    expect(other).toMatchObject({ matches: false, slip: false });
    expect(differenceValues(other as Extract<typeof other, { matches: false }>).count).toBe(16);
    expect(compareTypedDigest(DIGEST, DIGEST)).toEqual({ matches: true, digest: DIGEST });
  });

  it('takes up to half the groups differing for a slip: another digest shares hardly a group', () => {
    /** DIGEST with its first `n` groups changed in every digit. */
    const wrongIn = (n: number) => `${'0'.repeat(n * 4)}${DIGEST.slice(n * 4)}`;
    expect(compareTypedDigest(wrongIn(3), DIGEST)).toMatchObject({ differing: [1, 2, 3], slip: true });
    expect(compareTypedDigest(wrongIn(8), DIGEST)).toMatchObject({ slip: true });
    expect(compareTypedDigest(wrongIn(9), DIGEST)).toMatchObject({ slip: false });
  });
});
