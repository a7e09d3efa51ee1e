/**
 * A witness's refused confirmation as the receipt's People section prints it: the groups that
 * differed named as groups in words, in each language (the trial found the English receipt
 * printing "in groupsList 15, 16 of 16", a placeholder's name), and never the value typed.
 */
import { describe, expect, it } from 'vitest';
import { refusedAct } from '../../../src-main/core/receipt/journal-facts';
import { ReceiptWords } from '../../../src-main/core/receipt/language';

const slip = (groups: number[]) =>
  refusedAct(14, { artefact: 'import-parameters-bundle', code: 'WITNESS_DIGEST_SLIP', differingGroups: groups });

describe('a refused witness confirmation on the receipt', () => {
  it('names one group, or several groups, in words in English and Chinese', () => {
    expect(ReceiptWords.phraseText('en', slip([7]))).toBe(
      'entry 14: typed a value that differs from the import-parameters bundle digest in group 7 of 16; refused',
    );
    expect(ReceiptWords.phraseText('en', slip([15, 16]))).toBe(
      'entry 14: typed a value that differs from the import-parameters bundle digest in groups 15, 16 of 16; refused',
    );
    const chinese = ReceiptWords.phraseText('zh-CN', slip([15, 16]));
    expect(chinese).toContain('第 15、16 组');
    expect(chinese).not.toMatch(/groups?List/);
  });

  it('says a refusal as it was made: three groups journaled as no slip (before 2026-12-06) stay no slip', () => {
    const older = refusedAct(9, {
      artefact: 'import-parameters-bundle',
      code: 'WITNESS_DIGEST_MISMATCH',
      differingGroups: [2, 7, 12],
    });
    expect(ReceiptWords.phraseText('en', older)).toContain('in 3 of 16 groups (not a typing slip)');
    expect(ReceiptWords.phraseText('en', slip([2, 7, 12]))).toContain('in groups 2, 7, 12 of 16; refused');
  });
});
