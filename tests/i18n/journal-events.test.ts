/**
 * Every event the journal can be given has a name in words, in English and in Chinese: a receipt
 * that names an event (a person's record in People) prints that label, never the journal's own
 * notation (`warning.network-allowed`). The event names are read from src-main's source
 * (journal-event-names.ts), so an event added later without a label fails here.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../src-main/i18n/catalogues/en';
import { zhCN } from '../../src-main/i18n/catalogues/zh-CN';
import { journalEventPhrase } from '../../src-main/i18n/journal-events';
import { phraseText } from '../../src-main/i18n/phrase';
import { translator } from '../../src-main/i18n/translate';
import { journalEventNames } from './journal-event-names';

const HAN = /[\u4e00-\u9fff]/;

describe('journal event labels', () => {
  const { names, unresolved } = journalEventNames();

  it('are read from every place src-main journals an event', () => {
    expect(unresolved).toEqual([]);
    for (const known of ['ceremony.started', 'warning.network-allowed', 'custody.split', 'key.status-read'])
      expect(names.has(known), known).toBe(true);
    expect(names.size).toBeGreaterThan(60);
  });

  it('name each event in English and in Chinese, never in the journal’s notation', () => {
    const unlabelled: string[] = [];
    for (const name of [...names].sort()) {
      const label = journalEventPhrase(name);
      if (label.key === 'journal.event.unnamed') {
        unlabelled.push(name);
        continue;
      }
      const english = phraseText(translator('en'), label);
      const chinese = phraseText(translator('zh-CN'), label);
      expect(english, name).toBe(en[label.key]);
      expect(chinese, name).toBe(zhCN[label.key]);
      expect(chinese, name).toMatch(HAN);
      for (const text of [english, chinese]) expect(text, name).not.toContain(name);
    }
    expect(unlabelled).toEqual([]);
  });

  it('print an event a later Keyferry journals by its name, marked as an event', () => {
    const later = journalEventPhrase('quorum.reached');
    expect(phraseText(translator('en'), later)).toBe('event quorum.reached');
    expect(phraseText(translator('zh-CN'), later)).toBe('事件 quorum.reached');
  });
});
