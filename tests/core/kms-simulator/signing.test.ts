/**
 * The simulator's digest signatures (signing.ts: each algorithm to its RSA PSS/PKCS#1 or ECDSA
 * code) checked against Node's in both directions. The curve arithmetic: ecdsa-digest.test.ts.
 */
import { constants, createHash, generateKeyPairSync, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signDigest, verifyDigest, type SimSigningAlgorithm } from '../../../src-main/core/kms-simulator/signing';
import { testRsaKeyPair } from '../crypto/helpers/test-rsa-keys';

describe('digest signatures agree with Node in both directions', () => {
  const cases: [SimSigningAlgorithm, ReturnType<typeof generateKeyPairSync>, 'sha256' | 'sha384', boolean][] = [
    ['RSASSA_PSS_SHA_256', testRsaKeyPair('rsa2048'), 'sha256', true],
    ['RSASSA_PKCS1_V1_5_SHA_256', testRsaKeyPair('rsa3072'), 'sha256', false],
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
});
