/**
 * Who holds the custody copy after a share restore: every holder of the split, not only the
 * custodians who came. A custody set's backup names them; for an older split the air-gapped
 * journal's `custody.split` entry does, but only the record of this very split (same backup digest
 * or key, same M-of-N, the presenters at their indexes), read as written (schema-checked).
 */
import { describe, expect, it } from 'vitest';
import type { PresentedShare } from '../../../../src-main/core/ceremony/restore/presented-shares';
import {
  recordedHolders,
  sharesArrangement,
  sharesCustody,
} from '../../../../src-main/core/ceremony/restore/split-holders';
import { journalEntries } from '../../../helpers/journal-entries';

const KEY = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
const OTHER_KEY = '1e1577c1-f838-4e0d-846e-095cc585b480';
const DIGEST = 'ab'.repeat(32);
const HOLDERS = ['Alice', 'Bob', 'Carol', 'Dave', 'Erin'];

function presented(shareIndex: number, presentedBy = HOLDERS[shareIndex - 1] as string): PresentedShare {
  return {
    ceremonyId: 'KF-20261201-abcdef',
    keyId: KEY,
    shareIndex,
    threshold: 3,
    total: 5,
    custodian: HOLDERS[shareIndex - 1] as string,
    presentedBy,
    source: 'file',
    shareChecksum: 'ABCD-EF01',
  };
}
const CAME = [presented(4), presented(2), presented(5, 'Frank')];

function splitEntry(overrides: Record<string, unknown> = {}): readonly [string, Record<string, unknown>] {
  return [
    'custody.split',
    {
      keyId: KEY,
      threshold: 3,
      total: 5,
      holders: HOLDERS.map((custodian, i) => ({ shareIndex: i + 1, custodian, folder: `/media/c${i + 1}` })),
      ...overrides,
    },
  ];
}
const PER_KEY = { threshold: 3, total: 5, backupDigest: null, keyId: KEY, presented: CAME };

describe('recordedHolders', () => {
  it("names every holder in share order from the journal's record of this per-key split", () => {
    expect(recordedHolders(journalEntries([['ceremony.session-started', {}], splitEntry()]), PER_KEY)).toEqual(HOLDERS);
  });

  it("names them from a custody set's record only when its backup digest is the presented one", () => {
    const set = { ...PER_KEY, keyId: null, backupDigest: DIGEST };
    const entry = splitEntry({ format: 'custody-set', keyId: undefined, backupDigest: DIGEST });
    expect(recordedHolders(journalEntries([entry]), set)).toEqual(HOLDERS);
    expect(recordedHolders(journalEntries([entry]), { ...set, backupDigest: 'cd'.repeat(32) })).toBeNull();
    // A per-key split's record does not name a custody set's holders, nor the other way round.
    expect(recordedHolders(journalEntries([splitEntry()]), set)).toBeNull();
    expect(recordedHolders(journalEntries([entry]), PER_KEY)).toBeNull();
  });

  it('takes no record of another split: another key, another M-of-N, a presenter at another index', () => {
    for (const entry of [
      splitEntry({ keyId: OTHER_KEY }),
      splitEntry({ threshold: 2 }),
      splitEntry({ total: 6 }),
      splitEntry({
        holders: ['Alice', 'Dave', 'Carol', 'Bob', 'Erin'].map((custodian, i) => ({ shareIndex: i + 1, custodian })),
      }),
    ])
      expect(recordedHolders(journalEntries([entry]), PER_KEY), JSON.stringify(entry[1])).toBeNull();
  });

  it('skips a record that is not what a split writes (a journal is read as written) and one naming too few holders', () => {
    const broken = splitEntry({ threshold: 'three' });
    const missingOne = splitEntry({
      holders: HOLDERS.slice(0, 4).map((custodian, i) => ({ shareIndex: i + 1, custodian })),
    });
    expect(recordedHolders(journalEntries([broken, missingOne]), PER_KEY)).toBeNull();
    // The newest record of the split counts: a later re-split with other holders wins over the first.
    const later = splitEntry({
      holders: ['Alice', 'Bob', 'Gina', 'Dave', 'Erin'].map((custodian, i) => ({ shareIndex: i + 1, custodian })),
    });
    expect(recordedHolders(journalEntries([splitEntry(), broken, later]), PER_KEY)).toEqual([
      'Alice',
      'Bob',
      'Gina',
      'Dave',
      'Erin',
    ]);
  });
});

describe('sharesArrangement and sharesCustody', () => {
  it("records every holder (the backup's names first, else the journal's) and who presented which share, in share order", () => {
    const split = { threshold: 3, total: 5, backupDigest: null, keyId: KEY };
    const fromJournal = sharesArrangement({ ...split, backupHolders: null }, CAME, journalEntries([splitEntry()]));
    expect(fromJournal).toEqual({
      kind: 'shares',
      threshold: 3,
      total: 5,
      custodians: HOLDERS,
      presented: [
        { shareIndex: 2, custodian: 'Bob', presentedBy: 'Bob' },
        { shareIndex: 4, custodian: 'Dave', presentedBy: 'Dave' },
        { shareIndex: 5, custodian: 'Erin', presentedBy: 'Frank' },
      ],
    });
    const fromBackup = sharesArrangement({ ...split, backupHolders: ['P', 'Q', 'R', 'S', 'T'] }, CAME, []);
    expect(fromBackup.kind === 'shares' && fromBackup.custodians).toEqual(['P', 'Q', 'R', 'S', 'T']);
  });

  it('names only those who came when nothing records the split', () => {
    const arrangement = sharesArrangement(
      { threshold: 3, total: 5, backupDigest: null, keyId: KEY, backupHolders: undefined },
      CAME,
      [],
    );
    expect(arrangement.kind === 'shares' && arrangement.custodians).toEqual(['Bob', 'Dave', 'Erin']);
    expect(sharesCustody({ threshold: 3, total: 5 }, CAME)).toEqual({
      threshold: 3,
      holders: [
        { shareIndex: 2, custodian: 'Bob', presentedBy: 'Bob' },
        { shareIndex: 4, custodian: 'Dave', presentedBy: 'Dave' },
        { shareIndex: 5, custodian: 'Erin', presentedBy: 'Frank' },
      ],
      restoredFrom: { total: 5 },
    });
  });
});
