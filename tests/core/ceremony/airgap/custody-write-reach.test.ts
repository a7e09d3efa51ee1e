/** How far a custody split killed in its writes got, holder by holder, from what each folder holds. */
import { describe, expect, it } from 'vitest';
import { writeReach } from '../../../../src-main/core/ceremony/airgap/custody-write-reach';

describe('how far a split killed in its writes got', () => {
  it('takes every holder before the last folder holding the set as written whole, even one found empty (another stick)', () => {
    expect(writeReach([false, true, false])).toEqual(['written', 'last', 'notReached']);
  });

  it('takes an unreadable folder after the last written as maybe reached, unless a readable folder before it was left empty', () => {
    expect(writeReach([true, null, false, null])).toEqual(['last', 'unknown', 'notReached', 'notReached']);
    expect(writeReach([true, false, null])).toEqual(['last', 'notReached', 'notReached']);
  });

  it('with no folder holding the set: every readable one not reached, an unreadable one before any of them maybe', () => {
    expect(writeReach([null, false, null])).toEqual(['unknown', 'notReached', 'notReached']);
    expect(writeReach([false, false])).toEqual(['notReached', 'notReached']);
  });
});
