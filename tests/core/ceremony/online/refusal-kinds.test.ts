/**
 * Which import refusals are met again by the same import, and what each means for the next step:
 * the KMS's and Keyferry's own expiry refusals (by whose clock), a replica group's held expiry, and
 * every spelling of expired import tokens; any other refusal is none of them.
 */
import { describe, expect, it } from 'vitest';
import { refusalClockOf, refusalKindOf } from '../../../../src-main/core/ceremony/online/refusal-kinds';

describe('refusalKindOf', () => {
  it('tells expiry, group and token refusals by their codes, and nothing else', () => {
    expect(refusalKindOf('KMS.2602')).toBe('expiry');
    expect(refusalKindOf('EXPIRY_IN_PAST')).toBe('expiry');
    expect(refusalKindOf('REPLICA_GROUP_EXPIRY_DIFFERS')).toBe('group');
    for (const code of ['KMS.2601', 'IMPORT_TOKEN_EXPIRED', 'KMS_IMPORT_TOKEN_EXPIRED'])
      expect(refusalKindOf(code)).toBe('token');
    // A failure that proves nothing, or a wrong digest: the same import may pass, or another mend is due.
    for (const code of ['KMS.0101', 'KMS_IMPORT_OUTCOME_UNKNOWN', 'DIGEST_MISMATCH', 'undefined'])
      expect(refusalKindOf(code)).toBeUndefined();
  });

  it('says an expiry refusal went by the KMS’s clock only for the KMS’s own code', () => {
    expect(refusalClockOf('KMS.2602')).toBe('kms');
    expect(refusalClockOf('EXPIRY_IN_PAST')).toBe('computer');
  });
});
