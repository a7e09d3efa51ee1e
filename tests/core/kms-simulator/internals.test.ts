/**
 * The simulator's own cryptography, checked against Node's: digest signatures (RSA PSS/PKCS#1,
 * ECDSA on BigInt arithmetic), sealed import tokens, and the AES-GCM ciphertext envelope.
 */
import {
  constants,
  createHash,
  generateKeyPairSync,
  randomBytes,
  sign as nodeSign,
  verify as nodeVerify,
} from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sealCiphertext, ciphertextKeyId, openCiphertext } from '../../../src-main/core/kms-simulator/ciphertext';
import { basePointMultiple } from '../../../src-main/core/kms-simulator/ecdsa-digest';
import { openImportToken, sealImportToken } from '../../../src-main/core/kms-simulator/import-token';
import { signDigest, verifyDigest, type SimSigningAlgorithm } from '../../../src-main/core/kms-simulator/signing';
import { IMPORT_TOKEN_PATTERN } from '../../../src-main/core/kms/api-schemas';

const big = (b64url: string | undefined) => BigInt(`0x${Buffer.from(b64url ?? '', 'base64url').toString('hex')}`);

describe('digest signatures agree with Node in both directions', () => {
  const cases: [SimSigningAlgorithm, ReturnType<typeof generateKeyPairSync>, 'sha256' | 'sha384', boolean][] = [
    ['RSASSA_PSS_SHA_256', generateKeyPairSync('rsa', { modulusLength: 2048 }), 'sha256', true],
    ['RSASSA_PKCS1_V1_5_SHA_256', generateKeyPairSync('rsa', { modulusLength: 3072 }), 'sha256', false],
    ['ECDSA_SHA_256', generateKeyPairSync('ec', { namedCurve: 'prime256v1' }), 'sha256', false],
    ['ECDSA_SHA_384', generateKeyPairSync('ec', { namedCurve: 'secp384r1' }), 'sha384', false],
  ];
  for (const [algorithm, { privateKey, publicKey }, hash, pss] of cases) {
    it(algorithm, () => {
      const verifyKey = pss ? { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } : publicKey;
      const signKey = pss ? { key: privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } : privateKey;
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
          const message = Buffer.from(bytes);
          const digest = createHash(hash).update(message).digest();
          const ours = signDigest(privateKey, algorithm, digest);
          expect(nodeVerify(hash, message, verifyKey, ours)).toBe(true);
          expect(verifyDigest(publicKey, algorithm, digest, nodeSign(hash, message, signKey))).toBe(true);
          expect(
            verifyDigest(
              publicKey,
              algorithm,
              createHash(hash)
                .update(Buffer.concat([message, Buffer.from([1])]))
                .digest(),
              ours,
            ),
          ).toBe(false);
        }),
        { numRuns: 8 },
      );
    });
  }

  it("the curve arithmetic derives Node's public point from the private scalar (P-256, P-384)", () => {
    for (const [curve, name] of [
      ['prime256v1', 'P-256'],
      ['secp384r1', 'P-384'],
    ] as const) {
      const jwk = generateKeyPairSync('ec', { namedCurve: curve }).privateKey.export({ format: 'jwk' });
      expect(basePointMultiple(name, big(jwk.d))).toEqual({ x: big(jwk.x), y: big(jwk.y) });
    }
  });
});

describe('import tokens', () => {
  const secret = randomBytes(32);
  const claims = {
    keyId: '0d0466b0-e727-4d9c-b35d-f84bb474a37f',
    wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
    wrappingKeyId: 'w1',
    expiresAt: 1_900_000_000_000,
    privateKeyDer: randomBytes(1217),
  };

  it('fit the API pattern and open to the same claims under the same secret only', () => {
    const token = sealImportToken(secret, claims);
    expect(token).toMatch(IMPORT_TOKEN_PATTERN);
    expect(openImportToken(secret, token)).toEqual(claims);
    expect(openImportToken(randomBytes(32), token)).toBeUndefined();
  });

  it('fail to open after any single-character change', () => {
    const token = sealImportToken(secret, claims);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    fc.assert(
      fc.property(fc.nat({ max: token.length - 3 }), fc.constantFrom(...alphabet), (at, c) => {
        fc.pre(token[at] !== c);
        expect(openImportToken(secret, `${token.slice(0, at)}${c}${token.slice(at + 1)}`)).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });
});

describe('ciphertext envelope', () => {
  it('names its key, opens with it, and refuses another key or any change', () => {
    const key = randomBytes(32);
    const keyId = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
    const blob = Buffer.from(sealCiphertext(keyId, key, Buffer.from('data')), 'base64');
    expect(ciphertextKeyId(blob)).toBe(keyId);
    expect(openCiphertext(key, blob)?.toString()).toBe('data');
    expect(openCiphertext(randomBytes(32), blob)).toBeUndefined();
    for (let i = 0; i < blob.length; i += 1) {
      const changed = Buffer.from(blob);
      changed[i] = (changed[i] ?? 0) ^ 0x01;
      expect(openCiphertext(key, changed)).toBeUndefined();
    }
  });
});
