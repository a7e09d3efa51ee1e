/**
 * Progress lines of long steps: a screen or terminal that fails to show one never fails the
 * ceremony step, and each line carries its catalogue code and values, so each surface shows it in
 * its own language.
 */
import { describe, expect, it } from 'vitest';
import {
  progressLine,
  reportProgress,
  type CeremonyProgress,
} from '../../../../src-main/core/ceremony/shared/progress';
import { translator } from '../../../../src-main/i18n/translate';

const WRAPPING: CeremonyProgress = { step: 'wrap', done: 1, total: 3, keyId: 'k', message: 'Wrapping key 2 of 3' };

describe('reportProgress', () => {
  it('keeps a step going when the listener throws, and does nothing without one', () => {
    expect(() =>
      reportProgress(() => {
        throw new Error('window closed');
      }, WRAPPING),
    ).not.toThrow();
    expect(() => reportProgress(undefined, WRAPPING)).not.toThrow();
  });

  it('hands each listener its own copy, so a listener cannot change what the step reports next', () => {
    const seen: CeremonyProgress[] = [];
    const progress = { ...WRAPPING };
    reportProgress((p) => {
      (p as { done: number }).done = 99;
      seen.push(p);
    }, progress);
    expect(progress.done).toBe(1);
    expect(seen).toHaveLength(1);
    expect(seen[0]).not.toBe(progress);
  });
});

describe('progressLine', () => {
  it('carries the code and values, with the English line filled in; other surfaces render them in their language', () => {
    const line = progressLine('wrap-key', { n: 2, total: 3 });
    expect(line).toEqual({ code: 'wrap-key', values: { n: 2, total: 3 }, message: 'Wrapping key 2 of 3' });
    expect(translator('zh-CN').progress(line)).toBe('正在包装密钥（第 2 个，共 3 个）');
    expect(progressLine('generated', { count: 1 }).message).toBe('Generated 1 key');
  });
});
