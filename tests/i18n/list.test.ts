/** Name lists as each language writes them: `赵敏、钱磊、孙丽` in Chinese, `Ann, Ben, Chloé` in English. */
import { describe, expect, it } from 'vitest';
import { KeyferryError, toProblem } from '../../src-main/core/errors';
import { custodyLine } from '../../src-main/i18n/custody-line';
import { listText, listValue } from '../../src-main/i18n/list';
import { translator } from '../../src-main/i18n/translate';

const NAMES = ['赵敏', '钱磊', '孙丽'];
const [en, zh] = [translator('en'), translator('zh-CN')];

describe('lists of names', () => {
  it('joins with 、 in Chinese and ", " in English', () => {
    expect(listText(zh, NAMES)).toBe('赵敏、钱磊、孙丽');
    expect(listText(en, ['Ann', 'Ben', 'Chloé'])).toBe('Ann, Ben, Chloé');
    expect(listText(zh, ['赵敏'])).toBe('赵敏');
  });

  it('a list carried in a problem’s values is joined in the language the problem is read in', () => {
    const problem = toProblem(
      new KeyferryError('WITNESS_UNKNOWN', {
        witness: 'Mallory',
        witnessesList: listValue(NAMES),
        match: 'none',
        meant: '',
      }),
    );
    expect(zh.problem(problem).nextStep).toBe('确认只能由指定的见证人作出：赵敏、钱磊、孙丽。');
    expect(en.problem(problem).nextStep).toBe('Confirmations come from the named witnesses: 赵敏, 钱磊, 孙丽.');
    // The journal and IPC carry the names themselves, not a sentence in either language.
    expect(JSON.parse(String(problem.values?.witnessesList))).toEqual(NAMES);
  });

  it('a value not written by listValue is shown as it is', () => {
    const problem = toProblem(
      new KeyferryError('WITNESS_UNKNOWN', { witness: 'M', witnessesList: '[not json', match: 'none', meant: '' }),
    );
    expect(zh.problem(problem).nextStep).toContain('[not json');
  });

  it('the custodians of a custody split on a bundle’s custody line', () => {
    const custody = { kind: 'shares', threshold: 2, total: 3, custodians: NAMES } as const;
    expect(custodyLine(zh.t, custody)).toContain('赵敏、钱磊、孙丽');
    expect(custodyLine(zh.t, custody)).not.toContain(', ');
    expect(custodyLine(en.t, custody)).toContain('赵敏, 钱磊, 孙丽');
  });
});
