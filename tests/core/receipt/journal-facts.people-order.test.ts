/**
 * The People section's lines follow the journal: a killed import's online receipt listed the
 * operator's lines as "entry 18, entry 28, entry 25" (who made each checked bundle first, the
 * operator's deviations after), so a reader could not follow the session in its order.
 */
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../src-main/core/journal';
import { receiptPeople } from '../../../src-main/core/receipt/journal-facts';
import { ReceiptWords } from '../../../src-main/core/receipt/language';

const OPERATOR = 'Ana';

function entry(seq: number, event: string, data: JournalEntry['data'] = {}): JournalEntry {
  return {
    seq,
    time: '2026-12-07T04:00:00.000Z',
    actor: OPERATOR,
    event,
    data,
    prev: '0'.repeat(64),
    hash: 'f'.repeat(64),
  };
}

const madeBy = {
  purpose: 'wrap',
  operator: 'Dana',
  witnesses: ['Ben'],
  journalFile: 'airgap.jsonl',
  journalFirstEntrySha256: 'a'.repeat(64),
};

const entries = [
  entry(1, 'ceremony.session-started', { side: 'online' }),
  entry(18, 'wrapped-bundle.checked', { madeBy }),
  entry(25, 'warning.network-allowed', { interfaces: ['eth0'] }),
  entry(28, 'wrapped-bundle.checked', { madeBy }),
];

describe('the People section’s order', () => {
  it('lists the operator’s lines by journal entry, in English and Chinese', () => {
    const records = receiptPeople(entries, { operator: OPERATOR, witnesses: [], side: 'online' })[0]?.records ?? [];
    const cited = (locale: 'en' | 'zh-CN', pattern: RegExp) =>
      records.flatMap((r) => {
        const cites = pattern.exec(ReceiptWords.phraseText(locale, r));
        return cites ? [cites[1] ?? cites[2]] : [];
      });
    expect(cited('en', /^entry (\d+):/)).toEqual(['18', '25', '28']);
    expect(cited('zh-CN', /^(?:条目 (\d+)：|第 (\d+) 条记录：)/)).toEqual(['18', '25', '28']);
    // The count of the operator's own entries stays first.
    expect(ReceiptWords.phraseText('en', records[0] as (typeof records)[0])).toMatch(/^ran this workstation/);
  });
});
