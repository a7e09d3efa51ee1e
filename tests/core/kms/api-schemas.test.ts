/**
 * The KMS answers' documented shapes (core/kms/api-schemas.ts), read as the client reads them
 * (`parseAnswer`): the answers the reference documents pass with their values; an answer that
 * would put a wrong value into a ceremony (a key id with a path in it, an unknown key state,
 * numbers where the KMS sends strings, a token or wrapping key that is not base64) is refused
 * as KMS_BAD_RESPONSE naming the action and the field. The simulator checks what Keyferry sends
 * against the same patterns: an RSA-OAEP ciphertext under a 2048-bit wrapping key (the only one
 * Huawei's import accepts) fits, one under a 3072-bit key does not.
 */
import { constants, generateKeyPairSync, publicEncrypt, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyferryError } from '../../../src-main/core/errors';
import { parseAnswer } from '../../../src-main/core/kms/answers';
import {
  ENCRYPTED_KEY_MATERIAL_PATTERN,
  IMPORT_TOKEN_PATTERN,
  describeKeyAnswer,
  flatErrorAnswer,
  importParametersAnswer,
  listKeysAnswer,
  nestedErrorAnswer,
  signAnswer,
  verifyAnswer,
} from '../../../src-main/core/kms/api-schemas';
import type { z } from 'zod';
import { testRsaKeyPair } from '../crypto/helpers/test-rsa-keys';

const KEY_ID = '43f1ffd7-18fb-4568-9575-602e009b7ee8';
const answer = (body: unknown) => ({ status: 200, headers: {}, body: Buffer.from(JSON.stringify(body)) });

function refusedAt<T>(schema: z.ZodType<T>, body: unknown, action: string): { where: unknown; message: string } {
  try {
    parseAnswer(answer(body), schema, action);
  } catch (error) {
    if (!(error instanceof KeyferryError) || error.code !== 'KMS_BAD_RESPONSE') throw error;
    return { where: error.values?.where, message: error.message };
  }
  throw new Error('expected KMS_BAD_RESPONSE, but the answer was accepted');
}

const keyInfo = {
  key_id: KEY_ID,
  domain_id: 'b168fe00ff56492495a7d22974df2d0b',
  key_alias: 'kms_test',
  key_spec: 'AES_256',
  key_usage: 'ENCRYPT_DECRYPT',
  key_description: '',
  creation_date: '1502416187000',
  scheduled_deletion_date: '',
  key_state: '2',
  origin: 'external',
  expiration_time: '1535000000000',
};

describe('documented answers', () => {
  it('pass with their values: describe-key, list-keys, get-parameters-for-import, sign, verify', () => {
    const wrapping = testRsaKeyPair('rsa2048').publicKey;
    const parameters = {
      key_id: KEY_ID,
      public_key: wrapping.export({ type: 'spki', format: 'der' }).toString('base64'),
      import_token: randomBytes(400).toString('base64'),
      expiration_time: 1501578672,
    };
    expect(parseAnswer(answer({ key_info: keyInfo }), describeKeyAnswer, 'describe-key').key_info).toEqual(keyInfo);
    expect(
      parseAnswer(
        answer({ keys: [KEY_ID], key_details: [keyInfo], next_marker: '', truncated: 'false', total: 1 }),
        listKeysAnswer,
        'list-keys',
      ).truncated,
    ).toBe('false');
    expect(parseAnswer(answer(parameters), importParametersAnswer, 'get-parameters-for-import')).toEqual(parameters);
    expect(parseAnswer(answer({ key_id: KEY_ID, signature: 'MEUCIQ==' }), signAnswer, 'sign').signature).toBe(
      'MEUCIQ==',
    );
    expect(
      parseAnswer(answer({ key_id: KEY_ID, signature_valid: 'true' }), verifyAnswer, 'verify').signature_valid,
    ).toBe('true');
  });

  it("read both error shapes: the KMS's nested one and the API gateway's flat one", () => {
    expect(
      nestedErrorAnswer.parse({ error: { error_code: 'KMS.2601', error_msg: 'The import token has expired.' } }).error
        .error_code,
    ).toBe('KMS.2601');
    expect(
      flatErrorAnswer.parse({ error_code: 'APIG.0308', error_msg: 'throttled', request_id: 'r-1' }).error_code,
    ).toBe('APIG.0308');
    expect(nestedErrorAnswer.safeParse({ error: { error_code: '' } }).success).toBe(false);
  });
});

