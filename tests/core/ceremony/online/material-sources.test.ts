/**
 * Where the material of keys waiting for parameters comes from: keys imported from one wrapped
 * bundle share its custody copy; keys imported from two bundles (two custody sets, even with the
 * same custodians, or one with none) do not, and one bundle of parameters cannot serve both. A
 * replica group goes with its member imported before; a key never imported joins the keys imported
 * from the bundle it was checked in (that custody copy holds its material), else takes fresh material.
 * Bundles that name their custody set (format version 5) put the keys of one set together, whichever
 * bundles they came from.
 */
import { describe, expect, it } from 'vitest';
import {
  materialSourcesOf,
  refuseMixedMaterialSources,
} from '../../../../src-main/core/ceremony/online/material-sources';
import type { OnlineKeyState, RecordedCustody } from '../../../../src-main/core/ceremony/online/state';
import { importedKey, keysById, onlineKey } from '../../../helpers/online-key-state';
import { KeyferryError } from '../../../../src-main/core/errors';
import { translator } from '../../../../src-main/i18n/translate';

const shares = (seq: number): RecordedCustody => ({
  arrangement: { kind: 'shares', threshold: 2, total: 3, custodians: ['Cai', 'Dee', 'Eli'] },
  seq,
});
/** Shares of the custody set whose backup digest starts `tag` (format version 5 names it). */
const setShares = (seq: number, tag: string): RecordedCustody =>
  ({
    arrangement: { ...shares(seq).arrangement, backupDigest: tag.padEnd(64, '0') },
    seq,
  }) as RecordedCustody;
const none = (seq: number): RecordedCustody => ({ arrangement: { kind: 'none', acknowledged: true }, seq });

const key = onlineKey;

/** The refusal of a round of every key of `keys` (undefined: none). */
function mixedRefusal(keys: ReadonlyMap<string, OnlineKeyState>): KeyferryError | undefined {
  try {
    refuseMixedMaterialSources([...keys.values()], keys, 'cli');
  } catch (error) {
    return error as KeyferryError;
  }
  return undefined;
}
const lapsed = (keyId: string, custody: RecordedCustody) => importedKey(keyId, custody, true);
const mapOf = keysById;
/** The sources' keys and kinds (their phrases are the refusal's, asserted there). */
const groups = (...args: Parameters<typeof materialSourcesOf>) =>
  materialSourcesOf(...args).map(({ keyIds, importedBefore }) => ({ keyIds, importedBefore }));

describe('materialSourcesOf', () => {
  it('keeps keys imported from one bundle together, and apart from those of another bundle with the same custodians', () => {
    const keys = mapOf([lapsed('a', shares(10)), lapsed('b', shares(10)), lapsed('c', shares(30))]);
    expect(groups(keys)).toEqual([
      { keyIds: ['a', 'b'], importedBefore: true },
      { keyIds: ['c'], importedBefore: true },
    ]);
    // Only the keys asked about (e.g. those the KMS shows lapsed), whatever the journal holds of them.
    expect(groups(keys, ['c', 'a'])).toEqual([
      { keyIds: ['c'], importedBefore: true },
      { keyIds: ['a'], importedBefore: true },
    ]);
  });

  it('keeps keys of one named custody set together whichever bundles they came from, and two sets apart', () => {
    const keys = mapOf([
      lapsed('a', setShares(10, '0123abcd')),
      // Restored from the same set later, through another bundle (checked at entry 30).
      lapsed('b', setShares(30, '0123abcd')),
      key('r', { checkedCustody: setShares(40, '0123abcd') }),
      lapsed('c', setShares(50, '9876fedc')),
    ]);
    expect(groups(keys)).toEqual([
      { keyIds: ['a', 'b', 'r'], importedBefore: true },
      { keyIds: ['c'], importedBefore: true },
    ]);
    // Each set named by its tag, the first 8 hex digits of its backup digest, as its share files are.
    const refusal = mixedRefusal(keys);
    expect(refusal?.message).toContain(
      'keys k/a (a), k/b (b), k/r (r): material imported before, whose custody copy is the 2-of-3 custody set 0123ABCD (the tag in its share files’ names; recorded by the wrapped bundle checked at online journal entry 10): a custody restore with its shares',
    );
    expect(refusal?.message).toContain(
      'key k/c (c): material imported before, whose custody copy is the 2-of-3 custody set 9876FEDC',
    );
    const zh = translator('zh-CN').problem((refusal as KeyferryError).toProblem()).message;
    expect(zh).toContain(
      '其托管副本是托管集 0123ABCD（2-of-3，即其份额文件名中的标记；由联网日志第 10 条检查的已包装密钥材料包记录）',
    );
  });

  it('puts a never-imported key with the keys of the bundle it was checked in, and a key never checked apart', () => {
    const refusedThere = key('r', { checkedCustody: shares(10) });
    const fresh = key('f');
    const keys = mapOf([lapsed('a', shares(10)), refusedThere, fresh]);
    expect(groups(keys)).toEqual([
      { keyIds: ['a', 'r'], importedBefore: true },
      { keyIds: ['f'], importedBefore: false },
    ]);
    // Each named as the refusal names it (the app's choice shows it).
    expect(materialSourcesOf(keys).map((source) => source.phrase)).toEqual([
      expect.objectContaining({ key: 'online.material-source', values: expect.objectContaining({ source: 'shares' }) }),
      expect.objectContaining({ values: expect.objectContaining({ source: 'fresh', keysList: expect.any(String) }) }),
    ]);
  });

  it('puts a replica group with its member imported before, in the round or outside it', () => {
    const primary = lapsed('p', shares(10));
    const replica = key('q', { replicaOf: 'p', checkedCustody: shares(30) });
    expect(groups(mapOf([primary, replica]))).toEqual([{ keyIds: ['p', 'q'], importedBefore: true }]);
    // The primary holds its material: the replica alone takes it, from the primary's custody copy.
    const holding = { ...primary, materialDeleted: false, materialLapsed: false };
    const keys = mapOf([holding, replica]);
    expect(groups(keys)).toEqual([{ keyIds: ['q'], importedBefore: true }]);
  });
});

describe('refuseMixedMaterialSources', () => {
  it('refuses keys of two custody copies in one round, naming each copy, with nothing to fetch', () => {
    const keys = mapOf([lapsed('a', shares(10)), lapsed('b', none(30))]);
    const refusal = mixedRefusal(keys);
    expect(refusal?.code).toBe('PARAMETERS_MATERIAL_SOURCES_DIFFER');
    expect(refusal?.message).toContain('take their material from 2 different places');
    expect(refusal?.message).toContain(
      'key k/a (a): material imported before, whose custody copy is the 2-of-3 custody set of the wrapped bundle checked at online journal entry 10',
    );
    expect(refusal?.message).toContain(
      'key k/b (b): material imported before with NO custody copy (wrapped bundle checked at online journal entry 30)',
    );
    expect(refusal?.nextStep).toContain('the commands follow');
  });

  it('lets one custody copy, or fresh material for keys checked in different bundles, go in one round', () => {
    const one = mapOf([lapsed('a', shares(10)), lapsed('b', shares(10))]);
    expect(() => refuseMixedMaterialSources([...one.values()], one, 'app')).not.toThrow();
    const fresh = mapOf([key('r', { checkedCustody: shares(10) }), key('s', { checkedCustody: none(30) }), key('t')]);
    expect(() => refuseMixedMaterialSources([...fresh.values()], fresh, 'app')).not.toThrow();
  });
});
