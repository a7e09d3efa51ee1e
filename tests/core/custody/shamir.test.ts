/** The wrapper around shamir-secret-sharing: Keyferry's share encoding, limits and hygiene. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { combineShares, shareXCoordinate, splitSecret } from '../../../src-main/core/custody/shamir';
import { refusal, subsetsOf } from './helpers';

describe('shamir wrapper', () => {
  it('splits into shares of x-coordinate plus one byte per secret byte; any M combine to the secret', async () => {
    const secret = randomBytes(32);
    const before = Buffer.from(secret);
    const shares = await splitSecret(secret, 3, 5);
    expect(secret.equals(before)).toBe(true);
    expect(shares.every((s) => s.length === 33 && Buffer.isBuffer(s))).toBe(true);
    const xs = shares.map(shareXCoordinate);
    expect(new Set(xs).size).toBe(5);
    expect(xs.every((x) => x >= 1 && x <= 255)).toBe(true);
    for (const subset of subsetsOf(shares, 3)) expect((await combineShares(subset)).equals(secret)).toBe(true);
    expect((await combineShares(shares)).equals(secret)).toBe(true);
  });

  it('M-1 shares combine to something other than the secret', async () => {
    const secret = randomBytes(32);
    const shares = await splitSecret(secret, 3, 5);
    for (const subset of subsetsOf(shares, 2)) expect((await combineShares(subset)).equals(secret)).toBe(false);
  });

  it('refuses impossible parameters and malformed shares with a KeyferryError', async () => {
    const secret = randomBytes(16);
    for (const [m, n] of [
      [1, 3],
      [4, 3],
      [2, 256],
      [2.5, 3],
    ]) {
      expect((await refusal(() => splitSecret(secret, m as number, n as number))).code).toBe('CUSTODY_SHAMIR_INVALID');
    }
    expect((await refusal(() => splitSecret(new Uint8Array(0), 2, 3))).code).toBe('CUSTODY_SHAMIR_INVALID');
    const shares = await splitSecret(secret, 2, 3);
    const [a, b] = shares as [Buffer, Buffer];
    expect((await refusal(() => combineShares([a]))).message).toContain('got 1');
    expect((await refusal(() => combineShares([a, Buffer.from(a)]))).message).toContain('same x-coordinate');
    expect((await refusal(() => combineShares([a, b.subarray(1)]))).message).toContain(
      'different or impossible lengths',
    );
    const zeroX = Buffer.from(b);
    zeroX[0] = 0;
    expect((await refusal(() => combineShares([a, zeroX]))).message).toContain('carries zero');
  });

  it('handles the largest material Keyferry splits (an RSA-4096 PKCS#8 key, ~2.4 KB) at 16 shares', async () => {
    const secret = randomBytes(2400);
    const shares = await splitSecret(secret, 5, 16);
    expect(
      (await combineShares([shares[15], shares[3], shares[9], shares[0], shares[7]] as Buffer[])).equals(secret),
    ).toBe(true);
  });
});
