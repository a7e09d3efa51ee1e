/**
 * How a refusal names the key someone gave instead of the one the spec wants (key-description.ts
 * into the catalogue's "An RSA-3072 key was given for RSA_2048."), for keys as OpenSSL and Node
 * make them, in English and Chinese; the values are type and size only, never key bytes.
 */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyObjectValues } from '../../../src-main/core/crypto/key-description';
import { translator } from '../../../src-main/i18n/translate';
import { testRsaKeyPair } from './helpers/test-rsa-keys';

const refusal = (key: Parameters<typeof keyObjectValues>[0], language: 'en' | 'zh-CN' = 'en') =>
  translator(language).problem({
    code: 'MATERIAL_SPEC_MISMATCH',
    message: '',
    nextStep: '',
    values: { ...keyObjectValues(key), spec: 'RSA_2048' },
  }).message;

describe('the key found, as a refusal names it', () => {
  it('says the type and size of RSA, RSA-PSS and EC keys, with the curve by its NIST name', () => {
    expect(refusal(testRsaKeyPair('rsa3072').privateKey)).toBe('An RSA-3072 key was given for RSA_2048.');
    expect(refusal(generateKeyPairSync('rsa-pss', { modulusLength: 1024 }).privateKey)).toBe(
      'An RSA-PSS-1024 key (restricted to PSS signatures) was given for RSA_2048.',
    );
    expect(refusal(generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey)).toBe(
      'An EC P-384 key was given for RSA_2048.',
    );
    expect(refusal(generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey)).toBe(
      'An EC secp256k1 key was given for RSA_2048.',
    );
  });

  it('names Ed25519, X448 and DSA keys, and has the same facts in Chinese', () => {
    expect(refusal(generateKeyPairSync('ed25519').privateKey)).toBe('An Ed25519 key was given for RSA_2048.');
    expect(refusal(generateKeyPairSync('x448').publicKey)).toBe('An X448 key was given for RSA_2048.');
    expect(refusal(generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 160 }).privateKey)).toBe(
      'A DSA-1024 key was given for RSA_2048.',
    );
    const zh = refusal(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey, 'zh-CN');
    expect(zh).toContain('P-256');
    expect(zh).toContain('RSA_2048');
  });
});
