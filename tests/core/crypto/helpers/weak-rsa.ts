/**
 * Wrapping keys an attacker holding the media (or the connection) could substitute: OpenSSL and
 * Node load every one of them and would "encrypt" under it. Built from the committed test keys
 * (tests/fixtures/test-rsa-keys/), not generated at run time.
 */
import { createPublicKey } from 'node:crypto';
import { testRsa1024PublicKey, testRsaKeyPair } from './test-rsa-keys';

export interface WeakWrappingKey {
  readonly name: string;
  readonly der: Buffer;
  /** Words the refusal must contain. */
  readonly words: string;
}

const base = testRsaKeyPair('rsa2048').publicKey.export({ format: 'jwk' });
const rsa1024 = testRsa1024PublicKey();

function spki(jwk: { kty: 'RSA'; n: string; e: string }): Buffer {
  return createPublicKey({ key: jwk, format: 'jwk' }).export({ format: 'der', type: 'spki' });
}

function evenModulus(n: string): string {
  const bytes = Buffer.from(n, 'base64url');
  bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) & 0xfe;
  return bytes.toString('base64url');
}

/** e = 1, e = 2, an even modulus and RSA-1024, each as DER SubjectPublicKeyInfo. */
export function weakWrappingKeys(): WeakWrappingKey[] {
  const n = base.n as string;
  return [
    { name: 'e=1', der: spki({ kty: 'RSA', n, e: 'AQ' }), words: 'public exponent 1' },
    { name: 'e=2', der: spki({ kty: 'RSA', n, e: 'Ag' }), words: 'public exponent 2' },
    { name: 'even n', der: spki({ kty: 'RSA', n: evenModulus(n), e: 'AQAB' }), words: 'even modulus' },
    {
      name: 'RSA-1024',
      der: rsa1024.export({ format: 'der', type: 'spki' }),
      words: 'RSA-1024',
    },
  ];
}
