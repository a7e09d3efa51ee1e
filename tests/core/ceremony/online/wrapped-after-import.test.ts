/**
 * otherBundleAfterImport: while every key holds imported material, a digest typed that is none of
 * the bundles the keys' material came from is refused (WRAPPED_OTHER_THAN_IMPORTED), naming every
 * such bundle: a ceremony that re-imported one key from a second bundle holds material from two,
 * and the first bundle offered again is not "another" one (the review's case, where the old text
 * called the only backup of a key useless). Everything else goes on to the guard and the check.
 * The CLI test online-import.other-wrap.test.ts runs the trial's case end to end.
 */
import { describe, expect, it } from 'vitest';
import { groupHex } from '../../../../src-main/core/hex-groups';
import { listValue } from '../../../../src-main/i18n/list';
import { otherBundleAfterImport } from '../../../../src-main/core/ceremony/online/wrapped-after-import';
import { toProblem } from '../../../../src-main/core/errors';
import { english } from '../../../../src-main/i18n/translate';

const w1 = 'a1'.repeat(32);
const w2 = 'b2'.repeat(32);
const other = 'c3'.repeat(32);
const params = 'd4'.repeat(32);
const from = (wrappedBundleSha256?: string) => ({
  imported: {
    expiresAt: null,
    importTokenSha256: 'e5'.repeat(32),
    ...(wrappedBundleSha256 ? { wrappedBundleSha256 } : {}),
  },
});

function stateWith(keys: Record<string, ReturnType<typeof from> | { materialDeleted?: boolean }>, last = w1) {
  return {
    keys: new Map(Object.entries(keys)),
    wrappedBundle: { folder: '/media/last', manifestSha256: last },
    parametersBundle: { folder: '/media/params', manifestSha256: params },
  };
}

describe('otherBundleAfterImport', () => {
  it('refuses a digest of none of the bundles the keys came from, naming them all (grouped, any case typed)', () => {
    const state = stateWith({ k1: from(w1), k2: from(w2) }, w2);
    const error = otherBundleAfterImport(state, groupHex(other).toLowerCase(), '/media/w3');
    expect(error).toMatchObject({
      code: 'WRAPPED_OTHER_THAN_IMPORTED',
      values: {
        dir: '/media/w3',
        typed: groupHex(other),
        importedList: listValue([groupHex(w1), groupHex(w2)]),
        bundles: 2,
        count: 2,
      },
    });
  });

  it('names the custody sets of shares recorded at those imports, by their tags: the ones to keep', () => {
    const shares = (backupDigest?: string) => ({
      seq: 40,
      arrangement: {
        kind: 'shares' as const,
        threshold: 2,
        total: 3,
        custodians: ['Cara', 'Dan', 'Eve'],
        ...(backupDigest ? { backupDigest } : {}),
      },
    });
    const withCustody = (digest: string, custody: ReturnType<typeof shares>) => ({
      imported: { ...from(digest).imported, custody },
    });
    const set = '92b523ec'.repeat(8);
    const state = stateWith({ k1: withCustody(w1, shares(set)), k2: withCustody(w1, shares(set)), k3: from(w1) });
    const error = otherBundleAfterImport(state, other, '/media/w2');
    expect(error?.values).toMatchObject({ sets: 1, setsList: listValue(['92B523EC']) });
    expect(english.problem(toProblem(error)).nextStep).toContain(
      'keep them. Their custody set is 92B523EC: the tag in its share files’ names, recorded at the import.',
    );
    expect(english.problem(toProblem(error)).message).toContain(
      `The digest typed, ${groupHex(other)}, is not that bundle’s:`,
    );
    // Shares of before custody sets (no backup digest) have no tag to name: nothing is made up.
    const untagged = otherBundleAfterImport(stateWith({ k1: withCustody(w1, shares()) }), other, '/m');
    expect(untagged?.values).toMatchObject({ sets: 0 });
    expect(english.problem(toProblem(untagged)).nextStep).toContain('are the keys’ backup: keep them. If a wrap again');
  });

  it('says which bundle is which: the one of the digest typed, and the one imported by its digest', () => {
    const set = { setTag: 'AAAAAAAA', threshold: 2, total: 3, custodians: ['Cara', 'Dan', 'Eve'], folder: '/media/w3' };
    const replaced = [{ ...set, seq: 12, manifestSha256: other, refused: 'no' as const }];
    const error = otherBundleAfterImport(stateWith({ k1: from(w1) }), other, '/media/w3', replaced);
    const said = english.problem(toProblem(error));
    expect(said.message).toContain('there is nothing to import from the bundle with the digest typed:');
    expect(said.message).toContain('The bundle with the digest typed was checked at online journal entry 12');
    expect(said.nextStep).toContain(
      `The air-gapped receipt that prints the digest of the bundle imported, ${groupHex(w1)}, matches these keys.`,
    );
  });

  it('lets through a bundle some key came from, not only the last one checked (a re-import from a second bundle)', () => {
    const state = stateWith({ k1: from(w2), k2: from(w1) }, w2);
    expect(otherBundleAfterImport(state, groupHex(w1), '/media/w1')).toBeUndefined();
    expect(otherBundleAfterImport(state, w2, '/media/w2')).toBeUndefined();
  });

  it('leaves the parameters bundle digest typed by mistake to the check, which says what it is', () => {
    expect(otherBundleAfterImport(stateWith({ k1: from(w1) }), params, '/m')).toBeUndefined();
  });

  it('says nothing while a key holds no material (never imported, or deleted), or with no keys', () => {
    expect(otherBundleAfterImport(stateWith({ k1: from(w1), k2: {} }), other, '/m')).toBeUndefined();
    expect(
      otherBundleAfterImport(stateWith({ k1: { ...from(w1), materialDeleted: true } }), other, '/m'),
    ).toBeUndefined();
    expect(otherBundleAfterImport(stateWith({}), other, '/m')).toBeUndefined();
  });

  it('says nothing for a digest that is not one (its form is refused where the bundle is checked)', () => {
    expect(otherBundleAfterImport(stateWith({ k1: from(w1) }), 'B195 171A', '/m')).toBeUndefined();
    expect(otherBundleAfterImport(stateWith({ k1: from(w1) }), undefined, '/m')).toBeUndefined();
  });

  it('in a journal from before the bundle was recorded per key, takes the bundle last checked for every key', () => {
    const state = stateWith({ k1: from(), k2: from() }, w1);
    expect(otherBundleAfterImport(state, w1, '/m')).toBeUndefined();
    expect(otherBundleAfterImport(state, other, '/m')?.values).toMatchObject({
      importedList: listValue([groupHex(w1)]),
    });
  });
});
