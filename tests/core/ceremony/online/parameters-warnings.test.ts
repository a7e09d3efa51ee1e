/**
 * The warning that a parameters bundle requests material expiries the KMS's clock has passed
 * (MATERIAL_EXPIRY_PAST_BY_KMS): counted against the KMS's time the tokens prove, not this
 * computer's; "never" and keys bound to their imported material (a restore gives its own expiry)
 * are left out. The earlier-bundle warning: parameters-warnings.earlier-bundle.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { expiriesPastByKms } from '../../../../src-main/core/ceremony/online/parameters-warnings';
import type { OnlineKeyState } from '../../../../src-main/core/ceremony/online/state';
import { english } from '../../../../src-main/i18n/translate';

const NOW = new Date('2026-12-01T00:00:00Z');
const KMS_NOW = new Date('2026-12-01T06:00:00Z');

/** A key's state with only what the warning reads (bound: imported before, so bound to that material). */
function key(keyId: string, bound = false): OnlineKeyState {
  return { keyId, ...(bound ? { firstImport: { seq: 1 } } : {}) } as unknown as OnlineKeyState;
}

describe('material expiries past by the KMS’s clock', () => {
  it('warns of the expiries ahead of this computer’s clock but not of the KMS’s, naming both times', () => {
    const warning = expiriesPastByKms(
      [key('a'), key('b'), key('c'), key('d', true)],
      [
        { keyId: 'a', materialExpiry: '2026-12-01T03:00:00Z' },
        { keyId: 'b', materialExpiry: '2026-12-01T05:00:00Z' },
        { keyId: 'c', materialExpiry: 'never' },
        { keyId: 'd', materialExpiry: '2026-12-01T01:00:00Z' },
      ],
      NOW,
      KMS_NOW,
    );
    expect(warning).toMatchObject({
      code: 'MATERIAL_EXPIRY_PAST_BY_KMS',
      values: { count: 2, keyId: 'a', at: Date.parse('2026-12-01T03:00:00Z'), kmsNow: KMS_NOW.getTime() },
    });
    expect(english.message({ key: 'warning.MATERIAL_EXPIRY_PAST_BY_KMS', values: warning?.values })).toContain(
      '2026-12-01 06:00:00 UTC',
    );
  });

  it('says nothing when every expiry is ahead of the KMS’s time, or never', () => {
    const ahead = [
      { keyId: 'a', materialExpiry: '2026-12-01T07:00:00Z' },
      { keyId: 'b', materialExpiry: 'never' },
      { keyId: 'c' },
    ];
    expect(expiriesPastByKms([key('a'), key('b'), key('c')], ahead, NOW, KMS_NOW)).toBeUndefined();
  });
});
