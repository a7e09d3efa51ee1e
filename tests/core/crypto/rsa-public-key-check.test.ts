import { checkPrimeSync, createPublicKey, generatePrimeSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadWrappingPublicKey } from '../../../src-main/core/crypto';
import {
  findRsaPublicKeyWeakness,
  findRsaWeakness,
  integerSqrt,
} from '../../../src-main/core/crypto/rsa-public-key-check';
import { weakWrappingKeys } from './helpers/weak-rsa';
import { testRsaKeyPair } from './helpers/test-rsa-keys';

function keyFromNumbers(n: bigint, e: bigint) {
  const b64 = (v: bigint) =>
    Buffer.from(
      v
        .toString(16)
        .padStart(2, '0')
        .replace(/^(.(..)*)$/, '0$1'),
      'hex',
    ).toString('base64url');
  return createPublicKey({ key: { kty: 'RSA', n: b64(n), e: b64(e) }, format: 'jwk' });
}

/** The first prime at or above `from` (odd). */
function nextPrime(from: bigint): bigint {
  let q = from | 1n;
  while (!checkPrimeSync(q)) q += 2n;
  return q;
}

describe('wrapping key checks', () => {
  it('accepts the RSA keys KMSs hand out (2048, 3072, 4096 bits, e = 65537)', () => {
    for (const name of ['rsa2048', 'rsa3072', 'rsa4096'] as const) {
      expect(findRsaPublicKeyWeakness(testRsaKeyPair(name).publicKey), name).toBeUndefined();
    }
  });

  it('refuses e=1, e=2, an even modulus and RSA-1024 with the reason and nothing wrapped', () => {
    for (const weak of weakWrappingKeys()) {
      expect(() => loadWrappingPublicKey(weak.der), weak.name).toThrow(
        expect.objectContaining({ code: 'WRAPPING_KEY_WEAK', message: expect.stringContaining(weak.words) as unknown }),
      );
    }
  });

  it('refuses a modulus with a small factor, a square modulus, close primes and a huge exponent', () => {
    const { publicKey } = testRsaKeyPair('rsa2048');
    const jwk = publicKey.export({ format: 'jwk' });
    const n = BigInt(`0x${Buffer.from(jwk.n as string, 'base64url').toString('hex')}`);
    let divisible = n - (n % 7n);
    if (divisible % 2n === 0n) divisible -= 7n;
    // 7 divides it; 3 or 5 may too, and the smallest factor is named.
    const found = findRsaPublicKeyWeakness(keyFromNumbers(divisible, 65537n));
    expect(found).toMatchObject({ weakness: 'modulusSmallFactor' });
    expect(found && 'divisor' in found && divisible % BigInt(found.divisor)).toBe(0n);
    const p = (3n << 1022n) + 1n;
    expect(findRsaPublicKeyWeakness(keyFromNumbers(p * p, 65537n))).toMatchObject({
      weakness: expect.stringMatching(/modulus(Square|SmallFactor)/) as unknown,
    });
    expect(findRsaPublicKeyWeakness(keyFromNumbers(n, (1n << 257n) + 1n))).toEqual({
      weakness: 'exponentLarge',
      exponent: '2^256',
    });
    expect(findRsaPublicKeyWeakness(keyFromNumbers(n, 4n))).toEqual({ weakness: 'exponentEven', exponent: '4' });
  });

  it('finds the smallest factor below 10,000 whichever group of primes holds it, and primes close together', () => {
    const big = generatePrimeSync(1024, { bigint: true });
    // 9973 is the last prime below 10,000, 9967 the one before: the last group of the grouped division.
    for (const small of [3n, 9967n, 9973n]) {
      const n = big * small * nextPrime((1n << 2047n) / (big * small) + 1n);
      expect(n.toString(2)).toHaveLength(2048);
      expect(findRsaPublicKeyWeakness(keyFromNumbers(n, 65537n))).toEqual({
        weakness: 'modulusSmallFactor',
        divisor: Number(small),
      });
    }
    const q = nextPrime(big + 2n);
    expect(findRsaPublicKeyWeakness(keyFromNumbers(big * q, 65537n))).toEqual({ weakness: 'modulusClosePrimes' });
  });

  it('names the smallest prime below 10,000 dividing a modulus, for each odd prime there', () => {
    const odd: bigint[] = [];
    for (let p = 3n; p < 10_000n; p += 2n) if (checkPrimeSync(p)) odd.push(p);
    const big = generatePrimeSync(1030, { bigint: true });
    for (const [i, p] of odd.entries()) {
      // p and a larger listed prime divide n; the rest of n may hold smaller ones, which must be named first.
      const q = odd[Math.min(i + 7, odd.length - 1)]!;
      const rest = ((1n << 2047n) / (big * p * q) + 1n) | 1n;
      const n = big * p * q * rest;
      expect(n.toString(2)).toHaveLength(2048);
      const smallest = odd.find((s) => n % s === 0n);
      expect(findRsaWeakness({ n, e: 65537n }), `${p}`).toEqual({
        weakness: 'modulusSmallFactor',
        divisor: Number(smallest),
      });
    }
  });

  it('finds close primes exactly when Fermat needs at most 64 steps from the square root', () => {
    const p = generatePrimeSync(1024, { bigint: true });
    const steps: number[] = [];
    // q − p around 2^516.5 puts the step count near 64 for a 1024-bit p (steps ≈ (q − p)² / 8p).
    for (const distance of [1n << 515n, 1n << 516n, (1n << 516n) + (1n << 514n), 3n << 515n, 1n << 517n]) {
      const q = nextPrime(p + distance);
      const n = p * q;
      const needed = Number((p + q) / 2n - integerSqrt(n));
      steps.push(needed);
      const found = findRsaPublicKeyWeakness(keyFromNumbers(n, 65537n));
      expect(found, `${needed} steps`).toEqual(needed <= 64 ? { weakness: 'modulusClosePrimes' } : undefined);
    }
    expect(steps.some((s) => s <= 64) && steps.some((s) => s > 64)).toBe(true);
  });

  it('integerSqrt is exact', () => {
    const random = Array.from({ length: 200 }, (_, i) => BigInt(`0x${randomBytes(1 + (i % 300)).toString('hex')}`));
    const edges = [52n, 53n, 54n, 103n, 104n, 105n].flatMap((b) => [(1n << b) - 1n, 1n << b, (1n << b) + 1n]);
    for (const v of [0n, 1n, 2n, 15n, 16n, 17n, (1n << 200n) + 12345n, ...edges, ...random]) {
      const r = integerSqrt(v);
      expect(r * r <= v && (r + 1n) * (r + 1n) > v).toBe(true);
    }
  });
});
