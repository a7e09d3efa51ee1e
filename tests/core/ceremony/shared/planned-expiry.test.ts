/**
 * Each key's planned material expiry from an import-parameters bundle (format 4: the key's own;
 * older formats: the bundle's one) and what an explicit override does to it.
 */
import { describe, expect, it } from 'vitest';
import {
  expiryOfText,
  expiryText,
  keyExpiries,
  plannedExpiryOf,
} from '../../../../src-main/core/ceremony/shared/planned-expiry';

const IN_90_DAYS = '2027-03-01T10:00:00.000Z';
const OVERRIDE = '2027-06-30T00:00:00.000Z';
const AES_A = { keyId: '0d0466b0-e727-4d9c-b35d-f84bb474a37f', keySpec: 'AES_256' as const };
const AES_B = { keyId: '1e1577c1-f838-4e0d-c46e-095cc585b480', keySpec: 'AES_256' as const };
const RSA = { keyId: '2f2688d2-0949-4f1e-d57f-1a6dd696c591', keySpec: 'RSA_3072' as const };

describe('plannedExpiryOf', () => {
  it("takes the key's own expiry before the bundle's one", () => {
    expect(expiryText(plannedExpiryOf({ ...AES_A, materialExpiry: 'never' }, IN_90_DAYS) ?? undefined)).toBe('never');
    expect(expiryText(plannedExpiryOf({ ...AES_A, materialExpiry: IN_90_DAYS }, 'never') ?? undefined)).toBe(
      IN_90_DAYS,
    );
  });

  it("falls back to the bundle's one expiry (formats 1-3), and to no plan at all (console files)", () => {
    expect(expiryText(plannedExpiryOf(AES_A, IN_90_DAYS) ?? undefined)).toBe(IN_90_DAYS);
    expect(plannedExpiryOf(AES_A, null)).toBeNull();
    expect(plannedExpiryOf(AES_A, undefined)).toBeNull();
  });

  it('says never for asymmetric material whatever the plan says', () => {
    expect(plannedExpiryOf({ ...RSA, materialExpiry: IN_90_DAYS }, IN_90_DAYS)).toEqual({ kind: 'never' });
  });
});

describe('keyExpiries', () => {
  const keys = [{ ...AES_A, materialExpiry: IN_90_DAYS }, { ...AES_B, materialExpiry: 'never' }, RSA];

  it("requests each key's own plan when nothing overrides it", () => {
    expect(keyExpiries(keys, 'never').map((k) => [k.keyId, expiryText(k.requested), k.overridden])).toEqual([
      [AES_A.keyId, IN_90_DAYS, false],
      [AES_B.keyId, 'never', false],
      [RSA.keyId, 'never', false],
    ]);
  });

  it('applies an override to every AES key and marks only those whose plan differs', () => {
    const never = keyExpiries(keys, null, { kind: 'never' });
    expect(never.map((k) => [expiryText(k.requested), k.overridden])).toEqual([
      ['never', true],
      ['never', false],
      ['never', false],
    ]);
    const at = keyExpiries(keys, null, expiryOfText(OVERRIDE));
    expect(at.map((k) => [expiryText(k.requested), k.overridden])).toEqual([
      [OVERRIDE, true],
      [OVERRIDE, true],
      ['never', false],
    ]);
  });

  it('is no override where there is no plan (console files): the choice is the only expiry', () => {
    const [console] = keyExpiries([AES_A], null, expiryOfText(OVERRIDE));
    expect(console).toMatchObject({ planned: null, overridden: false });
    expect(expiryText(console?.requested)).toBe(OVERRIDE);
    expect(expiryText(keyExpiries([AES_A], null)[0]?.requested)).toBe('never');
  });
});
