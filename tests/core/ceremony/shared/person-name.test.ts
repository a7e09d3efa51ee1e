/** The people of a ceremony: an operator and at least one witness, other people, names without control characters. */
import { describe, expect, it } from 'vitest';
import { checkCeremonyPeople } from '../../../../src-main/core/ceremony/shared/person-name';

describe('ceremony people', () => {
  it('trims names and refuses no witness, the operator as witness, and control characters', () => {
    expect(checkCeremonyPeople(' Ana ', ['Ben'])).toEqual({ operator: 'Ana', witnesses: ['Ben'] });
    expect(() => checkCeremonyPeople('Ana', [])).toThrow(/at least one witness/);
    expect(() => checkCeremonyPeople('Ana', ['ANA'])).toThrow(/different people/);
    expect(() => checkCeremonyPeople('Ana', ['Ben\u0007'])).toThrow(/control or invisible characters/);
    // Named as people count them, the name shown with its control character escaped (walker finding F18).
    expect(() => checkCeremonyPeople('Ana', ['Ben', 'Eve\u0007'])).toThrow(
      'The people of the ceremony are not valid: witness 2 ("Eve\\u0007"): a name cannot contain control or invisible characters (shown here as \\u codes).',
    );
    expect(() => checkCeremonyPeople('', ['Ben'])).toThrow(
      'The people of the ceremony are not valid: the operator (""): a name cannot be empty.',
    );
  });

  it('names both entries of one person named twice, each as typed, and calls a pasted zero-width space invisible', () => {
    expect(() => checkCeremonyPeople('Ana', ['Ben', ' ana '])).toThrow(
      'The operator and the witnesses must all be different people: the operator ("Ana") and witness 2 (" ana ") are the same person',
    );
    expect(() => checkCeremonyPeople('Ana', ['Ben', 'Cara', 'BEN'])).toThrow(
      'witness 1 ("Ben") and witness 3 ("BEN") are the same person',
    );
    expect(() => checkCeremonyPeople('Ana\u200b', ['Ben'])).toThrow(
      'the operator ("Ana\\u200b"): a name cannot contain control or invisible characters',
    );
  });
});
