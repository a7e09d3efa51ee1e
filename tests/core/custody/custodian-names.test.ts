import { describe, expect, it } from 'vitest';
import { checkCustodianNames } from '../../../src-main/core/custody/custodian-names';
import { KeyferryError } from '../../../src-main/core/errors';

function refusal(names: string[]): KeyferryError {
  try {
    checkCustodianNames(names);
  } catch (error) {
    if (error instanceof KeyferryError) return error;
  }
  throw new Error(`expected ${JSON.stringify(names)} to be refused`);
}

describe('custodian names as a custody set is written with them', () => {
  it('keeps plain names in any script, trimmed and in NFC', () => {
    expect(checkCustodianNames([' 赵敏 ', 'Chloe\u0301', 'Ana-Maria O’Neil'])).toEqual([
      '赵敏',
      'Chloé',
      'Ana-Maria O’Neil',
    ]);
  });

  it('refuses a pasted invisible character, naming the custodian and the character', () => {
    for (const [name, character] of [
      ['Bob\u200b', 'U+200B'],
      ['\u202eEve', 'U+202E'],
      ['Dan\u00adiel', 'U+00AD'],
      ['Fa\ufeffy', 'U+FEFF'],
    ] as const) {
      const error = refusal(['Ann', name]);
      expect(error.code).toBe('CUSTODY_SET_CUSTODIAN_INVALID');
      expect(error.message).toContain(`The name of custodian 2`);
      expect(error.message).toContain(character);
      // The name is shown without the invisible character (a bidi override would turn the line around).
      expect(error.message).not.toMatch(/[\u200b\u202e\u00ad\ufeff]/);
    }
  });

  it('refuses an empty or over-long name and one person named twice', () => {
    expect(refusal(['Ann', '   ']).message).toContain('is not usable: a custodian name is 1-100 printable characters');
    expect(refusal(['Ann', 'x'.repeat(101)]).code).toBe('CUSTODY_SET_CUSTODIAN_INVALID');
    // 86 Chinese characters are 258 bytes: the message names the byte limit, not only the 100 characters.
    expect(checkCustodianNames(['Ann', '赵'.repeat(85)])[1]).toHaveLength(85);
    expect(refusal(['Ann', '赵'.repeat(86)]).message).toContain('at most 255 bytes as UTF-8 (85 Chinese characters)');
    const twice = refusal(['Ann', 'Bob', 'ann']);
    expect(twice.code).toBe('CUSTODY_SET_CUSTODIAN_TWICE');
    expect(twice.message).toContain('shares 1 and 3');
    // Typed alike: one name; typed apart: both, as typed, and the comparison that made them one.
    expect(refusal(['Ann', 'Ann']).message).toContain('Custodian "Ann" is named for shares 1 and 2');
    expect(refusal(['Carol', 'carol ']).message).toContain(
      'The custodians of shares 1 and 2, typed as "Carol" and "carol ", are one person by Keyferry’s comparison (it ignores upper and lower case and spaces before or after a name)',
    );
  });
});
