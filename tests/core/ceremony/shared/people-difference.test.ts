/**
 * The one comparison of a run's people with the people a record names (the online journal, the
 * import-parameters bundle): the operator exactly, case included; the witnesses as a set in any order.
 */
import { describe, expect, it } from 'vitest';
import { peopleDifference } from '../../../../src-main/core/ceremony/shared/people-difference';

const RECORDED = { operator: 'Ana Lima', witnesses: ['Ben Okafor', 'Chloé Martin'] };

describe('peopleDifference', () => {
  it('passes the same people, the witnesses in another order and names with stray spaces', () => {
    expect(peopleDifference(RECORDED, { operator: 'Ana Lima', witnesses: ['Chloé Martin', 'Ben Okafor'] })).toBe(
      undefined,
    );
    expect(peopleDifference(RECORDED, { operator: ' Ana Lima ', witnesses: ['Ben Okafor ', 'Chloé Martin'] })).toBe(
      undefined,
    );
  });

  it('names another operator first, case included, with both names', () => {
    expect(peopleDifference(RECORDED, { operator: 'ana lima', witnesses: ['Ben Okafer'] })).toEqual({
      role: 'operator',
      recorded: ['Ana Lima'],
      given: ['ana lima'],
      meant: { given: 'ana lima', recorded: 'Ana Lima' },
    });
  });

  it('names the witness meant when a name differs only in its accents, case or spacing (a trial: Chloe)', () => {
    expect(peopleDifference(RECORDED, { operator: 'Ana Lima', witnesses: ['Ben Okafor', 'Chloe  Martin'] })).toEqual({
      role: 'witnesses',
      recorded: ['Ben Okafor', 'Chloé Martin'],
      given: ['Ben Okafor', 'Chloe  Martin'],
      meant: { given: 'Chloe  Martin', recorded: 'Chloé Martin' },
    });
  });

  it('names a misspelt, a missing and an extra witness with both lists, sorted', () => {
    const given = (witnesses: string[]) => peopleDifference(RECORDED, { operator: 'Ana Lima', witnesses });
    expect(given(['Chloé Martin', 'Ben Okafer'])).toEqual({
      role: 'witnesses',
      recorded: ['Ben Okafor', 'Chloé Martin'],
      given: ['Ben Okafer', 'Chloé Martin'],
    });
    expect(given(['Chloé Martin'])).toMatchObject({ role: 'witnesses', given: ['Chloé Martin'] });
    expect(given(['Dan Reyes', 'Chloé Martin', 'Ben Okafor'])).toMatchObject({
      role: 'witnesses',
      given: ['Ben Okafor', 'Chloé Martin', 'Dan Reyes'],
    });
  });
});
