/**
 * A witness's act in a session that did not finish (any bundle it wrote withdrawn) (an officer trial: Chloé's
 * confirmation from the attempt abandoned over another witness's typo stood on the final receipt
 * beside her real one, both "it matched the bundle read here"): the People section follows it with a
 * line saying that session was stopped, at which entry, and that it made nothing the receipt names;
 * the acts of the session that wrote the bundle stand alone. English and Chinese.
 */
import { describe, expect, it } from 'vitest';
import { receiptPeople } from '../../../src-main/core/receipt/journal-facts';
import { ReceiptWords } from '../../../src-main/core/receipt/language';
import { journalEntries } from '../../helpers/journal-entries';

const DIGEST = 'ab'.repeat(32);
const confirmed = [
  'witness.confirmed',
  { artefact: 'import-parameters-bundle', digest: DIGEST, keyIds: ['k1'] },
] as const;
const refused = [
  'witness.refused',
  { artefact: 'import-parameters-bundle', code: 'WITNESS_DIGEST_SLIP', differingGroups: [3] },
] as const;

describe('acts of a stopped session on the receipt', () => {
  it('says which were in a session stopped before its bundle, and leaves the counted ones alone', () => {
    const entries = journalEntries([
      ['ceremony.started', {}],
      confirmed,
      refused,
      ['ceremony.session-unfinished', {}],
      ['ceremony.session-started', {}],
      confirmed,
      ['wrapped-bundle.completed', {}],
    ]).map((e) => (e.event.startsWith('witness.') ? { ...e, actor: e.seq === 3 ? 'Ben' : 'Chloé' } : e));
    const people = receiptPeople(entries, { operator: 'Ana', witnesses: ['Chloé', 'Ben'], side: 'air-gapped' });
    const lines = (name: string, lang: 'en' | 'zh-CN') =>
      (people.find((p) => p.name === name)?.records ?? []).map((r) => ReceiptWords.phraseText(lang, r));
    const chloe = lines('Chloé', 'en');
    expect(chloe).toHaveLength(3);
    expect(chloe[0]).toMatch(/^entry 2: typed the import-parameters bundle digest/);
    expect(chloe[1]).toBe(
      '(entry 2 was in a session that did not finish, closed at entry 4; any bundle it wrote was withdrawn: it did not make what this receipt names)',
    );
    expect(chloe[2]).toMatch(/^entry 6: typed the import-parameters bundle digest/);
    expect(lines('Ben', 'en')[1]).toContain('closed at entry 4');
    expect(lines('Chloé', 'zh-CN')[1]).toBe(
      '（条目 2 所在的会话未完成，于条目 4 处结束；它写出的任何材料包均已撤回：它不属于本回执所述内容）',
    );
  });
});
