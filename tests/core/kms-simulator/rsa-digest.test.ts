/**
 * The simulator's RSA signatures over a digest the caller computed (rsa-digest.ts), checked with
 * the OpenSSL CLI in both directions: what it signs (PKCS#1 v1.5 and PSS with a 32-byte salt)
 * `openssl pkeyutl -verify` accepts for that digest and refuses for another; what OpenSSL signs it
 * accepts; a signature of the wrong length or a changed byte it refuses.
 */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  rsaPkcs1SignDigest,
  rsaPkcs1VerifyDigest,
  rsaPssSignDigest,
  rsaPssVerifyDigest,
} from '../../../src-main/core/kms-simulator/rsa-digest';
import { makeTempDir, openssl, removeTempDir } from '../crypto/helpers/openssl';
import { testRsaKeyPair } from '../crypto/helpers/test-rsa-keys';

let dir: string;
const { privateKey, publicKey } = testRsaKeyPair('rsa3072');
const digest = createHash('sha256').update('the ceremony receipt').digest();
const otherDigest = createHash('sha256').update('another receipt').digest();
const PADDING = {
  pkcs1: ['-pkeyopt', 'rsa_padding_mode:pkcs1'],
  pss: ['-pkeyopt', 'rsa_padding_mode:pss', '-pkeyopt', 'rsa_pss_saltlen:32', '-pkeyopt', 'rsa_mgf1_md:sha256'],
} as const;

beforeAll(async () => {
  dir = await makeTempDir('sim-rsa-digest');
  await writeFile(path.join(dir, 'key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
  await writeFile(path.join(dir, 'pub.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
});
afterAll(() => removeTempDir(dir));

async function opensslVerifies(padding: keyof typeof PADDING, d: Buffer, signature: Buffer): Promise<boolean> {
  await writeFile(path.join(dir, 'digest'), d);
  await writeFile(path.join(dir, 'sig'), signature);
  const args = ['pkeyutl', '-verify', '-pubin', '-inkey', 'pub.pem', '-in', 'digest', '-sigfile', 'sig'];
  return openssl([...args, '-pkeyopt', 'digest:sha256', ...PADDING[padding]], { cwd: dir }).then(
    () => true,
    () => false,
  );
}

async function opensslSigns(padding: keyof typeof PADDING, d: Buffer): Promise<Buffer> {
  await writeFile(path.join(dir, 'digest'), d);
  return openssl(
    ['pkeyutl', '-sign', '-inkey', 'key.pem', '-in', 'digest', '-pkeyopt', 'digest:sha256', ...PADDING[padding]],
    {
      cwd: dir,
    },
  );
}

describe('digest signatures agree with OpenSSL', () => {
  it("PKCS#1 v1.5: OpenSSL verifies ours, we verify OpenSSL's, for that digest only", async () => {
    const ours = rsaPkcs1SignDigest(privateKey, digest);
    expect(await opensslVerifies('pkcs1', digest, ours)).toBe(true);
    expect(await opensslVerifies('pkcs1', otherDigest, ours)).toBe(false);
    const theirs = await opensslSigns('pkcs1', digest);
    expect(rsaPkcs1VerifyDigest(publicKey, digest, theirs)).toBe(true);
    expect(rsaPkcs1VerifyDigest(publicKey, otherDigest, theirs)).toBe(false);
  });

  it("PSS (MGF1-SHA-256, salt 32): OpenSSL verifies ours, we verify OpenSSL's, for that digest only", async () => {
    const ours = rsaPssSignDigest(privateKey, digest);
    expect(await opensslVerifies('pss', digest, ours)).toBe(true);
    expect(await opensslVerifies('pss', otherDigest, ours)).toBe(false);
    const theirs = await opensslSigns('pss', digest);
    expect(rsaPssVerifyDigest(publicKey, digest, theirs)).toBe(true);
    expect(rsaPssVerifyDigest(publicKey, otherDigest, theirs)).toBe(false);
    expect(rsaPssSignDigest(privateKey, digest).equals(ours)).toBe(false);
  });

  it('refuses a signature of the wrong length or with one byte changed', () => {
    for (const [sign, verify] of [
      [rsaPkcs1SignDigest, rsaPkcs1VerifyDigest],
      [rsaPssSignDigest, rsaPssVerifyDigest],
    ] as const) {
      const signature = sign(privateKey, digest);
      const changed = Buffer.from(signature);
      changed[100] = (changed[100] ?? 0) ^ 1;
      expect(verify(publicKey, digest, changed)).toBe(false);
      expect(verify(publicKey, digest, signature.subarray(1))).toBe(false);
      expect(verify(publicKey, digest, Buffer.concat([Buffer.alloc(1), signature]))).toBe(false);
    }
  });
});
