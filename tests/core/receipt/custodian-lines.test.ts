/**
 * The custodians' lines of a receipt, from the journal alone: who holds a share of the set a session
 * sealed, whose share of a killed session's set was withdrawn, who presented a share to a restore.
 * A split's start (journaled before its files, since 2026-12-07) names the same holders and must put
 * no line on any receipt while its split follows: only the split says a custodian holds a share. A
 * start its split never followed (killed or stopped in the writes) names each holder by what the
 * closing journaled of their folder: withdrawn, maybe reached (to check and delete), a whole set to
 * check before deleting anything, or nothing where the writes never went.
 */
import { describe, expect, it } from 'vitest';
import { custodianLines, sharePresenters } from '../../../src-main/core/receipt/custodian-lines';
import { ReceiptWords } from '../../../src-main/core/receipt/language';
import { journalEntries } from '../../helpers/journal-entries';

const DIGEST = '2379c9b2'.repeat(8);
const HOLDERS = [
  { shareIndex: 1, custodian: 'Ana', folder: '/media/ana/c' },
  { shareIndex: 2, custodian: 'Bob', folder: '/media/bob/c' },
];
const started = ['custody.split-started', { total: 2, backupDigest: DIGEST, holders: HOLDERS }] as const;
const split = [
  'custody.split',
  { format: 'custody-set', keyIds: ['k1', 'k2'], threshold: 2, total: 2, backupDigest: DIGEST, holders: HOLDERS },
] as const;

const said = (lines: Map<string, unknown[]>, name: string) =>
  (lines.get(name) ?? []).map((r) => ReceiptWords.phraseText('en', r as Parameters<typeof ReceiptWords.phraseText>[1]));

