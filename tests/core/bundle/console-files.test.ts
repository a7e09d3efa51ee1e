import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  importParametersFromConsoleFiles,
  importParametersFromKmsAnswer,
  importTokenSha256,
} from '../../../src-main/core/bundle';
import { sha256Hex } from '../../../src-main/core/fs/durable-file';
import { translator } from '../../../src-main/i18n/translate';
import { weakWrappingKeys } from '../crypto/helpers/weak-rsa';
import { makeImportParameters, wrappingKeyPair } from './bundle-fixtures';
import { refusal } from '../../helpers/refusal';

const keyId = '43f1ffd7-18fb-4568-9575-602e009b7ee8';
const der = () => wrappingKeyPair(0).publicDer;

describe('importParametersFromConsoleFiles', () => {
  it('reads the console download (DER), PublicKey.b64 text and PEM to the same key', () => {
    const b64 = der().toString('base64');
    const pem = `-----BEGIN PUBLIC KEY-----\n${b64.replace(/(.{64})/g, '$1\n')}\n-----END PUBLIC KEY-----\n`;
    const inputs = [der(), Buffer.from(`${b64}\n`), Buffer.from(pem)];
    for (const wrappingKeyFile of inputs) {
      const p = importParametersFromConsoleFiles({
        wrappingKeyFile,
        keyId,
        keySpec: 'aes_256',
        wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
      });
      expect(p.wrappingKey.spkiDer).toEqual(der());
      expect(p.wrappingKey.fingerprint).toBe(sha256Hex(der()));
      expect(p.wrappingKey.bits).toBe(2048);
      expect(p.keySpec).toBe('AES_256');
      expect(p.origin).toEqual({ kind: 'console-files' });
      expect(p.importToken).toBeNull();
    }
  });

  it('takes an API token, bound to the key id, with unknown expiry', () => {
    const token = randomBytes(300).toString('base64');
    const p = importParametersFromConsoleFiles({
      wrappingKeyFile: der(),
      keyId,
      keySpec: 'RSA_2048',
      wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
      importToken: ` ${token}\n`,
    });
    expect(p.importToken).toEqual({ keyId, value: token, sha256: importTokenSha256(token), expiry: null });
  });

  it('refuses what cannot be a wrapping key, naming why', () => {
    const cases: [Buffer, string, string][] = [
      [Buffer.from('hello world'), 'WRAPPING_KEY_UNREADABLE', 'neither DER, base64 text nor PEM'],
      [Buffer.from([0x30, 0x03, 0x02, 0x01, 0x00]), 'WRAPPING_KEY_UNREADABLE', 'not a DER SubjectPublicKeyInfo'],
      [
        generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ format: 'der', type: 'spki' }),
        'WRAPPING_KEY_NOT_RSA',
        'EC P-256',
      ],
      ...weakWrappingKeys().map((weak): [Buffer, string, string] => [weak.der, 'WRAPPING_KEY_WEAK', weak.words]),
      [Buffer.concat([der(), Buffer.from([0])]), 'WRAPPING_KEY_NOT_CANONICAL', 'extra or non-canonical'],
      [Buffer.alloc(0), 'WRAPPING_KEY_EMPTY', 'empty'],
    ];
    for (const [wrappingKeyFile, code, words] of cases) {
      expect(() =>
        importParametersFromConsoleFiles({
          wrappingKeyFile,
          keyId,
          keySpec: 'AES_256',
          wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
        }),
      ).toThrow(expect.objectContaining({ code, message: expect.stringContaining(words) as unknown }));
    }
  });

  it('refuses a bad key id, spec, algorithm or token', () => {
    const base = { wrappingKeyFile: der(), keyId, keySpec: 'AES_256', wrappingAlgorithm: 'RSAES_OAEP_SHA_256' };
    expect(() => importParametersFromConsoleFiles({ ...base, keyId: '../etc' })).toThrow(
      expect.objectContaining({ code: 'BUNDLE_INPUT_INVALID' }),
    );
    expect(() => importParametersFromConsoleFiles({ ...base, keySpec: 'HMAC_256' })).toThrow(
      expect.objectContaining({ code: 'SPEC_NOT_IMPORTABLE' }),
    );
    expect(() => importParametersFromConsoleFiles({ ...base, wrappingAlgorithm: 'RSAES_PKCS1_V1_5' })).toThrow(
      expect.objectContaining({ code: 'ALGORITHM_REFUSED' }),
    );
    const token = refusal(() => importParametersFromConsoleFiles({ ...base, importToken: 'short' }));
    expect(token.code).toBe('BUNDLE_INPUT_INVALID');
    // Said from the catalogue in the officer's language, never in zod's English ("must be at least …").
    expect(token.message).toBe(
      'The import token is not valid: it is not canonical base64 of the length the KMS issues.',
    );
    expect(translator('zh-CN').problem(token.toProblem()).message).toBe(
      '导入令牌无效：它不是 KMS 签发长度的规范 base64。',
    );
  });
});

