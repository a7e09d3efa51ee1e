/**
 * The committed RSA test keys (tests/fixtures/test-rsa-keys/, made once by OpenSSL; see its
 * README), for tests that need an RSA key but do not test making one: generating an RSA-2048 key
 * takes up to a second on a loaded machine, an RSA-4096 one several. They are not the simulator's
 * wrapping keys (tests/fixtures/test-wrapping-keys/), so a test's "another key" never meets one.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateKeyMaterial } from '../../../../src-main/core/crypto/generate-key-material';
import type { KeyMaterial } from '../../../../src-main/core/crypto/key-material';
import type { KeySpec } from '../../../../src-main/core/crypto/key-spec';
import { loadKeyMaterial } from '../../../../src-main/core/crypto/load-key-material';

const KEYS = path.resolve(__dirname, '../../../fixtures/test-rsa-keys');

/** The committed private keys by file name; `rsa2048-other` is a second RSA-2048 key. */
type TestRsaKeyName = 'rsa2048' | 'rsa2048-other' | 'rsa3072' | 'rsa4096';

interface TestRsaKeyPair {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/** A committed key pair (read from its file on each call). */
export function testRsaKeyPair(name: TestRsaKeyName): TestRsaKeyPair {
  const privateKey = createPrivateKey(readFileSync(path.join(KEYS, `${name}.pem`)));
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** The public half of the committed RSA-1024 key (too short to be a wrapping key). */
export function testRsa1024PublicKey(): KeyObject {
  return createPublicKey(readFileSync(path.join(KEYS, 'rsa1024-public.pem')));
}

/** The committed key of each RSA spec's size. */
const RSA_KEY_OF: Partial<Record<KeySpec, TestRsaKeyName>> = {
  RSA_2048: 'rsa2048',
  RSA_3072: 'rsa3072',
  RSA_4096: 'rsa4096',
};

/**
 * Key material of `spec` for tests that split, wrap or print material but do not test making it:
 * for an RSA spec the committed key of its size, loaded as an officer's existing key file is
 * (loadKeyMaterial; the same key on every call), otherwise fresh material (AES and EC take
 * milliseconds). Generating the RSA-3072 and RSA-4096 ones took seconds of CPU per file.
 */
export async function testKeyMaterial(spec: KeySpec): Promise<KeyMaterial> {
  const rsa = RSA_KEY_OF[spec];
  return rsa ? loadKeyMaterial(spec, readFileSync(path.join(KEYS, `${rsa}.pem`))) : generateKeyMaterial(spec);
}
