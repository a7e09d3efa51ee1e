/**
 * The words of a receipt or slip in the language the auditor chose: English, Chinese, or both side
 * by side (each column declaring its language); catalogue texts escaped, names and other typed
 * values visible and bidi-isolated, choices (select values) choosing, and a phrase held in a value
 * said in the same language as the text around it.
 */
import { journalEventPhrase } from '../../../src-main/i18n/journal-events';
import { phraseValue } from '../../../src-main/i18n/phrase';
import { describe, expect, it } from 'vitest';
import {
  receiptHtmlLang,
  receiptLanguageSchema,
  receiptLocales,
  ReceiptWords,
} from '../../../src-main/core/receipt/language';
import { RECEIPT_LANGUAGES } from '../../../src-main/core/receipt/receipt-languages';
import { ceremonyStateValue } from '../../../src-main/i18n/ceremony-state';

describe('the receipt languages', () => {
  it('prints English, Chinese, or both in two columns, English first', () => {
    expect(RECEIPT_LANGUAGES.map((l) => [l, receiptLocales(l), receiptHtmlLang(l)])).toEqual([
      ['en', ['en'], 'en'],
      ['zh-CN', ['zh-CN'], 'zh-Hans-CN'],
      ['both', ['en', 'zh-CN'], 'en'],
    ]);
    expect(receiptLanguageSchema.safeParse('both').success).toBe(true);
    expect(receiptLanguageSchema.safeParse('zh').success).toBe(false);
  });
});

describe('ReceiptWords.html', () => {
  it('says a text in the chosen language, choosing by a select value', () => {
    expect(new ReceiptWords('en').html('receipt.side', { side: 'online' })).toBe('Online workstation');
    expect(new ReceiptWords('zh-CN').html('receipt.side', { side: 'air-gapped' })).toBe('离线工作站（物理隔离）');
  });

  it('puts both languages in two columns, each declaring its language', () => {
    expect(new ReceiptWords('both').html('receipt.side', { side: 'online' })).toBe(
      '<span class="bi"><span lang="en">Online workstation</span><span lang="zh-Hans-CN">联网工作站</span></span>',
    );
  });

  it('prints a typed value escaped, visible and isolated from the words around it', () => {
    const html = new ReceiptWords('en').html('receipt.rehearsal', { title: '<b>Q1</b> keys\u202E' });
    expect(html).toBe('<bdi>&lt;b&gt;Q1&lt;/b&gt; keys[U+202E]</bdi> (REHEARSAL)');
  });

  it('says a phrase held in a value in the language of the text around it', () => {
    const html = new ReceiptWords('both').html('receipt.deviations.state', {
      statePhrase: ceremonyStateValue('keys-created'),
      step: 'none',
      stepPhrase: '',
      seq: 0,
      actor: '',
    });
    expect(html).toBe(
      '<span class="bi"><span lang="en">Ceremony step: keys created</span><span lang="zh-Hans-CN">仪式步骤：已创建密钥</span></span>',
    );
    expect(html).not.toContain('statePhrase');
    expect(html).not.toContain('{');
  });
});

describe('ReceiptWords.text', () => {
  it('gives plain text in one language, every typed value made visible, nothing escaped', () => {
    expect(ReceiptWords.text('en', 'receipt.rehearsal', { title: 'Q1 <keys>\nnext' })).toBe(
      'Q1 <keys>[U+000A]next (REHEARSAL)',
    );
    expect(
      ReceiptWords.text('zh-CN', 'receipt.deviations.state', {
        statePhrase: ceremonyStateValue('keys-created'),
        step: 'entry',
        stepPhrase: phraseValue(journalEventPhrase('witness.confirmed')),
        seq: 12,
        actor: '李娜',
      }),
    ).toBe('仪式步骤：已创建密钥；在“见证人已确认”（条目 12，由李娜记录）之后停止');
  });
});
