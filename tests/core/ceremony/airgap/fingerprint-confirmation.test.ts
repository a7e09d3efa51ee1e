import { describe, expect, it } from 'vitest';
import {
  FingerprintConfirmations,
  normalizeFingerprint,
} from '../../../../src-main/core/ceremony/airgap/fingerprint-confirmation';

const fpA = 'ab'.repeat(32);
const fpB = 'cd'.repeat(32);

function confirmations() {
  return new FingerprintConfirmations(
    new Map([
      ['k1', fpA],
      ['k2', fpA],
      ['k3', fpB],
    ]),
    ['Ben', 'Chloé'],
  );
}

describe('fingerprint confirmations', () => {
  it('groups keys by wrapping key and records who confirmed which', () => {
    const c = confirmations();
    expect(c.list().map((f) => f.keyIds)).toEqual([['k1', 'k2'], ['k3']]);
    expect(c.unconfirmed()).toHaveLength(2);
    const typed = fpA.toUpperCase().replace(/(.{4})/g, '$1 ');
    expect(c.confirm('Ben', typed)).toMatchObject({ fingerprint: fpA, keyIds: ['k1', 'k2'], confirmedBy: ['Ben'] });
    expect(c.confirm('Chloé', fpA).confirmedBy).toEqual(['Ben', 'Chloé']);
    expect(c.unconfirmed().map((f) => f.fingerprint)).toEqual([fpB]);
    expect(c.list()[0]?.grouped).toMatch(/^ABAB ABAB /);
  });

  it('refuses unknown witnesses, partial and wrong fingerprints, without recording them', () => {
    const c = confirmations();
    expect(() => c.confirm('Mallory', fpA)).toThrow(/not a witness/);
    expect(() => c.confirm('Ben', fpA.slice(0, 60))).toThrow(/not a whole SHA-256/);
    expect(() => c.confirm('Ben', 'ef'.repeat(32))).toThrow(/matches no wrapping key/);
    expect(c.unconfirmed()).toHaveLength(2);
  });

  it('normalizes spacing, colons and case', () => {
    expect(normalizeFingerprint('AB:cd-EF 01')).toBe('abcdef01');
  });
});
