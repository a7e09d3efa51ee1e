/**
 * One custodian's share of a custody set (custody/set-share.ts), taken from a real split: its check of
 * the backup key is the HMAC-SHA-256 OpenSSL computes, its checksum holds only while every field and
 * byte is as written, its fields are refused when they cannot be true, and its file is named after
 * the ceremony and its place in the set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyMaterial } from '../../../src-main/core/crypto/key-material';
import {
  backupKeyCheckOf,
  isSetShare,
  setShareFields,
  setShareFieldsSchema,
  setShareFileName,
  setShareIntact,
  type SetShare,
} from '../../../src-main/core/custody/set-share';
import { splitCustodySet } from '../../../src-main/core/custody/set-split';
import { openssl } from '../crypto/helpers/openssl';
import { CUSTODIANS, materialFor, split } from './helpers';

let material: KeyMaterial;
let shares: SetShare[];
beforeAll(async () => {
  material = await materialFor('AES_256');
  shares = (
    await splitCustodySet({
      ceremonyId: 'ceremony-2026-12-02',
      m: 2,
      n: 3,
      custodians: CUSTODIANS.slice(0, 3),
      keys: [{ keyId: '0d0466b0-e727-4d9c-b35d-f84bb474a37f', spec: 'AES_256', material }],
    })
  ).shares;
});
afterAll(() => {
  material.dispose();
  for (const s of shares) s.share.dispose();
});

describe('backupKeyCheckOf', () => {
  it('is the first 8 bytes of the HMAC-SHA-256 OpenSSL computes over the fixed label', async () => {
    const key = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');
    const mac = await openssl(
      ['dgst', '-sha256', '-mac', 'HMAC', '-macopt', `hexkey:${key.toString('hex')}`, '-binary'],
      { input: Buffer.from('keyferry.custody-set.backup-key-check/v2') },
    );
    expect(backupKeyCheckOf(key)).toBe(mac.subarray(0, 8).toString('hex'));
  });
});

describe('a share of a real split', () => {
  it('is a set share, intact, with the same backup check on every share', () => {
    expect(shares.every((s) => isSetShare(s) && setShareIntact(s))).toBe(true);
    expect(new Set(shares.map((s) => s.backupKeyCheck)).size).toBe(1);
    expect(shares.map((s) => s.custodian)).toEqual(['Alice', 'Bob', 'Carol']);
  });

  it.each([
    ['the custodian', { custodian: 'Mallory' }],
    ['the index', { index: 3 }],
    ['the key count', { keyCount: 2 }],
    ['the backup digest', { backupDigest: 'f'.repeat(64) }],
  ])('is no longer intact when %s is changed', (_, change) => {
    expect(setShareIntact({ ...shares[0]!, ...change })).toBe(false);
  });

  it('is no longer intact when one byte of the share changes', () => {
    const original = shares[1]!;
    const flipped = original.share.use((b) => {
      b[4] = (b[4] ?? 0) ^ 1;
      return setShareIntact(original);
    });
    original.share.use((b) => {
      b[4] = (b[4] ?? 0) ^ 1;
    });
    expect(flipped).toBe(false);
    expect(setShareIntact(original)).toBe(true);
  });

  it('a per-key share is not a set share', async () => {
    const [perKey] = await split(material, 2, 2);
    expect(isSetShare(perKey!)).toBe(false);
    perKey!.share.dispose();
  });
});

describe('setShareFieldsSchema', () => {
  it.each([
    ['M above N', { m: 4 }, 'M must not exceed N'],
    ['an index above N', { index: 4 }, 'the index must not exceed N'],
    ['no keys', { keyCount: 0 }, undefined],
    ['an upper-case digest', { backupDigest: 'A'.repeat(64) }, undefined],
    ['a custodian name with a tab', { custodian: 'Ali\tce' }, 'without control characters'],
  ])('refuses %s', (_, change, words) => {
    const parsed = setShareFieldsSchema.safeParse({ ...setShareFields(shares[0]!), ...change });
    expect(parsed.success).toBe(false);
    if (words) expect(parsed.error?.issues.map((i) => i.message).join('; ')).toContain(words);
  });
});

describe('setShareFileName', () => {
  it('names the ceremony and the place in the set', () => {
    const tag = shares[1]!.backupDigest.slice(0, 8).toUpperCase();
    expect(tag).toMatch(/^[0-9A-F]{8}$/);
    expect(setShareFileName(shares[1]!)).toBe(`keyferry-share-ceremony-2026-12-02-${tag}-2of3.json`);
  });
});
