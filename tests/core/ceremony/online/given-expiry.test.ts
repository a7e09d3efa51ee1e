/**
 * The --expires an earlier import was given for the keys it did not reach, as the journal records it
 * (import.expiry-chosen): status names it only when it was given.
 */
import { describe, expect, it } from 'vitest';
import { givenExpiryOf } from '../../../../src-main/core/ceremony/online/given-expiry';
import type { JournalEntry } from '../../../../src-main/core/journal';

const chosen = (seq: number, keys: readonly { keyId: string; effective: string; source: string }[]): JournalEntry =>
  ({
    seq,
    event: 'import.expiry-chosen',
    actor: 'Ana',
    time: '2026-12-06T10:00:00.000Z',
    data: { keys: keys.map((k) => ({ ...k, requested: 'never', plan: 'never' })) },
    prev: '',
    hash: '',
  }) as unknown as JournalEntry;

describe('givenExpiryOf', () => {
  it('names the expiry the last import given --expires chose for those keys', () => {
    const entries = [
      chosen(4, [{ keyId: 'k2', effective: '2027-01-01T00:00:00.000Z', source: 'override' }]),
      chosen(9, [{ keyId: 'k2', effective: 'never', source: 'override' }]),
    ];
    expect(givenExpiryOf(entries, ['k2', 'k3'])).toBe('never');
    expect(givenExpiryOf(entries.slice(0, 1), ['k2'])).toBe('2027-01-01T00:00:00.000Z');
  });

  it('is null when no import was given --expires for them: the bundle’s request differing from the plan is not one', () => {
    const entries = [chosen(4, [{ keyId: 'k2', effective: '2027-01-01T00:00:00.000Z', source: 'bundle' }])];
    expect(givenExpiryOf(entries, ['k2'])).toBeNull();
    expect(givenExpiryOf([chosen(5, [{ keyId: 'k1', effective: 'never', source: 'override' }])], ['k2'])).toBeNull();
    expect(givenExpiryOf([], ['k2'])).toBeNull();
  });

  it('is null when no import of the bundle last checked for those keys was given one: an earlier bundle’s --expires is not its', () => {
    const check = (seq: number, keyIds: readonly string[], digest = 'a'): JournalEntry =>
      ({
        ...chosen(seq, []),
        event: 'wrapped-bundle.checked',
        data: {
          folder: '/m/w',
          manifestSha256: digest.repeat(64),
          keys: keyIds.map((keyId) => ({ keyId, publicKeyFingerprint: null, keyCheckValue: 'ABCDEF' })),
        },
      }) as unknown as JournalEntry;
    const earlier = [
      check(3, ['k2']),
      chosen(4, [{ keyId: 'k2', effective: '2027-01-01T00:00:00.000Z', source: 'override' }]),
    ];
    expect(givenExpiryOf([...earlier, check(12, ['k1', 'k2'], 'b')], ['k2'])).toBeNull();
    // The same bundle checked again (a run after the stop, itself stopped) and a check of other keys do not end it.
    expect(givenExpiryOf([...earlier, check(12, ['k2']), check(15, ['k7'], 'c')], ['k2'])).toBe(
      '2027-01-01T00:00:00.000Z',
    );
  });
});
