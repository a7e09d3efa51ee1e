/** The simulator's sealed import tokens (import-token.ts). */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openImportToken, sealImportToken } from '../../../src-main/core/kms-simulator/import-token';
import { IMPORT_TOKEN_PATTERN } from '../../../src-main/core/kms/api-schemas';

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
