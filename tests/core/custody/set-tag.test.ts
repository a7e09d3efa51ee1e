import { describe, expect, it } from 'vitest';
import { custodySetTag } from '../../../src-main/core/custody/set-tag';

describe("a custody set's tag", () => {
  it('is the first 8 hex digits of the backup digest, upper case, as the share file names carry it', () => {
    expect(custodySetTag('0123abcd' + 'e'.repeat(56))).toBe('0123ABCD');
  });

  it('tells two sets of one ceremony apart when their digests differ in the first 8 digits', () => {
    expect(custodySetTag('9f'.repeat(32))).not.toBe(custodySetTag('9e'.repeat(32)));
  });
});
