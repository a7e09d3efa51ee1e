/**
 * A person's records in a receipt's People section name the journal events they come from in the
 * receipt's words: "条目 3：警告：已允许联网", never "条目 3：warning.network-allowed" (what the
 * Chinese receipt printed before), in the HTML and the text twin, in each language and both.
 */
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../src-main/core/journal';
import { receiptPeople } from '../../../src-main/core/receipt/journal-facts';
import { ReceiptWords } from '../../../src-main/core/receipt/language';

const OPERATOR = '张伟';

function entry(seq: number, event: string, data: JournalEntry['data'] = {}): JournalEntry {
  return {
    seq,
    time: '2026-12-02T04:00:00.000Z',
    actor: OPERATOR,
    event,
    data,
    prev: '0'.repeat(64),
    hash: 'f'.repeat(64),
  };
}

const entries = [
  entry(1, 'ceremony.session-started', { side: 'air-gapped' }),
  entry(2, 'network.checked', { state: 'online', overridden: true }),
  entry(3, 'warning.network-allowed', { interfaces: ['eth0'] }),
  entry(4, 'warning.custody-same-volume', { folders: ['/media/a', '/media/a'] }),
  entry(5, 'wrapped-bundle.refused', { code: 'WRAPPED_OTHER_CEREMONY', manifestSha256: 'c245'.repeat(16) }),
];

const operatorRecords = () =>
  receiptPeople(entries, { operator: OPERATOR, witnesses: [], side: 'online' })[0]?.records ?? [];

describe('the operator’s records on a receipt', () => {
  it('name each override by its words in Chinese and English, in the text receipt', () => {
    const records = operatorRecords();
    const chinese = records.map((r) => ReceiptWords.phraseText('zh-CN', r));
    const english = records.map((r) => ReceiptWords.phraseText('en', r));
    expect(chinese).toContain('条目 3：警告：已允许联网');
    expect(chinese).toContain('条目 4：警告：保管份额位于同一卷');
    expect(english).toContain('entry 3: Warning: network allowed');
    for (const line of [...chinese, ...english]) expect(line).not.toMatch(/warning\.|network-allowed|same-volume/);
    // A digest the entry holds is said to be one (a trial read "refused C245 …" as unexplained).
    expect(english.at(-1)).toBe(`entry 5: Wrapped-material bundle refused (digest ${'C245 '.repeat(8)}…)`);
    expect(chinese.at(-1)).toMatch(/^条目 5：.*（摘要 (C245 ){8}…）$/);
  });

  it('name them the same way in the HTML receipt, each column in its language', () => {
    const html = operatorRecords()
      .map((r) => new ReceiptWords('both').phraseHtml(r))
      .join('\n');
    expect(html).toContain('警告：已允许联网');
    expect(html).toContain('Warning: network allowed');
    expect(html).not.toContain('warning.network-allowed');
  });
});
