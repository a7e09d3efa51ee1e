/**
 * The simulator's ECDSA over a digest the caller computed (ecdsa-digest.ts, BigInt curve
 * arithmetic), checked with the OpenSSL CLI in both directions on P-256 and P-384: OpenSSL
 * verifies what it signs (DER-encoded r,s) for that digest only, and it verifies what OpenSSL
 * signs; its curve arithmetic derives Node's public point from the private scalar.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  basePointMultiple,
  ecdsaSignDigest,
  ecdsaVerifyDigest,
} from '../../../src-main/core/kms-simulator/ecdsa-digest';
import { makeTempDir, openssl, removeTempDir } from '../crypto/helpers/openssl';

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('sim-ecdsa-digest');
});
afterAll(() => removeTempDir(dir));

const big = (b64url: string | undefined) => BigInt(`0x${Buffer.from(b64url ?? '', 'base64url').toString('hex')}`);

const curves = [
  ['P-256', 'prime256v1', 'sha256'],
  ['P-384', 'secp384r1', 'sha384'],
] as const;

describe('ECDSA over a digest agrees with OpenSSL', () => {
  for (const [name, namedCurve, hash] of curves) {
    it(`${name}: OpenSSL verifies ours and we verify OpenSSL's, for that digest only`, async () => {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve });
      await writeFile(path.join(dir, `${name}.pem`), privateKey.export({ type: 'pkcs8', format: 'pem' }));
      await writeFile(path.join(dir, `${name}.pub`), publicKey.export({ type: 'spki', format: 'pem' }));
      const digest = createHash(hash).update('the ceremony receipt').digest();
      const other = createHash(hash).update('another receipt').digest();
      await writeFile(path.join(dir, 'digest'), digest);
      await writeFile(path.join(dir, 'other'), other);
      await writeFile(path.join(dir, 'sig'), ecdsaSignDigest(privateKey, digest));
      const verify = (input: string) =>
        openssl(['pkeyutl', '-verify', '-pubin', '-inkey', `${name}.pub`, '-in', input, '-sigfile', 'sig'], {
          cwd: dir,
        }).then(
          () => true,
          () => false,
        );
      expect(await verify('digest')).toBe(true);
      expect(await verify('other')).toBe(false);
      const theirs = await openssl(['pkeyutl', '-sign', '-inkey', `${name}.pem`, '-in', 'digest'], { cwd: dir });
      expect(ecdsaVerifyDigest(publicKey, digest, theirs)).toBe(true);
      expect(ecdsaVerifyDigest(publicKey, other, theirs)).toBe(false);
      expect(ecdsaVerifyDigest(publicKey, digest, Buffer.from('3006020101020101', 'hex'))).toBe(false);
    });
  }

  it("the curve arithmetic derives Node's public point from the private scalar (P-256, P-384)", () => {
    for (const [name, namedCurve] of curves) {
      const { privateKey } = generateKeyPairSync('ec', { namedCurve });
      const jwk = privateKey.export({ format: 'jwk' });
      const point = basePointMultiple(name, big(jwk.d));
      expect(point.x).toBe(big(jwk.x));
      expect(point.y).toBe(big(jwk.y));
    }
  });
});
