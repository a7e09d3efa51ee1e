/**
 * The KMS's time as the import tokens prove it (src-main/core/ceremony/shared/kms-time.ts): what the
 * wrap and the custody restore take for "now" when the air-gapped clock lags the KMS's.
 */
import { describe, expect, it } from 'vitest';
import { kmsTimeAtLeast } from '../../../../src-main/core/ceremony/shared/kms-time';
import type { ImportParameters } from '../../../../src-main/core/bundle';

// Fresh parameters whose tokens expire at 10:00 on Dec 3 were issued at 10:00 on Dec 2 (tokens live 24 h).
const fresh = (expiresAt: string | null) =>
  ({ importToken: { expiry: expiresAt === null ? null : { expiresAt } } }) as unknown as ImportParameters;
const lagging = new Date('2026-12-01T12:00:00.000Z');

describe('kmsTimeAtLeast', () => {
  it('takes the KMS time the newest fresh token proves when the workstation clock lags it', () => {
    expect(
      kmsTimeAtLeast(lagging, [fresh('2026-12-02T10:00:00.000Z'), fresh('2026-12-03T10:00:00.000Z'), fresh(null)]),
    ).toEqual(new Date('2026-12-02T10:00:00.000Z'));
  });

  it('keeps a workstation clock ahead of that evidence, and its own time when no token says anything', () => {
    const ahead = new Date('2026-12-02T11:00:00.000Z');
    expect(kmsTimeAtLeast(ahead, [fresh('2026-12-03T10:00:00.000Z')])).toEqual(ahead);
    expect(kmsTimeAtLeast(lagging, [fresh(null)])).toEqual(lagging);
    expect(kmsTimeAtLeast(lagging, [fresh('not a time')])).toEqual(lagging);
    expect(kmsTimeAtLeast(lagging, [])).toEqual(lagging);
  });
});
