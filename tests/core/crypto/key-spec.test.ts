/**
 * Which key specs and wrapping algorithms a person may type (crypto/key-spec.ts): the accepted ones in
 * any letter case, and for the rest the reason they are refused, in words that name what to choose.
 */
import { describe, expect, it } from 'vitest';
import {
  isAsymmetric,
  parseKeySpec,
  parseWrappingAlgorithm,
  symmetricMaterialBytes,
} from '../../../src-main/core/crypto/key-spec';
import { translator } from '../../../src-main/i18n/translate';
import { expectKeyferryError } from './helpers/openssl';

describe('parseKeySpec', () => {
  it.each([
    ['aes_256', 'AES_256'],
    ['  RSA_3072 ', 'RSA_3072'],
    ['ec_p384', 'EC_P384'],
  ])('accepts %j as %s', (typed, spec) => {
    expect(parseKeySpec(typed)).toBe(spec);
  });

  it.each([
    ['hmac_256', 'SPEC_NOT_IMPORTABLE', /Key spec HMAC_256 cannot be imported: .*HMAC keys/],
    ['SM4', 'SPEC_NOT_SUPPORTED', /Key spec SM4 is not supported yet/],
    ['ed25519', 'SPEC_NOT_SUPPORTED', /Key spec ED25519 is not supported yet/],
    ['AES_512', 'SPEC_UNKNOWN', 'Unknown key spec "AES_512".'],
  ])('refuses %j with %s', (typed, code, words) => {
    expectKeyferryError(() => parseKeySpec(typed), code, words);
  });

  it('names every spec it accepts when it does not know the one given, in English and Chinese', () => {
    const error = expectKeyferryError(() => parseKeySpec('AES-256'), 'SPEC_UNKNOWN');
    for (const spec of ['AES_256', 'RSA_2048', 'RSA_4096', 'EC_P256', 'EC_P384'])
      expect(error.nextStep).toContain(spec);
    const zh = translator('zh-CN').problem(error.toProblem());
    expect(zh.message).toContain('AES-256');
    expect(zh.nextStep).toContain('EC_P384');
  });
});

describe('parseWrappingAlgorithm', () => {
  it('accepts both OAEP algorithms in any letter case', () => {
    expect(parseWrappingAlgorithm(' rsaes_oaep_sha_256')).toBe('RSAES_OAEP_SHA_256');
    expect(parseWrappingAlgorithm('RSAES_OAEP_SHA_1')).toBe('RSAES_OAEP_SHA_1');
  });

  it.each([
    ['rsaes_pkcs1_v1_5', 'ALGORITHM_REFUSED', /RSAES_PKCS1_V1_5 is refused: .*padding-oracle/],
    ['SM2_ENCRYPT', 'ALGORITHM_NOT_SUPPORTED', /SM2_ENCRYPT is not supported yet/],
    ['RSAES_OAEP_SHA_384', 'ALGORITHM_UNKNOWN', 'Unknown wrapping algorithm "RSAES_OAEP_SHA_384".'],
  ])('refuses %j with %s', (typed, code, words) => {
    expectKeyferryError(() => parseWrappingAlgorithm(typed), code, words);
  });

  it('lists the algorithms it accepts when it does not know the one given', () => {
    const error = expectKeyferryError(() => parseWrappingAlgorithm('OAEP'), 'ALGORITHM_UNKNOWN');
    expect(error.nextStep).toContain('RSAES_OAEP_SHA_256');
    expect(error.nextStep).toContain('RSAES_OAEP_SHA_1');
  });
});

describe('spec kinds', () => {
  it('AES_256 material is 32 raw bytes; asymmetric material has no raw size', () => {
    expect(symmetricMaterialBytes('AES_256')).toBe(32);
    expect(() => symmetricMaterialBytes('RSA_2048')).toThrow(/private key, not raw bytes/);
    expect(() => symmetricMaterialBytes('EC_P256')).toThrow(/private key, not raw bytes/);
  });

  it('RSA and EC specs are asymmetric, AES is not', () => {
    expect(isAsymmetric('AES_256')).toBe(false);
    for (const spec of ['RSA_2048', 'RSA_3072', 'RSA_4096', 'EC_P256', 'EC_P384'] as const)
      expect(isAsymmetric(spec), spec).toBe(true);
  });
});
