/**
 * otherBundleAfterImport: the step guard's refusal of a bundle offered after every key took its
 * material becomes WRAPPED_OTHER_THAN_IMPORTED only when the digest typed is another bundle's; in
 * every other case the guard's own refusal stands (the CLI test online-import.other-wrap.test.ts
 * runs the trial's case end to end).
 */
import { describe, expect, it } from 'vitest';
import { KeyferryError } from '../../../../src-main/core/errors';
import { groupHex } from '../../../../src-main/core/hex-groups';
import { otherBundleAfterImport } from '../../../../src-main/core/ceremony/online/wrapped-after-import';

const imported = 'a1'.repeat(32);
const other = 'b2'.repeat(32);
const guard = new KeyferryError('CEREMONY_STOPPED');
const holding = { imported: { expiresAt: null, importTokenSha256: 'c3'.repeat(32) } };

function stateWith(keys: Record<string, { imported?: typeof holding.imported; materialDeleted?: boolean }>) {
  return { keys: new Map(Object.entries(keys)), wrappedBundle: { folder: '/media/w1', manifestSha256: imported } };
}

describe('otherBundleAfterImport', () => {
  it('names both digests when every key holds material and another bundle is typed (grouped, in upper or lower case)', () => {
    const error = otherBundleAfterImport(
      stateWith({ k1: holding, k2: holding }),
      groupHex(other).toLowerCase(),
      '/media/w2',
      guard,
    );
    expect(error).toBeInstanceOf(KeyferryError);
    expect(error).toMatchObject({
      code: 'WRAPPED_OTHER_THAN_IMPORTED',
      values: { dir: '/media/w2', typed: groupHex(other), imported: groupHex(imported), count: 2 },
    });
  });

  it('keeps the guard refusal for the bundle imported itself', () => {
    expect(otherBundleAfterImport(stateWith({ k1: holding }), groupHex(imported), '/media/w1', guard)).toBe(guard);
  });

  it('keeps the guard refusal while a key holds no material (never imported, or deleted)', () => {
    expect(otherBundleAfterImport(stateWith({ k1: holding, k2: {} }), other, '/m', guard)).toBe(guard);
    expect(otherBundleAfterImport(stateWith({ k1: { ...holding, materialDeleted: true } }), other, '/m', guard)).toBe(
      guard,
    );
    expect(otherBundleAfterImport(stateWith({}), other, '/m', guard)).toBe(guard);
  });

  it('keeps the guard refusal for a digest that is not one (its form is checked where the bundle is read)', () => {
    expect(otherBundleAfterImport(stateWith({ k1: holding }), 'B195 171A', '/m', guard)).toBe(guard);
    expect(otherBundleAfterImport(stateWith({ k1: holding }), undefined, '/m', guard)).toBe(guard);
  });

  it('keeps the guard refusal when no bundle was ever checked', () => {
    const state = { keys: new Map([['k1', holding]]) };
    expect(otherBundleAfterImport(state, other, '/m', guard)).toBe(guard);
  });
});
