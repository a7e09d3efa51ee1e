/**
 * Import parameters as the online side takes them from the KMS (bundle/import-parameters.ts): a real
 * get-parameters-for-import answer from the simulator over 127.0.0.1 becomes parameters whose wrapping
 * key fingerprint and token digest are the SHA-256 of the bytes it sent; an answer a
 * bundle could not carry correctly is refused with the key named, and key ids and tokens typed by a
 * person are trimmed or refused.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  importParametersFromKmsAnswer,
  importTokenSha256,
  parseImportTokenText,
  parseKeyId,
  tokenExpiryFromSeconds,
  type KmsImportAnswer,
} from '../../../src-main/core/bundle/import-parameters';
import { expectKeyferryError } from '../crypto/helpers/openssl';
import { signedPost, startSimWithClient, uniqueAlias, type SimSetup } from '../kms/helpers/sim';
import { testRsa1024PublicKey } from '../crypto/helpers/test-rsa-keys';

let setup: SimSetup;
let answer: KmsImportAnswer;
beforeAll(async () => {
  setup = await startSimWithClient();
  const { keyId } = await setup.client.createKey({ alias: uniqueAlias('params'), spec: 'AES_256' });
  const raw = await signedPost(
    setup.sim,
    'get-parameters-for-import',
    JSON.stringify({ key_id: keyId, wrapping_algorithm: 'RSAES_OAEP_SHA_256' }),
  );
  expect(raw.status).toBe(200);
  answer = raw.json as KmsImportAnswer;
});
afterAll(async () => {
  await setup.close();
});

const facts = {
  region: 'cn-north-4',
  projectId: '0123456789abcdef0123456789abcdef',
  keyAlias: 'payments/2026',
  keySpec: 'aes_256',
  keyUsage: 'ENCRYPT_DECRYPT',
  wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
} as const;

describe('importParametersFromKmsAnswer', () => {
  it("takes the simulator's answer: the wrapping key's SHA-256, the token's digest and its expiry", () => {
    const parameters = importParametersFromKmsAnswer({ ...facts, answer });
    const der = Buffer.from(answer.public_key, 'base64');
    expect(parameters.keyId).toBe(answer.key_id);
    expect(parameters.keySpec).toBe('AES_256');
    expect(parameters.wrappingKey.spkiDer.equals(der)).toBe(true);
    expect(parameters.wrappingKey.fingerprint).toBe(createHash('sha256').update(der).digest('hex'));
    expect(parameters.importToken).toEqual({
      keyId: answer.key_id,
      value: answer.import_token,
      sha256: createHash('sha256').update(answer.import_token).digest('hex'),
      expiry: {
        expiresAt: new Date(answer.expiration_time * 1000).toISOString(),
        expirationTime: answer.expiration_time,
      },
    });
    expect(parameters.origin).toEqual({
      kind: 'kms-answer',
      provider: 'huaweicloud',
      region: 'cn-north-4',
      projectId: facts.projectId,
      keyAlias: 'payments/2026',
      keyUsage: 'ENCRYPT_DECRYPT',
    });
  });

  it('refuses a wrapping key that is not canonical base64, naming the key', () => {
    expectKeyferryError(
      () => importParametersFromKmsAnswer({ ...facts, answer: { ...answer, public_key: `${answer.public_key}\n` } }),
      'BUNDLE_INPUT_INVALID',
      `The wrapping key of key ${answer.key_id} is not canonical base64.`,
    );
  });

  it('refuses an RSA-1024 wrapping key as a refused KMS answer', () => {
    const weak = testRsa1024PublicKey().export({ format: 'der', type: 'spki' });
    const error = expectKeyferryError(
      () => importParametersFromKmsAnswer({ ...facts, answer: { ...answer, public_key: weak.toString('base64') } }),
      'BUNDLE_INPUT_INVALID',
    );
    expect(error.message).toContain('RSA-1024');
    expect(error.message).not.toContain('Cannot write this bundle');
  });

  it('refuses an HMAC spec, a PKCS#1 v1.5 algorithm and a project id a bundle cannot carry', () => {
    expectKeyferryError(
      () => importParametersFromKmsAnswer({ ...facts, keySpec: 'HMAC_256', answer }),
      'SPEC_NOT_IMPORTABLE',
    );
    expectKeyferryError(
      () => importParametersFromKmsAnswer({ ...facts, wrappingAlgorithm: 'RSAES_PKCS1_V1_5', answer }),
      'ALGORITHM_REFUSED',
    );
    const error = expectKeyferryError(
      () => importParametersFromKmsAnswer({ ...facts, projectId: 'project/../x', answer }),
      'BUNDLE_INPUT_INVALID',
    );
    expect(error.message).toContain(
      `The import parameters of key ${answer.key_id} are not usable: its field projectId is invalid.`,
    );
  });
});

describe('tokenExpiryFromSeconds', () => {
  it('gives the moment in both forms', () => {
    expect(tokenExpiryFromSeconds(1_767_225_600)).toEqual({
      expiresAt: '2026-01-01T00:00:00.000Z',
      expirationTime: 1_767_225_600,
    });
  });

  it.each([0, -1, 1.5, 253_402_300_800, Number.NaN])('refuses %s seconds', (seconds) => {
    expectKeyferryError(
      () => tokenExpiryFromSeconds(seconds),
      'BUNDLE_INPUT_INVALID',
      /is not a time in whole seconds/,
    );
  });
});

describe('what a person types', () => {
  it('a key id is trimmed; a path is refused', () => {
    expect(parseKeyId(`  ${answer.key_id}\n`)).toBe(answer.key_id);
    expectKeyferryError(() => parseKeyId('../../etc'), 'BUNDLE_INPUT_INVALID', '"../../etc" is not a key id');
  });

  it('an import token is trimmed; a short one is refused', () => {
    expect(parseImportTokenText(`\n${answer.import_token}  `)).toBe(answer.import_token);
    expect(importTokenSha256(answer.import_token)).toBe(createHash('sha256').update(answer.import_token).digest('hex'));
    expectKeyferryError(
      () => parseImportTokenText('short'),
      'BUNDLE_INPUT_INVALID',
      /^The import token is not valid: /,
    );
  });
});
