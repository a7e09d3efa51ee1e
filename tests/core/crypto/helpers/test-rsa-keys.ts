/**
 * The committed RSA test keys (tests/fixtures/test-rsa-keys/, made once by OpenSSL; see its
 * README), for tests that need an RSA key but do not test making one: generating an RSA-2048 key
 * takes up to a second on a loaded machine, an RSA-4096 one several. They are not the simulator's
 * wrapping keys (tests/fixtures/test-wrapping-keys/), so a test's "another key" never meets one.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

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
