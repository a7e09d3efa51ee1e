/**
 * No raw machine value inside a sentence: an expired import token's time is said as a moment in the
 * reader's language (it was the raw ISO string in both), and a token never issued says so.
 */
import { describe, expect, it } from 'vitest';
import { parametersForBundle } from '../../src-main/core/ceremony/online/issued-parameters';
import type { OnlineKeyState } from '../../src-main/core/ceremony/online/state';
import { toProblem } from '../../src-main/core/errors';
import { momentText } from '../../src-main/i18n/moment';
import { translator } from '../../src-main/i18n/translate';

const KEY = '0d0c3f0e-6a51-4c36-a0b5-2f1d5f2f6a11';

function refusal(issued: { tokenExpiresAt: string }[], now: Date) {
  try {
    parametersForBundle({ keyId: KEY, issued } as unknown as OnlineKeyState, now, 'never');
  } catch (error) {
    return toProblem(error);
  }
  throw new Error('not refused');
}

describe('IMPORT_TOKEN_EXPIRED', () => {
  it('says when the token expired as a moment, in Chinese and in English', () => {
    const at = '2026-12-01T10:00:00.000Z';
    const problem = refusal([{ tokenExpiresAt: at }], new Date('2026-12-01T11:00:00Z'));
    expect(problem.code).toBe('IMPORT_TOKEN_EXPIRED');
    expect(translator('zh-CN').problem(problem).message).toBe(
      `密钥 ${KEY} 的导入令牌已于 ${momentText('zh-CN', at)} 过期；KMS 会拒绝导入。`,
    );
    expect(translator('en').problem(problem).message).toBe(
      `The import token of key ${KEY} expired at ${momentText('en', at)}; the KMS would refuse the import.`,
    );
    expect(translator('en').problem(problem).message).not.toContain(at);
  });

  it('says a token was never issued without a time', () => {
    const problem = refusal([], new Date());
    expect(translator('zh-CN').problem(problem).message).toBe(`密钥 ${KEY} 的导入令牌已过期。`);
    expect(translator('en').problem(problem).message).toBe(`The import token of key ${KEY} has expired.`);
  });
});
