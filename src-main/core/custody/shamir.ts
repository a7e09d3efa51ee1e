/**
 * Shamir's secret sharing over GF(256), wrapping the audited `shamir-secret-sharing` package
 * (privy-io) so nothing else in Keyferry depends on its share layout.
 *
 * Keyferry's share encoding: byte 0 is the x-coordinate (1..255, chosen at random by the library),
 * then one y byte per secret byte. The library's own layout (y bytes, then x last) stays in here.
 * The library checks nothing after combining: callers must verify the rebuilt secret.
 */
import { combine, split } from 'shamir-secret-sharing';
import { selectedProblem, type KeyferryError } from '../errors';

/** The library's limits: at least 2 and at most 255 shares, threshold at least 2. */
const SHAMIR_MIN_THRESHOLD = 2;
const SHAMIR_MAX_SHARES = 255;

type ShamirProblem =
  | { readonly reason: 'parameters'; readonly m: number; readonly n: number; readonly max: number }
  | { readonly reason: 'count'; readonly count: number; readonly max: number }
  | { readonly reason: 'empty' | 'lengths' | 'coordinates' };

function invalid(problem: ShamirProblem): KeyferryError {
  return selectedProblem('CUSTODY_SHAMIR_INVALID', problem);
}

/** A plain Uint8Array copy (the library refuses Buffer and other subclasses). Caller zeroes it. */
function plainCopy(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy;
}

/**
 * Splits `secret` into `n` shares of which any `m` rebuild it. Returns new Buffers in Keyferry's
 * share encoding; the caller owns them and must zero-fill them. `secret` is not modified.
 */
export async function splitSecret(secret: Uint8Array, m: number, n: number): Promise<Buffer[]> {
  if (!Number.isInteger(m) || !Number.isInteger(n) || m < SHAMIR_MIN_THRESHOLD || m > n || n > SHAMIR_MAX_SHARES) {
    throw invalid({ reason: 'parameters', m, n, max: SHAMIR_MAX_SHARES });
  }
  if (secret.length === 0) throw invalid({ reason: 'empty' });
  const input = plainCopy(secret);
  let raw: Uint8Array[] = [];
  try {
    raw = await split(input, n, m);
    return raw.map((share) => {
      const out = Buffer.alloc(share.length);
      out[0] = share[share.length - 1] ?? 0;
      out.set(share.subarray(0, share.length - 1), 1);
      return out;
    });
  } finally {
    input.fill(0);
    for (const share of raw) share.fill(0);
  }
}

/** The x-coordinate of a share in Keyferry's encoding. */
export function shareXCoordinate(share: Uint8Array): number {
  return share[0] ?? 0;
}

/**
 * Rebuilds the secret from shares in Keyferry's encoding. Returns a new Buffer the caller must
 * zero-fill. Refuses malformed input; cannot detect a wrong share (verify the result).
 */
export async function combineShares(shares: readonly Uint8Array[]): Promise<Buffer> {
  if (shares.length < SHAMIR_MIN_THRESHOLD || shares.length > SHAMIR_MAX_SHARES) {
    throw invalid({ reason: 'count', count: shares.length, max: SHAMIR_MAX_SHARES });
  }
  const length = shares[0]?.length ?? 0;
  const seen = new Set<number>();
  for (const share of shares) {
    if (share.length !== length || length < 2) throw invalid({ reason: 'lengths' });
    const x = shareXCoordinate(share);
    if (x === 0 || seen.has(x)) throw invalid({ reason: 'coordinates' });
    seen.add(x);
  }
  const raw = shares.map((share) => {
    const lib = new Uint8Array(length);
    lib.set(share.subarray(1), 0);
    lib[length - 1] = shareXCoordinate(share);
    return lib;
  });
  let secret: Uint8Array | undefined;
  try {
    secret = await combine(raw);
    const out = Buffer.alloc(secret.length); // not from the shared pool, so zeroing it is complete
    out.set(secret);
    return out;
  } finally {
    for (const lib of raw) lib.fill(0);
    secret?.fill(0);
  }
}
