/**
 * Ceremony states are named in words, never as the workflow's identifiers ("仪式步骤：new"): one
 * catalogue select (`ceremony.state`) has a case for every state of every ceremony, in both
 * languages, and a message that names a state renders the phrase in its own language, also where
 * the message itself is stored (`Translator.message`), nested in a problem, or printed on a receipt.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { AIR_GAP_STATES, ONLINE_STEPS, RESTORE_STATES } from '../../src-main/core/ceremony/shared/ceremony-states';
import { ReceiptWords } from '../../src-main/core/receipt/language';
import { en } from '../../src-main/i18n/catalogues/en';
import { zhCN } from '../../src-main/i18n/catalogues/zh-CN';
import { ceremonyStatePhrase, ceremonyStateValue, selectCase } from '../../src-main/i18n/ceremony-state';
import { phraseValue } from '../../src-main/i18n/phrase';
import { translator } from '../../src-main/i18n/translate';

const EVERY_STATE = [...new Set([...ONLINE_STEPS, ...AIR_GAP_STATES, ...RESTORE_STATES])];

function selectCases(text: string): string[] {
  const [select] = parse(text, { ignoreTag: true }) as MessageFormatElement[];
  if (select?.type !== TYPE.select) throw new Error('ceremony.state is not one select');
  return Object.keys(select.options);
}

describe('ceremony state names', () => {
  it.each([
    ['en', en['ceremony.state']],
    ['zh-CN', zhCN['ceremony.state']],
  ])('%s has a case for every state of ceremony-states.ts, and no other', (_locale, text) => {
    expect(selectCases(text).sort()).toEqual([...EVERY_STATE.map(selectCase), 'other'].sort());
  });

  it.each(EVERY_STATE)('"%s" is said in words in both languages', (state) => {
    const english = translator('en').message(ceremonyStatePhrase(state));
    const chinese = translator('zh-CN').message(ceremonyStatePhrase(state));
    // "finished" is the one state whose English word is its identifier.
    if (state !== 'finished') expect(english).not.toBe(state);
    expect(english).toMatch(/^[a-z][a-z -]+$/);
    expect(chinese).toMatch(/^[\u4e00-\u9fff]+$/u);
  });
});

describe('a phrase nested in a stored message', () => {
  it('is rendered in the outer message’s language by Translator.message and t', () => {
    const stored = {
      key: 'online.status.nothing-imported' as const,
      values: { stepPhrase: ceremonyStateValue('parameters-written') },
    };
    expect(translator('zh-CN').message(stored)).toBe('尚未导入任何内容（仪式步骤：已写出导入参数包）。');
    expect(translator('en').message(stored)).toBe(
      'Nothing imported yet (ceremony step: import-parameters bundle written).',
    );
    expect(translator('zh-CN').t('online.status.nothing-imported', stored.values)).toBe(
      '尚未导入任何内容（仪式步骤：已写出导入参数包）。',
    );
  });

  it('renders a phrase inside a phrase inside a message, and leaves a value that is not one as it is', () => {
    const inner = phraseValue({
      key: 'online.status.nothing-imported',
      values: { stepPhrase: ceremonyStateValue('new') },
    });
    const outer = { key: 'ceremony.state' as const, values: { state: inner } };
    // `state` is not a …Phrase value: printed as given (JSON), never parsed.
    expect(translator('zh-CN').message(outer)).toBe(inner);
    const twice = { key: 'online.status.nothing-imported' as const, values: { stepPhrase: inner } };
    expect(translator('zh-CN').message(twice)).toBe(
      '尚未导入任何内容（仪式步骤：尚未导入任何内容（仪式步骤：尚未开始）。）。',
    );
    expect(translator('en').message({ ...twice, values: { stepPhrase: '{"key":' } })).toBe(
      'Nothing imported yet (ceremony step: {"key":).',
    );
  });

  it('prints on a receipt in each column’s language, its own values escaped and made visible', () => {
    const stored = {
      key: 'online.status.nothing-imported' as const,
      values: { stepPhrase: ceremonyStateValue('<b>odd\u202Estate') },
    };
    expect(ReceiptWords.phraseText('zh-CN', stored)).toBe('尚未导入任何内容（仪式步骤：<b>odd[U+202E]state）。');
    const html = new ReceiptWords('both').phraseHtml({
      ...stored,
      values: { stepPhrase: ceremonyStateValue('material-ready') },
    });
    expect(html).toContain('<span lang="en">Nothing imported yet (ceremony step: key material ready).</span>');
    expect(html).toContain('<span lang="zh-Hans-CN">尚未导入任何内容（仪式步骤：密钥材料已就绪）。</span>');
    const odd = new ReceiptWords('en').phraseHtml(stored);
    expect(odd).toBe('Nothing imported yet (ceremony step: &lt;b&gt;odd[U+202E]state).');
    expect(odd).not.toContain('{');
  });
});
