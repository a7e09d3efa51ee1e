/**
 * What a KMS failure tells the person at the screen (core/kms/errors.ts): the service's code with
 * the catalogue's texts in English and Chinese, the locked access key told apart from a wrong
 * signature, a code Keyferry does not know shown with what the service said (shortened), and
 * which failures may have taken effect (5xx) or may be retried (5xx, 429).
 */
import { describe, expect, it } from 'vitest';
import { toProblem } from '../../../src-main/core/errors';
import { badResponse, isKmsError, KmsError, kmsServiceError } from '../../../src-main/core/kms/errors';
import { translator } from '../../../src-main/i18n/translate';

const shown = (error: KmsError, language: 'en' | 'zh-CN' = 'en') => translator(language).problem(toProblem(error));

describe('an error answer of the service', () => {
  it('is its code, with the texts of that code in English and Chinese and the request id kept', () => {
    const error = kmsServiceError('KMS.0207', 'The key does not exist.', 404, 'req-1');
    expect(error).toMatchObject({
      code: 'KMS.0207',
      httpStatus: 404,
      requestId: 'req-1',
      serviceMessage: 'The key does not exist.',
    });
    expect(isKmsError(error)).toBe(true);
    expect(shown(error).message).toBe('The key does not exist in this project and region.');
    expect(shown(error, 'zh-CN').message).toBe('此项目和区域中不存在该密钥。');
  });

  it('APIGW.0301 says the AK is locked only when the service says so', () => {
    const locked = kmsServiceError('APIGW.0301', 'The access key is locked for 5 minutes', 401, undefined);
    const wrong = kmsServiceError('APIGW.0301', 'Incorrect IAM authentication information', 401, undefined);
    expect(shown(locked).message).toBe('The access key is locked after five wrong signatures in a row.');
    expect(shown(locked).nextStep).toMatch(/^Wait five minutes/);
    expect(shown(wrong).message).toBe('The cloud refused the request’s signature.');
    expect(shown(wrong, 'zh-CN').message).toBe('云服务拒绝了请求的签名。');
  });

  it('with a code Keyferry does not know, quotes what the service said, at most 300 characters', () => {
    const said = `Quota exceeded ${'x'.repeat(400)}`;
    const error = kmsServiceError('KMS.9999', said, 400, undefined);
    const { message, nextStep } = shown(error);
    expect(message).toContain('KMS.9999 (HTTP 400)');
    expect(message).toContain(said.slice(0, 300));
    expect(message).not.toContain(said.slice(0, 301));
    expect(nextStep).toMatch(/Huawei Cloud documentation/);
    expect(shown(kmsServiceError('KMS.9999', undefined, 503, undefined)).nextStep).toBe('Wait a minute and retry.');
  });

  it('a 5xx may have taken effect and may be retried; a 429 may be retried and did not; a 4xx neither', () => {
    expect(kmsServiceError('KMS.0101', undefined, 503, undefined)).toMatchObject({ ambiguous: true, retryable: true });
    expect(kmsServiceError('APIG.0308', undefined, 429, undefined)).toMatchObject({
      ambiguous: false,
      retryable: true,
    });
    expect(kmsServiceError('KMS.2601', undefined, 400, undefined)).toMatchObject({
      ambiguous: false,
      retryable: false,
    });
  });
});

describe('an answer that is not what the KMS documents', () => {
  it('says how it differs, with the texts complete for every reason', () => {
    const other = badResponse({ reason: 'otherKey', action: 'describe-key', answered: 'key-b', asked: 'key-a' });
    expect(other.code).toBe('KMS_BAD_RESPONSE');
    expect(shown(other).message).toBe('The KMS answered describe-key for key key-b, not the key asked for (key-a).');
    const tooLarge = badResponse({ reason: 'tooLarge', host: 'kms.example', limit: 1024 });
    expect(shown(tooLarge).message).toBe('The answer from kms.example exceeded 1024 bytes.');
    for (const error of [other, tooLarge]) {
      for (const language of ['en', 'zh-CN'] as const) expect(shown(error, language).message).not.toMatch(/[{}]/);
    }
  });
});