describe('an answer that would put a wrong value into the ceremony', () => {
  it.each<[string, z.ZodType<unknown>, unknown, string, string]>([
    [
      'a key id with a path in it',
      describeKeyAnswer,
      { key_info: { ...keyInfo, key_id: `../${KEY_ID}` } },
      'describe-key',
      'key_info.key_id',
    ],
    [
      'an upper-case key id',
      describeKeyAnswer,
      { key_info: { ...keyInfo, key_id: KEY_ID.toUpperCase() } },
      'describe-key',
      'key_info.key_id',
    ],
    [
      'an unknown key state',
      describeKeyAnswer,
      { key_info: { ...keyInfo, key_state: '6' } },
      'describe-key',
      'key_info.key_state',
    ],
    [
      'a key state as a number',
      describeKeyAnswer,
      { key_info: { ...keyInfo, key_state: 2 } },
      'describe-key',
      'key_info.key_state',
    ],
    [
      'an unknown origin',
      describeKeyAnswer,
      { key_info: { ...keyInfo, origin: 'imported' } },
      'describe-key',
      'key_info.origin',
    ],
    [
      'a creation date that is not digits',
      describeKeyAnswer,
      { key_info: { ...keyInfo, creation_date: '2017-08-11' } },
      'describe-key',
      'key_info.creation_date',
    ],
    ['truncated as a boolean', listKeysAnswer, { key_details: [], truncated: false }, 'list-keys', 'truncated'],
    ['a negative total', listKeysAnswer, { key_details: [], truncated: 'false', total: -1 }, 'list-keys', 'total'],
    [
      'a short import token',
      importParametersAnswer,
      { key_id: KEY_ID, public_key: 'AAAA', import_token: 'c2hvcnQ=', expiration_time: 1501578672 },
      'get-parameters-for-import',
      'import_token',
    ],
    [
      'an expiry in milliseconds as a string',
      importParametersAnswer,
      { key_id: KEY_ID, public_key: 'AAAA', import_token: 'A'.repeat(300), expiration_time: '1501578672000' },
      'get-parameters-for-import',
      'expiration_time',
    ],
    [
      'a wrapping key that is not base64',
      importParametersAnswer,
      { key_id: KEY_ID, public_key: '-----BEGIN PUBLIC KEY-----', import_token: 'A'.repeat(300), expiration_time: 1 },
      'get-parameters-for-import',
      'public_key',
    ],
    ['a verify answer of "yes"', verifyAnswer, { key_id: KEY_ID, signature_valid: 'yes' }, 'verify', 'signature_valid'],
  ])('is refused: %s', (_name, schema, body, action, where) => {
    const refusal = refusedAt(schema, body, action);
    expect(refusal.where).toBe(where);
    expect(refusal.message).toBe(`The KMS answer to ${action} did not have the documented shape (at "${where}").`);
  });
});

describe('what Keyferry sends to import-key-material', () => {
  const oaep = (bits: number) => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
    return publicEncrypt(
      { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      randomBytes(32),
    ).toString('base64');
  };

  it('fits when wrapped under a 2048-bit key and not under a 3072-bit one', () => {
    expect(ENCRYPTED_KEY_MATERIAL_PATTERN.test(oaep(2048))).toBe(true);
    expect(ENCRYPTED_KEY_MATERIAL_PATTERN.test(oaep(3072))).toBe(false);
    expect(ENCRYPTED_KEY_MATERIAL_PATTERN.test(`${oaep(2048).slice(0, 343)}!`)).toBe(false);
  });

  it('carries an import token of 200 to 6144 base64 characters', () => {
    expect(IMPORT_TOKEN_PATTERN.test(randomBytes(150).toString('base64'))).toBe(true);
    expect(IMPORT_TOKEN_PATTERN.test(randomBytes(147).toString('base64'))).toBe(false);
    expect(IMPORT_TOKEN_PATTERN.test('A'.repeat(6145))).toBe(false);
  });
});