describe('the custodians on a receipt', () => {
  it('names the holders of a sealed split once each, and nothing for the start of that split', () => {
    const lines = custodianLines(
      journalEntries([['ceremony.session-started', {}], started, split, ['receipt.written', { htmlFile: 'r.html' }]]),
    );
    expect([...lines.keys()]).toEqual(['Ana', 'Bob']);
    expect(said(lines, 'Bob')).toEqual([
      'entry 3: holds share 2 of 2 of the ceremony’s custody set (the material of 2 keys or replica groups, backup digest 2379 C9B2 2379 C9B2…; any 2 rebuild them)',
    ]);
  });

  it('says a killed session’s share was withdrawn where its folder was cleared, and names none for a start alone', () => {
    const withdrawn = custodianLines(
      journalEntries([
        ['ceremony.session-started', {}],
        split,
        ['ceremony.session-unfinished', {}],
        ['custody.withdrawn', { folders: ['/media/ana/c', '/media/bob/c'], removedFiles: 10 }],
        ['ceremony.session-started', {}],
      ]),
    );
    expect(said(withdrawn, 'Ana')[0]).toMatch(
      /^entry 2: was given share 1 of 2 of a custody set whose session did not finish/,
    );
    expect(said(withdrawn, 'Ana')[0]).toContain('it was withdrawn');
    const startOnly = custodianLines(
      journalEntries([['ceremony.session-started', {}], started, ['ceremony.session-unfinished', {}]]),
    );
    expect(startOnly.size).toBe(0);
  });

  it('names the holders of a split cut in its writes by what became of their folder: withdrawn, maybe reached, or nothing', () => {
    const holders = [...HOLDERS, { shareIndex: 3, custodian: 'Cy', folder: '/media/cy/c' }];
    const maybe = {
      folder: '/media/bob/c',
      custodian: 'Bob',
      shareIndex: 2,
      cause: 'unreadable',
      leftFiles: [],
      reasonPhrase: { key: 'journal.reason.custody-not-withdrawn', values: { cause: 'unreadable', holder: 'maybe' } },
    };
    const entries = journalEntries([
      ['ceremony.session-started', {}],
      ['custody.split-started', { total: 3, backupDigest: DIGEST, holders }],
      ['ceremony.session-unfinished', {}],
      ['custody.withdrawn', { folders: ['/media/ana/c'], removedFiles: 5 }],
      ['custody.withdraw-failed', maybe],
      ['ceremony.session-started', {}],
    ]);
    const lines = custodianLines(entries);
    expect(said(lines, 'Ana')).toEqual([
      'entry 2: was given share 1 of 3 of a custody set whose session did not finish (backup digest 2379 C9B2 2379 C9B2…): it was withdrawn, with any bundle its session wrote (see Deviations)',
    ]);
    expect(said(lines, 'Bob')).toEqual([
      'entry 2: was to get share 2 of 3 of a custody set whose session was cut while writing it (backup digest 2379 C9B2 2379 C9B2…; its files carry 2379C9B2 in their names): NOT withdrawn: the folder /media/bob/c could not be read, and the writes may have reached it. Look on that medium: any such file there is of a set that rebuilds no material that was wrapped; delete it before anyone keeps or presents it as a share (entry 5, see Deviations)',
    ]);
    const zh = (lines.get('Bob') ?? []).map((r) => ReceiptWords.phraseText('zh-CN', r));
    expect(zh[0]).toContain('份额 2（共 3 份');
    expect(zh[0]).toContain('无法读取文件夹 /media/bob/c，而写入可能已到达该文件夹');
    // The writes never reached Cy's folder: nothing was given, nothing is said.
    expect(lines.has('Cy')).toBe(false);
  });

  it('asks to check, never to delete, a whole set found where a cut split wrote (it may have finished unjournaled)', () => {
    const check = { folder: '/media/ana/c', custodian: 'Ana', shareIndex: 1, cause: 'unknownSet', leftFiles: ['x'] };
    const lines = custodianLines(
      journalEntries([
        ['ceremony.session-started', {}],
        started,
        ['ceremony.session-unfinished', {}],
        ['custody.withdraw-failed', check],
        ['ceremony.session-started', {}],
      ]),
    );
    expect(said(lines, 'Ana')[0]).toContain(
      'NOT withdrawn, check before deleting anything: /media/ana/c holds such files',
    );
    expect(said(lines, 'Ana')[0]).not.toContain('delete it');
  });

  it('never says withdrawn of a holder whose folder went elsewhere in a stop: its files are NOT withdrawn, to delete by hand', () => {
    // A stop of a build before 2026-12-07 journaled the moved folder among those "withdrawn" too.
    const entries = journalEntries([
      ['ceremony.session-started', {}],
      started,
      ['ceremony.interrupted', { signal: 'SIGINT' }],
      ['custody.withdraw-failed', { folders: ['/media/ana/c'], movedFiles: ['/media/ana/c'], removedFiles: 0 }],
      ['ceremony.abandoned', {}],
      ['ceremony.session-started', {}],
    ]);
    expect(said(custodianLines(entries), 'Ana')).toEqual([
      'entry 2: was given share 1 of 2 of a custody set whose session did not finish (backup digest 2379 C9B2 2379 C9B2…): NOT withdrawn, delete by hand only its files, those whose names carry 2379C9B2, where entry 4 says they were left, and nothing else there: a later set’s live share may be beside them (see Deviations)',
    ]);
  });

  it('a stop that left a share, then a closing that removed it: withdrawn, the last word on that folder', () => {
    const lines = custodianLines(
      journalEntries([
        ['ceremony.session-started', {}],
        split,
        ['ceremony.interrupted', { state: 'custody-split', wipedKeys: 2 }],
        // The stop: Ana's folder cleared, Bob's stick read-only, his share left.
        [
          'custody.withdraw-failed',
          { folders: ['/media/ana/c'], removedFiles: 5, leftFiles: ['/media/bob/c/keyferry-share-2of2.json'] },
        ],
        ['ceremony.session-unfinished', {}],
        // The closing, his stick writable again: his files removed.
        ['custody.withdrawn', { folders: ['/media/ana/c', '/media/bob/c'], removedFiles: 5 }],
        ['ceremony.session-started', {}],
      ]),
    );
    expect(said(lines, 'Bob')[0]).toContain('it was withdrawn');
    expect(said(lines, 'Bob')[0]).not.toContain('NOT withdrawn');
    // The other way round, a failure after a removal, says NOT withdrawn.
    const failedLast = custodianLines(
      journalEntries([
        ['ceremony.session-started', {}],
        split,
        ['custody.withdrawn', { folders: ['/media/bob/c'], removedFiles: 5 }],
        ['custody.withdraw-failed', { folder: '/media/bob/c', custodian: 'Bob', shareIndex: 2, leftFiles: [] }],
        ['ceremony.session-started', {}],
      ]),
    );
    expect(said(failedLast, 'Bob')[0]).toContain('NOT withdrawn');
  });

  it('lists who presented the shares of a restore, once each, the presenter before the custodian', () => {
    const entries = journalEntries([
      [
        'custody.restored',
        {
          keyIds: ['k1'],
          total: 3,
          threshold: 2,
          backupDigest: DIGEST,
          holders: [
            { shareIndex: 1, custodian: 'Ana', presentedBy: 'Dee' },
            { shareIndex: 3, custodian: 'Cy' },
          ],
        },
      ],
    ]);
    expect(sharePresenters(entries)).toEqual(['Dee', 'Cy']);
    expect(said(custodianLines(entries), 'Ana')[0]).toContain('was presented by Dee');
  });
});

