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

const WRAPPING_KEY_SIZES = [2048, 3072, 4096] as const;
const MAX_EXPONENT = 1n << 256n;
const TRIAL_DIVISION_BOUND = 10_000;
const FERMAT_STEPS = 64;

/** Why a public key is refused: a kind (a catalogue select value) and the number that shows it. */
type RsaKeyWeakness =
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
/**
 * The small primes in groups whose product stays below 2^53: `n mod product` is one big division
 * per group, and each prime then divides an ordinary number. Same answer as dividing n by every
 * prime, about four times fewer big divisions.
 */
const PRIME_GROUPS: { readonly product: bigint; readonly primes: readonly number[] }[] = [];
for (const p of smallPrimes(TRIAL_DIVISION_BOUND)) {
  const last = PRIME_GROUPS.at(-1);
  if (last && Number(last.product) * p < Number.MAX_SAFE_INTEGER) {
    PRIME_GROUPS[PRIME_GROUPS.length - 1] = { product: last.product * BigInt(p), primes: [...last.primes, p] };
  } else {
    PRIME_GROUPS.push({ product: BigInt(p), primes: [p] });
  }
}

/**
 * The groups again, sixteen at a time under their product (about 800 bits): n is first reduced
 * modulo that product, and each group's division then works on the shorter remainder. Same
 * remainders, so the same answer; about a third less work for a 2048-bit n.
 */
const GROUPS_PER_BLOCK = 16;
const BLOCK_PRODUCTS: bigint[] = [];
for (let i = 0; i < PRIME_GROUPS.length; i += GROUPS_PER_BLOCK) {
  BLOCK_PRODUCTS.push(PRIME_GROUPS.slice(i, i + GROUPS_PER_BLOCK).reduce((product, g) => product * g.product, 1n));
}

/**
 * The same groups in flat arrays, walked by index: each key is checked once per process, mostly
 * before the JIT has optimised this code, where a for-of over nested objects (an iterator per
 * group, 1,229 primes per key) cost about as much as the divisions; indexed loops over typed
 * arrays cost about a third less for a 100-key bundle. Same primes in the same order.
 */
const GROUP_PRODUCTS: readonly bigint[] = PRIME_GROUPS.map((g) => g.product);
const PRIMES = Int32Array.from(PRIME_GROUPS.flatMap((g) => g.primes));
/** Where each group's primes end in PRIMES. */
const GROUP_ENDS = new Int32Array(PRIME_GROUPS.length);
for (const [i, g] of PRIME_GROUPS.entries()) GROUP_ENDS[i] = (GROUP_ENDS[i - 1] ?? 0) + g.primes.length;

/** The smallest prime below TRIAL_DIVISION_BOUND dividing n, if any. */
function smallFactor(n: bigint): number | undefined {
  let group = 0;
  let prime = 0;
  for (let block = 0; block < BLOCK_PRODUCTS.length; block++) {
    const reduced = n % BLOCK_PRODUCTS[block]!;
    const last = Math.min(group + GROUPS_PER_BLOCK, GROUP_PRODUCTS.length);
    for (; group < last; group++) {
      const rest = Number(reduced % GROUP_PRODUCTS[group]!);
      for (const end = GROUP_ENDS[group]!; prime < end; prime++) if (rest % PRIMES[prime]! === 0) return PRIMES[prime];
    }
  }
  return undefined;
}

/**
 * Quadratic residues modulo 64·63·65·11: a number that is not a square modulo it is not a square,
 * which rules out all but about 1 in 120 candidates before the square root is computed.
 */
const RESIDUE_MODULUS = 64 * 63 * 65 * 11;
const RESIDUE_MODULUS_BIG = BigInt(RESIDUE_MODULUS);
const RESIDUE_MODULI = [64, 63, 65, 11];
const SQUARES_MOD = RESIDUE_MODULI.map((m) => {
  const table = new Uint8Array(m);
  for (let i = 0; i < m; i++) table[(i * i) % m] = 1;
  return table;
});

/** Whether a number with this remainder modulo RESIDUE_MODULUS may be a square. */
function residueMayBeSquare(r: number): boolean {
  return RESIDUE_MODULI.every((m, i) => SQUARES_MOD[i]![r % m] === 1);
}

function mayBeSquare(n: bigint): boolean {
  return residueMayBeSquare(Number(n % RESIDUE_MODULUS_BIG));
}

/** floor(sqrt(n)) for n ≥ 0 (Newton's method from a float estimate at or above the root). */
export function integerSqrt(n: bigint): bigint {
  if (n < 2n) return n;
  const bits = n.toString(2).length;
  const shift = bits > 104 ? BigInt((bits - 52) & ~1) : 0n;
  let x = (BigInt(Math.ceil(Math.sqrt(Number(n >> shift)))) + 1n) << (shift / 2n);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

function isSquare(n: bigint): boolean {
  if (!mayBeSquare(n)) return false;
  const r = integerSqrt(n);
  return r * r === n;
}

function bigintFromBase64Url(text: string): bigint {
  const hex = Buffer.from(text, 'base64url').toString('hex');
  return hex.length === 0 ? 0n : BigInt(`0x${hex}`);
}

/** The modulus and exponent of an RSA public key. */
function rsaPublicNumbers(key: KeyObject): { n: bigint; e: bigint } {
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.n !== 'string' || typeof jwk.e !== 'string') throw new TypeError('not an RSA public key');
  return { n: bigintFromBase64Url(jwk.n), e: bigintFromBase64Url(jwk.e) };
}

/** The first weakness found in an RSA public key, or undefined when it passes every check. */
export function findRsaPublicKeyWeakness(key: KeyObject): RsaKeyWeakness | undefined {
  return findRsaWeakness(rsaPublicNumbers(key));
}

/** `findRsaPublicKeyWeakness` for a key's numbers (read from its DER: rsa-spki.ts). */
export function findRsaWeakness({ n, e }: { readonly n: bigint; readonly e: bigint }): RsaKeyWeakness | undefined {
  const bits = n.toString(2).length;
  if (!(WRAPPING_KEY_SIZES as readonly number[]).includes(bits)) {
    return { weakness: 'size', bits };
  }
  if (e < 3n) return { weakness: 'exponentSmall', exponent: e.toString() };
  if (e % 2n === 0n) return { weakness: 'exponentEven', exponent: e.toString() };
  if (e >= MAX_EXPONENT) return { weakness: 'exponentLarge', exponent: '2^256' };
  if (n % 2n === 0n) return { weakness: 'modulusEven' };
  const divisor = smallFactor(n);
  if (divisor !== undefined) return { weakness: 'modulusSmallFactor', divisor };
  const root = integerSqrt(n);
  if (root * root === n) return { weakness: 'modulusSquare' };
  // Fermat: is a² − n a square for a = ⌊√n⌋+1, +2, …? Followed modulo RESIDUE_MODULUS in ordinary
  // numbers ((a+1)² − n = (a² − n) + 2a + 1); only a gap that may be a square there is computed in full.
  const m = RESIDUE_MODULUS;
  let a = Number(root % RESIDUE_MODULUS_BIG);
  let gap = Number((root * root - n) % RESIDUE_MODULUS_BIG) + m;
  for (let step = 1; step <= FERMAT_STEPS; step++) {
    gap = (gap + 2 * a + 1) % m;
    a = (a + 1) % m;
    if (residueMayBeSquare(gap)) {
      const b = root + BigInt(step);
      if (isSquare(b * b - n)) return { weakness: 'modulusClosePrimes' };
    }
  }
  return undefined;
}
