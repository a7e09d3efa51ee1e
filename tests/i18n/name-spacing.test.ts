import { describe, expect, it } from 'vitest';
import { markedName, markedNames, unmarkedNames } from '../../src-main/i18n/name-spacing';
import { translator } from '../../src-main/i18n/translate';
import { ReceiptWords } from '../../src-main/core/receipt/language';
import { listValue } from '../../src-main/i18n/list';

const zh = translator('zh-CN');
const en = translator('en');
const stop = (actor: string) => ({ statePhrase: 'x', step: 'some', stepPhrase: 'y', seq: 12, actor });

describe('people named in Chinese text', () => {
  it('sets a name in Chinese characters into the sentence without spaces, and a Latin name apart', () => {
    const chinese = zh.t('receipt.deviations.state', stop('李娜'));
    expect(chinese).toContain('由李娜记录');
    expect(chinese).not.toContain(' 李娜');
    expect(zh.t('receipt.deviations.state', stop('Alice'))).toContain('由 Alice 记录');
    // English is left as it is written, and no mark is left in any text.
    const english = en.t('receipt.deviations.state', stop('李娜'));
    expect(english).toContain(' 李娜)');
    expect(english).not.toMatch(/[\uE000-\uE0FF]/u);
  });

  it('does the same on an HTML receipt, where the name is escaped apart', () => {
    const words = new ReceiptWords('zh-CN');
    expect(words.phraseHtml({ key: 'receipt.deviations.state', values: stop('李娜') })).toContain(
      '由<bdi>李娜</bdi>记录',
    );
    // The edges are the name's own: one ending in a sign keeps its space.
    expect(words.phraseHtml({ key: 'receipt.deviations.state', values: stop('李<娜>') })).toContain(
      '由<bdi>李&lt;娜&gt;</bdi> 记录',
    );
    expect(new ReceiptWords('zh-CN').phraseHtml({ key: 'receipt.deviations.state', values: stop('Bob') })).toContain(
      '由 <bdi>Bob</bdi> 记录',
    );
  });

  it('joins only at the edge that is a Chinese character, and keeps the name as typed', () => {
    expect(unmarkedNames(`由 ${markedName('witness', '王 Wei')} 记录`)).toBe('由王 Wei 记录');
    expect(unmarkedNames(`由 ${markedName('witness', 'Wei 王')} 记录`)).toBe('由 Wei 王记录');
  });

  it('does not let a typed mark move a space, and leaves other values alone', () => {
    const marked = markedNames({ witness: 'Wei\uE004', alias: '李娜' });
    expect(unmarkedNames(`由 ${String(marked.witness)} 记录`)).toBe('由 Wei 记录');
    expect(marked.alias).toBe('李娜');
    expect(unmarkedNames('第 3 条')).toBe('第 3 条');
  });
  it('sets a list of witnesses or custodians in Chinese characters into the sentence without spaces', () => {
    const madeBy = zh.t('bundle.madeBy', {
      purpose: 'wrap',
      operator: '赵敏',
      count: 2,
      witnessList: listValue(['钱磊', '孙丽']),
      journal: 'airgap.jsonl',
      firstEntry: 'C724',
    });
    expect(madeBy).toContain('由操作员赵敏与见证人钱磊、孙丽包装');
    const pending = zh.t('problem.WITNESS_CONFIRMATION_MISSING', {
      count: 2,
      pendingList: listValue(['钱磊', '孙丽']),
      artefactPhrase: '',
    });
    expect(pending).toContain('见证人钱磊、孙丽尚未确认');
    const custody = zh.t('bundle.custody', {
      kind: 'shares',
      threshold: 2,
      total: 3,
      custodians: '周一、吴二、郑三',
      set: 'named',
      setTag: 'B393CAED',
      labelled: 'no',
      label: '',
      serialKnown: 'no',
      serial: '',
      acknowledged: 'no',
    });
    expect(custody).toContain('由周一、吴二、郑三保管');
  });
});