describe('a held set a later wrap replaces', () => {
  const LATER = '7a03444a'.repeat(8);
  const laterSplit = ['custody.split', { ...split[1], backupDigest: LATER }] as const;
  const repeated = (fresh?: string) =>
    [
      'wrap.repeated',
      {
        earlier: [{ session: 1, backupDigest: DIGEST }],
        reasonPhrase: { key: 'journal.reason.wrap-again-sets', values: fresh === undefined ? {} : { fresh } },
      },
    ] as const;
  const sealed = ['receipt.written', { htmlFile: 'r.html' }] as const;
  const start = ['ceremony.session-started', { side: 'air-gapped' }] as const;

  it('is marked replaced, to destroy once that wrap’s bundle is imported, only while that wrap stands and made new material', () => {
    const replaced = custodianLines(journalEntries([start, split, sealed, start, repeated('yes'), laterSplit]));
    expect(said(replaced, 'Ana')).toEqual([
      'entry 2: holds share 1 of 2 of a custody set of this ceremony (the material of 2 keys or replica groups, backup digest 2379 C9B2 2379 C9B2…; any 2 rebuild them) that a later wrap replaces: session 2 made new material (entry 5) with a custody set of its own (entry 6). Once that wrap’s bundle is imported, this set backs nothing and its shares are to be destroyed; until the online workstation shows which material the keys hold, keep this share',
      'entry 6: holds share 1 of 2 of the ceremony’s custody set (the material of 2 keys or replica groups, backup digest 7A03 444A 7A03 444A…; any 2 rebuild them)',
    ]);
    // The same material again (an HSM's keys, a material file): the earlier set still holds it.
    const same = custodianLines(journalEntries([start, split, sealed, start, repeated('no'), laterSplit]));
    expect(said(same, 'Ana')[0]).toMatch(/^entry 2: holds share 1 of 2 of the ceremony’s custody set/);
    // The later wrap stopped, its set withdrawn: the earlier set is still the one that backs the keys.
    const stopped = custodianLines(
      journalEntries([
        start,
        split,
        sealed,
        start,
        repeated('yes'),
        laterSplit,
        ['custody.withdrawn', { folders: ['/media/ana/c', '/media/bob/c'] }],
        ['ceremony.abandoned', {}],
      ]),
    );
    expect(said(stopped, 'Ana')[0]).toMatch(/^entry 2: holds share 1 of 2 of the ceremony’s custody set/);
  });

  it('is not marked replaced by a later wrap an older build journaled without saying whether it made new material', () => {
    // Builds of 2026-12-02 to 12-05 journaled no `fresh`, also for material taken again from a token or a file.
    const unsaid = custodianLines(journalEntries([start, split, sealed, start, repeated(), laterSplit]));
    expect(said(unsaid, 'Ana')[0]).toMatch(/^entry 2: holds share 1 of 2 of the ceremony’s custody set/);
    expect(said(unsaid, 'Ana').join(' ')).not.toContain('made new material');
  });

  it('is not marked replaced by a later wrap of some of its keys only: the others’ material may be held in it alone', () => {
    // Key k1 imported from the first bundle, k2's import refused: new parameters for k2 alone, wrapped again.
    const ofK2 = ['custody.split', { ...laterSplit[1], keyIds: ['k2'] }] as const;
    const partial = custodianLines(journalEntries([start, split, sealed, start, repeated('yes'), ofK2]));
    expect(said(partial, 'Ana')[0]).toBe(
      'entry 2: holds share 1 of 2 of the ceremony’s custody set (the material of 2 keys or replica groups, backup digest 2379 C9B2 2379 C9B2…; any 2 rebuild them)',
    );
    expect(said(partial, 'Ana').join(' ')).not.toContain('backs nothing');
  });

  it('is not marked replaced by a later wrap of a replica group’s primary alone: the replica may hold its material', () => {
    // The set holds group p+r (journaled under the primary p); the later wrap's parameters name p alone.
    const read = (keys: object[]) => ['parameters.read', { keys }] as const;
    const group = read([{ keyId: 'p' }, { keyId: 'r', replicaOf: 'p' }]);
    const ofGroup = ['custody.split', { ...split[1], keyIds: ['p'] }] as const;
    const ofP = ['custody.split', { ...laterSplit[1], keyIds: ['p'] }] as const;
    const primaryOnly = custodianLines(
      journalEntries([start, group, ofGroup, sealed, start, read([{ keyId: 'p' }]), repeated('yes'), ofP]),
    );
    expect(said(primaryOnly, 'Ana')[0]).toMatch(/^entry 3: holds share 1 of 2 of the ceremony’s custody set/);
    expect(said(primaryOnly, 'Ana').join(' ')).not.toContain('backs nothing');
    // The later wrap of the whole group again: the set is replaced.
    const whole = custodianLines(journalEntries([start, group, ofGroup, sealed, start, group, repeated('yes'), ofP]));
    expect(said(whole, 'Ana')[0]).toContain('that a later wrap replaces');
  });
});
