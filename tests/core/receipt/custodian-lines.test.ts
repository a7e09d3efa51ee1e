/**
 * The custodians' lines of a receipt, from the journal alone: who holds a share of the set a session
 * sealed, whose share of a killed session's set was withdrawn, who presented a share to a restore.
 * A split's start (journaled before its files, since 2026-12-07) names the same holders and must put
 * no line on any receipt: only the split says a custodian holds a share.
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
      "entry 3: holds share 2 of 2 of the ceremony's custody set (the material of 2 keys or replica groups, backup digest 2379 C9B2 2379 C9B2…; any 2 rebuild them)",
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
