/**
 * The checks a careful team applies to an RSA public key before wrapping key material under it.
 * A wrapping key travels on removable media and over the network, so it may have been replaced;
 * OpenSSL will happily "encrypt" under e = 1 (the ciphertext is then the OAEP encoding of the
 * material, readable by anyone), under e = 2 (not RSA at all) or under a modulus anyone can
 * factor. Every entry point of a wrapping key (bundle, console files, a KMS answer, `keyferry wrap`)
 * goes through `loadWrappingPublicKey`, which calls this.
 *
 * Refused (the reason is part of the message):
 * - modulus sizes other than 2048, 3072 or 4096 bits (what KMSs hand out);
 * - public exponent e < 3, even e, or e ≥ 2^256 (NIST SP 800-56B bounds e below 2^256);
 * - an even modulus, a modulus with a prime factor below 10,000 (trial division), a modulus that
 *   is a perfect square, or one whose two primes are so close that Fermat's method finds them.
 */
import type { KeyObject } from 'node:crypto';

export const WRAPPING_KEY_SIZES = [2048, 3072, 4096] as const;
const MAX_EXPONENT = 1n << 256n;
const TRIAL_DIVISION_BOUND = 10_000;
const FERMAT_STEPS = 64;

/** Why a public key is refused: a kind (a catalogue select value) and the number that shows it. */
export type RsaKeyWeakness =
  | { readonly weakness: 'size'; readonly bits: number }
  | { readonly weakness: 'exponentSmall' | 'exponentEven' | 'exponentLarge'; readonly exponent: string }
  | { readonly weakness: 'modulusEven' | 'modulusSquare' | 'modulusClosePrimes' }
  | { readonly weakness: 'modulusSmallFactor'; readonly divisor: number };

function smallPrimes(bound: number): number[] {
  const sieve = new Uint8Array(bound);
  const primes: number[] = [];
  for (let i = 2; i < bound; i++) {
    if (sieve[i]) continue;
    primes.push(i);
    for (let j = i * i; j < bound; j += i) sieve[j] = 1;
  }
  return primes;
}
const SMALL_PRIMES = smallPrimes(TRIAL_DIVISION_BOUND).map(BigInt);

/** floor(sqrt(n)) for n ≥ 0. */
export function integerSqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

function isSquare(n: bigint): boolean {
  const r = integerSqrt(n);
  return r * r === n;
}

function bigintFromBase64Url(text: string): bigint {
  const hex = Buffer.from(text, 'base64url').toString('hex');
  return hex.length === 0 ? 0n : BigInt(`0x${hex}`);
}

/** The modulus and exponent of an RSA public key. */
export function rsaPublicNumbers(key: KeyObject): { n: bigint; e: bigint } {
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.n !== 'string' || typeof jwk.e !== 'string') throw new TypeError('not an RSA public key');
  return { n: bigintFromBase64Url(jwk.n), e: bigintFromBase64Url(jwk.e) };
}

/** The first weakness found in an RSA public key, or undefined when it passes every check. */
export function findRsaPublicKeyWeakness(key: KeyObject): RsaKeyWeakness | undefined {
  const { n, e } = rsaPublicNumbers(key);
  const bits = n.toString(2).length;
  if (!(WRAPPING_KEY_SIZES as readonly number[]).includes(bits)) {
    return { weakness: 'size', bits };
  }
  if (e < 3n) return { weakness: 'exponentSmall', exponent: e.toString() };
  if (e % 2n === 0n) return { weakness: 'exponentEven', exponent: e.toString() };
  if (e >= MAX_EXPONENT) return { weakness: 'exponentLarge', exponent: '2^256' };
  if (n % 2n === 0n) return { weakness: 'modulusEven' };
  for (const p of SMALL_PRIMES) {
    if (n % p === 0n) return { weakness: 'modulusSmallFactor', divisor: Number(p) };
  }
  let a = integerSqrt(n);
  if (a * a === n) return { weakness: 'modulusSquare' };
  for (let step = 0; step < FERMAT_STEPS; step++) {
    a += 1n;
    if (isSquare(a * a - n)) {
      return { weakness: 'modulusClosePrimes' };
    }
  }
  return undefined;
}
