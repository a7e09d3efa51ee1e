/**
 * Custody sets no imported material is backed by: a wrap checked, not imported, and replaced by a
 * later wrap whose material every key of it now holds. Named once per set, with its split, holders,
 * bundle and check; not while a key of it still waits, nor for the set the keys hold.
 */
import { describe, expect, it } from 'vitest';
import { replacedCustodySets } from '../../../../src-main/core/ceremony/online/replaced-custody';
import { chainedJournal } from '../../../helpers/chained-journal';
import { onlineStarted, wrappedChecked } from '../../../helpers/online-started';

const backup = (d: string) => d.repeat(64);
const shares = (d: string) => ({
  kind: 'shares',
  threshold: 2,
  total: 3,
  custodians: ['Carol', 'Dan', 'Eve'],
  backupDigest: backup(d),
});
const checked = wrappedChecked;
const created: [string, Record<string, unknown>] = [
  'key.created',
  { keyId: 'k1', alias: 'a', spec: 'AES_256', usage: 'ENCRYPT_DECRYPT', description: '' },
];
const imported: [string, Record<string, unknown>] = [
  'key.imported',
  { keyId: 'k1', expiresAt: null, importTokenSha256: '9'.repeat(64), confirmation: 'answered' },
];

/**
 * k2 wrapped again alone, of the same material (its file loaded again, no custody split), imported;
 * set A's wrap of both keys checked, k2 left out of it (holding that same material); then `after`;
 * then k1's import of set A's wrap refused, k1 taking a later wrap (set C) of other material.
 */
function k2HoldsSetAMaterial(after: [string, Record<string, unknown>][]) {
  const k2 = { keyId: 'k2', publicKeyFingerprint: null, keyCheckValue: '222222' };
  const [, w2] = checked({ kind: 'material-files' }, '2');
  const [, w1] = checked(shares('a'), '1', '111111');
  return chainedJournal([
    onlineStarted('KF-20261205-abcdef'),
    created,
    ['key.created', { ...created[1], keyId: 'k2', alias: 'b' }],
    ['wrapped-bundle.checked', { ...w2, keys: [k2] }],
    ['key.imported', { ...imported[1], keyId: 'k2' }],
    ['wrapped-bundle.key-skipped', { folder: w1['folder'], manifestSha256: w1['manifestSha256'], ...k2, held: 'same' }],
    ['wrapped-bundle.checked', w1],
    ...after,
    checked(shares('c'), '3', '333333'),
    imported,
  ]);
}

describe('custody sets a later wrap replaced', () => {
  it('names the set of a wrap refused and replaced once the keys hold the later wrap’s material', () => {
    const start = onlineStarted('KF-20261205-abcdef');
    const before = [start, created, checked(shares('a'), '1', '111111'), checked(shares('b'), '2', '222222')] as const;
    // The later wrap checked, not imported yet: nothing is replaced.
    expect(replacedCustodySets(chainedJournal([...before]))).toEqual([]);
    const entries = chainedJournal([...before, imported]);
    expect(replacedCustodySets(entries)).toEqual([
      {
        setTag: 'AAAAAAAA',
        threshold: 2,
        total: 3,
        custodians: ['Carol', 'Dan', 'Eve'],
        folder: '/m/wrapped-1',
        seq: entries.find((e) => e.event === 'wrapped-bundle.checked')?.seq,
        manifestSha256: entries.find((e) => e.event === 'wrapped-bundle.checked')?.data.manifestSha256,
        refused: 'no',
      },
    ]);
  });

  it('names the set of a bundle refused once read by the check values its refusal journaled; an older refusal holding none, not', () => {
    const start = onlineStarted('KF-20261205-abcdef');
    const [, data] = checked(shares('a'), '1', '111111');
    const refused: [string, Record<string, unknown>] = [
      'wrapped-bundle.refused',
      {
        ...data,
        code: 'IMPORT_TOKEN_EXPIRED',
        reason: 'expired',
        digestSource: 'air-gapped-receipt',
        differingGroups: [],
      },
    ];
    const entries = chainedJournal([start, created, refused, checked(shares('b'), '2', '222222'), imported]);
    expect(replacedCustodySets(entries)).toMatchObject([
      { setTag: 'AAAAAAAA', folder: '/m/wrapped-1', seq: entries[2]?.seq, refused: 'yes' },
    ]);
    // Journaled by an older Keyferry: the refusal holds no check values, so the set is not judged (nor named).
    const { keys: _, ...older } = refused[1];
    const old = chainedJournal([
      start,
      created,
      ['wrapped-bundle.refused', older],
      checked(shares('b'), '2', '222222'),
      imported,
    ]);
    expect(replacedCustodySets(old)).toEqual([]);
  });

  it('names no set a key left out of its check still holds the material of, from a later wrap of it backed by no set', () => {
    // Set A is the only custody copy of the material k2 holds: never to be destroyed.
    expect(replacedCustodySets(k2HoldsSetAMaterial([])).map((s) => s.setTag)).not.toContain('AAAAAAAA');
  });

  it('names no set a restore of some of its keys was offered from while another key of it holds its material', () => {
    // A restore of set A for k1 alone, checked: its keys (k1) all hold other material, but set A
    // copies the material k2 holds: not named.
    const [, restore] = checked(shares('a'), '4', '111111');
    const entries = k2HoldsSetAMaterial([['wrapped-bundle.checked', restore]]);
    expect(replacedCustodySets(entries).map((s) => s.setTag)).not.toContain('AAAAAAAA');
  });

  it('names nothing when the imported wrap is the only one, or the same set was checked again', () => {
    const start = onlineStarted('KF-20261205-abcdef');
    expect(replacedCustodySets(chainedJournal([start, created, checked(shares('a'), '1'), imported]))).toEqual([]);
    // Checked twice (a rerun after a stop): one bundle, one set, imported.
    const twice = [start, created, checked(shares('a'), '1'), checked(shares('a'), '1'), imported] as const;
    expect(replacedCustodySets(chainedJournal([...twice]))).toEqual([]);
  });

  it('names nothing when the later wrap holds the same material (its KCV the same): the set still backs it', () => {
    const start = onlineStarted('KF-20261205-abcdef');
    // The material file loaded again, wrapped with no custody split: another bundle, the same material.
    const again = [start, created, checked(shares('a'), '1'), checked({ kind: 'material-files' }, '2'), imported];
    expect(replacedCustodySets(chainedJournal(again))).toEqual([]);
    // Imported from the first, then again (after a lapse) from a wrap of the same material: the set backs it still.
    const reimported = [
      start,
      created,
      checked(shares('a'), '1'),
      imported,
      checked({ kind: 'material-files' }, '2'),
      imported,
    ];
    expect(replacedCustodySets(chainedJournal(reimported))).toEqual([]);
    // A check value unknown (an older bundle): what the key holds cannot be told, the set is not named.
    const unknown = [start, created, checked(shares('a'), '1', '111111'), checked(shares('b'), '2', ''), imported];
    expect(replacedCustodySets(chainedJournal(unknown))).toEqual([]);
  });
});
