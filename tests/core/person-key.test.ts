/** One rule for "the same person" (person-key.ts): case, spaces around and Unicode composition aside. */
import { describe, expect, it } from 'vitest';
import { personKey } from '../../src-main/core/person-key';

describe('personKey', () => {
  it('gives two spellings of one name the same key, and two names two keys', () => {
    expect(personKey(' CAROL ')).toBe(personKey('Carol'));
    expect(personKey('Zoe\u0308')).toBe(personKey('Zoë'));
    expect(personKey('Carol B')).not.toBe(personKey('Carol'));
  });
});
