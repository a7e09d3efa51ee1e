/**
 * The receipt's custody sets: keys whose shares the same people hold are one set, named once with
 * its holders in share order; a different threshold, other holders, or a restore's presenters make
 * another set; each key's own section names its set by number.
 */
import { describe, expect, it } from 'vitest';
import {
  custodyHeading,
  custodyRows,
  custodySetFact,
  custodySetOf,
  custodySets,
} from '../../../src-main/core/receipt/custody-sets';
import type { ReceiptCustody, ReceiptKey } from '../../../src-main/core/receipt/types';
import { sampleKey } from './fixtures';

const split = (threshold: number, names: readonly string[]): ReceiptCustody => ({
  threshold,
  // Given out of share order, as a journal may list them.
  holders: names.map((custodian, i) => ({ shareIndex: names.length - i, custodian })),
});
const keyWith = (custody: ReceiptCustody | undefined, alias: string): ReceiptKey => ({
  ...sampleKey('AES_256', 'air-gapped', alias),
  custody,
});

describe('custody sets on a receipt', () => {
  it('keys held by the same people are one set, named once; other holders or another threshold are another', () => {
    const a = keyWith(split(2, ['Dana', 'Eli', 'Fay']), 'a');
    const b = keyWith(split(2, ['Dana', 'Eli', 'Fay']), 'b');
    const c = keyWith(split(3, ['Dana', 'Eli', 'Fay']), 'c');
    const d = keyWith(split(2, ['Dana', 'Eli', 'Gus']), 'd');
    const none = keyWith(undefined, 'none');
    const sets = custodySets([a, none, b, c, d]);
    expect(sets.map((s) => [s.n, s.keys.map((k) => k.alias)])).toEqual([
      [1, ['a', 'b']],
      [2, ['c']],
      [3, ['d']],
    ]);
    expect(custodySetOf(sets, b)?.n).toBe(1);
    expect(custodySetOf(sets, none)).toBeUndefined();
    expect(custodySetFact(sets[1]!).value).toMatchObject({
      key: 'receipt.custody.keyInSetValue',
      values: { set: 2, threshold: 3, total: 3 },
    });
  });

  it('holders print in share order; a restore says which shares of how many rebuilt the material', () => {
    const custody = split(2, ['Fay', 'Eli', 'Dana']);
    expect(custodyRows(custody).map((h) => `${h.shareIndex} ${h.custodian}`)).toEqual(['1 Dana', '2 Eli', '3 Fay']);
    expect(custodyHeading(custody)).toMatchObject({ key: 'receipt.custody.split', values: { threshold: 2, total: 3 } });
    const restored: ReceiptCustody = {
      threshold: 2,
      holders: [
        { shareIndex: 3, custodian: 'Fay', presentedBy: 'Fay' },
        { shareIndex: 1, custodian: 'Dana', presentedBy: 'Gus' },
      ],
      restoredFrom: { total: 5 },
    };
    expect(custodyHeading(restored)).toMatchObject({
      key: 'receipt.custody.restored',
      values: { presented: 2, total: 5, threshold: 2 },
    });
    // The same presenters out of another total are another set.
    const sets = custodySets([keyWith(restored, 'r1'), keyWith({ ...restored, restoredFrom: { total: 3 } }, 'r2')]);
    expect(sets).toHaveLength(2);
    expect(custodySetFact(sets[0]!).value).toMatchObject({ values: { total: 5 } });
  });
});
