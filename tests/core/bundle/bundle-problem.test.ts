/**
 * What a person reads when a bundle is refused (bundle/bundle-problem.ts): one code each for a bad
 * manifest and for input that cannot make a bundle, one sentence per reason naming the key, in English
 * and Chinese; a refusal passed on from another check says that check's own words.
 */
import { describe, expect, it } from 'vitest';
import { bundleInputInvalid, bundleInputRefused, manifestInvalid } from '../../../src-main/core/bundle/bundle-problem';
import { KeyferryError } from '../../../src-main/core/errors';
import { translator } from '../../../src-main/i18n/translate';

const KEY = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
const zh = translator('zh-CN');

describe('manifestInvalid', () => {
  it.each([
    [{ reason: 'notJson', file: 'manifest.json' }, 'manifest.json is not valid JSON'],
    [{ reason: 'notObject', file: 'manifest.json' }, 'manifest.json is not a JSON object.'],
    [
      {
        reason: 'schema',
        file: 'manifest.json',
        format: 'keyferry.wrapped-material',
        fieldCount: 2,
        fieldsList: 'keys, files',
      },
      'manifest.json does not match the keyferry.wrapped-material format: its fields keys, files are invalid.',
    ],
    [
      { reason: 'spec', keyId: KEY, keySpec: 'RSA_2048', problem: 'kcvOnAsymmetric' },
      `Key ${KEY} (RSA_2048) has a key check value, which only symmetric keys have.`,
    ],
    [
      { reason: 'spec', keyId: KEY, keySpec: 'AES_256', problem: 'fingerprintOnSymmetric' },
      `Key ${KEY} (AES_256) has a public key fingerprint, which only asymmetric keys have.`,
    ],
  ] as const)('says why the manifest is refused: %j', (values, words) => {
    const error = manifestInvalid(values);
    expect(error.code).toBe('BUNDLE_MANIFEST_INVALID');
    expect(error.message).toContain(words);
    const chinese = zh.problem(error.toProblem()).message;
    expect(chinese).toMatch(/[\u4e00-\u9fff]/);
    if ('keyId' in values) expect(chinese).toContain(KEY);
  });
});

describe('bundleInputInvalid', () => {
  it.each([
    [{ reason: 'noToken', keyId: KEY }, `The parameters of key ${KEY} have no import token`],
    [
      { reason: 'privateKeyMissing', keyId: KEY, keySpec: 'EC_P256' },
      `Key ${KEY} is EC_P256 but its wrapped private key or public key is missing.`,
    ],
    [{ reason: 'notKeyId', value: '../etc' }, '"../etc" is not a key id'],
    [{ reason: 'tokenExpiry', value: '1.5' }, 'The token expiry 1.5 is not a time in whole seconds since 1970.'],
  ] as const)('says what is wrong with the input and that nothing was written: %j', (values, words) => {
    const error = bundleInputInvalid(values);
    expect(error.code).toBe('BUNDLE_INPUT_INVALID');
    expect(error.message).toContain(words);
    expect(error.nextStep).toMatch(/^Nothing was written\./);
    expect(zh.problem(error.toProblem()).message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('bundleInputRefused', () => {
  it("passes on the refusing check's own words and keeps it as the cause", () => {
    const refusal = new KeyferryError('SPEC_NOT_IMPORTABLE', { spec: 'HMAC_256' });
    const error = bundleInputRefused(refusal);
    expect(error.code).toBe('BUNDLE_INPUT_INVALID');
    expect(error.cause).toBe(refusal);
    expect(error.message).toMatch(/^Cannot write this bundle: .*Key spec HMAC_256 cannot be imported/);
    expect(zh.problem(error.toProblem()).message).toContain('HMAC_256');
  });

  it("a refused KMS answer reads as the answer's refusal alone", () => {
    const refusal = new KeyferryError('SPEC_NOT_IMPORTABLE', { spec: 'HMAC_512' });
    const error = bundleInputRefused(refusal, 'kmsAnswerRefused');
    expect(error.message).not.toContain('Cannot write this bundle');
    expect(error.message).toContain('Key spec HMAC_512 cannot be imported');
  });
});
