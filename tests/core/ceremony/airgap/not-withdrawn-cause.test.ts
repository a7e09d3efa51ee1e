/**
 * A custody.withdraw-failed entry's cause is said in the reader's words on the journal screen and the
 * receipts' Deviations, never as its code ("Cause: shareMissing" was printed before).
 */
import { describe, expect, it } from 'vitest';
import { NOT_WITHDRAWN_CAUSES } from '../../../../src-main/core/ceremony/airgap/not-withdrawn-cause';
import { dataFields, fieldsText } from '../../../../src-main/i18n/data-fields';
import { translator } from '../../../../src-main/i18n/translate';

const said = (locale: 'en' | 'zh-CN', cause: string) => fieldsText(translator(locale), dataFields({ cause }));

describe('why custody files were not withdrawn', () => {
  it('is said in words in English and Chinese, each cause its own', () => {
    expect(said('en', 'shareMissing')).toBe('Cause: the share was not in the folder');
    expect(said('en', 'unreadable')).toBe('Cause: the folder could not be read');
    expect(said('zh-CN', 'shareMissing')).toContain('份额不在该文件夹中');
    for (const locale of ['en', 'zh-CN'] as const) {
      const texts = NOT_WITHDRAWN_CAUSES.map((cause) => said(locale, cause));
      for (const [i, cause] of NOT_WITHDRAWN_CAUSES.entries()) expect(texts[i]).not.toContain(cause);
      expect(new Set(texts).size).toBe(NOT_WITHDRAWN_CAUSES.length);
    }
  });

  it('leaves another event’s cause as it is', () => {
    expect(said('en', 'timeout')).toBe('Cause: timeout');
  });
});
