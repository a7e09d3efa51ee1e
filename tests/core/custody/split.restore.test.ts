/**
 * Every spec, every M-of-N with 2 <= M <= N <= 8 and M <= 5: any M shares rebuild the exact
 * material (all M-subsets for N <= 5, the first, last and random ones beyond), every (M-1)-subset
 * is refused as too few.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyMaterial } from '../../../src-main/core/crypto/key-material';
import { KEY_SPECS } from '../../../src-main/core/crypto/key-spec';
import { derFingerprint, keyCheckValue } from '../../../src-main/core/crypto/evidence';
import { restoreMaterial } from '../../../src-main/core/custody/restore';
import { bytesOf, materialFor, randomSubset, refusal, split, subsetsOf } from './helpers';

const PAIRS: [number, number][] = [];
for (let m = 2; m <= 5; m++) for (let n = m; n <= 8; n++) PAIRS.push([m, n]);

describe.each(KEY_SPECS)('custody of %s material', (spec) => {
  let material: KeyMaterial;
  let original: Buffer;

  beforeAll(async () => {
    material = await materialFor(spec);
    original = bytesOf(material);
  });
  afterAll(() => {
    material.dispose();
    original.fill(0);
  });

  it('records the key check value or the public-key fingerprint on every share', async () => {
    const shares = await split(material, 2, 3);
    const expected =
      spec === 'AES_256'
        ? { kind: 'kcv', value: keyCheckValue(spec, material.secret) }
        : { kind: 'spki-sha256', value: derFingerprint(material.publicKeySpkiDer as Buffer) };
    for (const share of shares) expect(share.materialCheck).toEqual(expected);
    expect(shares.map((s) => s.custodian)).toEqual(['Alice', 'Bob', 'Carol']);
    expect(shares.map((s) => s.index)).toEqual([1, 2, 3]);
    expect(bytesOf(material).equals(original)).toBe(true);
  });

  it.each(PAIRS)('%i-of-%i: any M shares rebuild it, every M-1 shares are refused', async (m, n) => {
    const shares = await split(material, m, n);
    expect(shares).toHaveLength(n);
    const chosen =
      n <= 5
        ? subsetsOf(shares, m)
        : [shares.slice(0, m), shares.slice(-m), ...Array.from({ length: 6 }, () => randomSubset(shares, m))];
    chosen.push(randomSubset(shares, n)); // all of them, in random order, also work
    for (const subset of chosen) {
      const rebuilt = await restoreMaterial(randomSubset(subset, subset.length), {
        expected: { ceremonyId: 'ceremony-2024-01', spec },
      });
      expect(rebuilt.spec).toBe(spec);
      expect(bytesOf(rebuilt).equals(original), `shares ${subset.map((s) => s.index).join(',')}`).toBe(true);
      if (spec !== 'AES_256') expect(rebuilt.publicKeySpkiDer?.equals(material.publicKeySpkiDer as Buffer)).toBe(true);
      rebuilt.dispose();
    }
    for (const subset of subsetsOf(shares, m - 1)) {
      const error = await refusal(() => restoreMaterial(subset));
      expect(error.code).toBe('CUSTODY_TOO_FEW_SHARES');
      expect(error.message).toContain(
        `${m - 1} of the ${m} shares needed ${m - 1 === 1 ? 'was' : 'were'} given: 1 more is needed`,
      );
    }
    for (const share of shares) share.share.dispose();
  });
});