describe('importParametersFromKmsAnswer', () => {
  it('keeps the expiry in both forms and hashes the token text', () => {
    const [p] = makeImportParameters(1);
    expect(p?.importToken?.expiry?.expiresAt).toBe(
      new Date((p?.importToken?.expiry?.expirationTime ?? 0) * 1000).toISOString(),
    );
    expect(p?.importToken?.sha256).toBe(sha256Hex(Buffer.from(p?.importToken?.value ?? '', 'ascii')));
  });

  it('refuses a non-canonical key, an invalid alias and an impossible expiry', () => {
    const answer = {
      key_id: keyId,
      public_key: der().toString('base64'),
      import_token: randomBytes(300).toString('base64'),
      expiration_time: 1_900_000_000,
    };
    const base = {
      region: 'cn-north-4',
      projectId: 'a4a5d4098fb4474fa22cd05f897d6b99',
      keyAlias: 'a',
      keySpec: 'AES_256',
      keyUsage: 'ENCRYPT_DECRYPT' as const,
      wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
      answer,
    };
    expect(importParametersFromKmsAnswer(base).origin).toMatchObject({ kind: 'kms-answer', region: 'cn-north-4' });
    expect(() =>
      importParametersFromKmsAnswer({ ...base, answer: { ...answer, public_key: `${answer.public_key}\n` } }),
    ).toThrow(expect.objectContaining({ code: 'BUNDLE_INPUT_INVALID' }));
    const alias = refusal(() => importParametersFromKmsAnswer({ ...base, keyAlias: 'no spaces allowed' }));
    expect(alias.message).toBe(`The import parameters of key ${keyId} are not usable: its field keyAlias is invalid.`);
    expect(translator('zh-CN').problem(alias.toProblem()).message).toBe(
      `密钥 ${keyId} 的导入参数不可用：其字段 keyAlias 无效。`,
    );
    expect(() => importParametersFromKmsAnswer({ ...base, answer: { ...answer, expiration_time: 1.5 } })).toThrow(
      expect.objectContaining({ code: 'BUNDLE_INPUT_INVALID' }),
    );
  });

  it('refuses a KMS answer whose wrapping key is e=1, e=2, an even modulus or RSA-1024, before any bundle exists', () => {
    for (const weak of weakWrappingKeys()) {
      const answer = {
        key_id: keyId,
        public_key: weak.der.toString('base64'),
        import_token: randomBytes(300).toString('base64'),
        expiration_time: 1_900_000_000,
      };
      expect(
        () =>
          importParametersFromKmsAnswer({
            region: 'cn-north-4',
            projectId: 'a4a5d4098fb4474fa22cd05f897d6b99',
            keyAlias: 'a',
            keySpec: 'AES_256',
            keyUsage: 'ENCRYPT_DECRYPT',
            wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
            answer,
          }),
        weak.name,
      ).toThrow(expect.objectContaining({ message: expect.stringContaining(weak.words) as unknown }));
    }
  });
});
