/**
 * A per-key custody share (custody/custody-share.ts), taken from a real split: its checksum holds
 * only while every field and byte is as written, its fields are refused when they cannot be true
 * (a check that does not fit the spec, M above N, a custodian name that would print wrongly), and the
 * check it carries is the one the screen shows: a key check value for AES, a fingerprint for RSA/EC.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyMaterial } from '../../../src-main/core/crypto/key-material';
import {
  checkValues,
  custodianSchema,
  custodyShareFieldsSchema,
  materialCheckKind,
  shareChecksumMatches,
  shareFields,
  type CustodyShare,
} from '../../../src-main/core/custody/custody-share';
import { materialFor, split } from './helpers';

let material: KeyMaterial;
let shares: CustodyShare[];
beforeAll(async () => {
  material = await materialFor('AES_256');
  shares = await split(material, 2, 3);
});
afterAll(() => {
  material.dispose();
  for (const s of shares) s.share.dispose();
});

describe('the checksum of a share', () => {
  it('matches on every share of a real split', () => {
    expect(shares.map(shareChecksumMatches)).toEqual([true, true, true]);
  });

  it.each([
    ['the custodian', { custodian: 'Mallory' }],
    ['the index', { index: 2 }],
    ['the threshold', { m: 3 }],
    ['the key id', { keyId: '0d0466b0-e727-4d9c-b35d-f84bb474a370' }],
    ['the recorded check', { materialCheck: { kind: 'kcv', value: '000000' } as const }],
  ])('no longer matches when %s is changed', (_, change) => {
    expect(shareChecksumMatches({ ...shares[0]!, ...change })).toBe(false);
  });

  it('no longer matches when a byte of the share changes', () => {
    const share = shares[2]!;
    const flip = () =>
      share.share.use((b) => {
        b[b.length - 1] = (b[b.length - 1] ?? 0) ^ 0x80;
      });
    flip();
    expect(shareChecksumMatches(share)).toBe(false);
    flip();
    expect(shareChecksumMatches(share)).toBe(true);
  });
});

describe('custodyShareFieldsSchema', () => {
  it('accepts the fields of a real share', () => {
    expect(custodyShareFieldsSchema.safeParse(shareFields(shares[0]!)).success).toBe(true);
  });

  it.each([
    [
      'a fingerprint on an AES share',
      { materialCheck: { kind: 'spki-sha256', value: 'a'.repeat(64) } },
      'check kind does not fit the key spec',
    ],
    ['M above N', { m: 4 }, 'M must not exceed N'],
    ['an index above N', { index: 4 }, 'the index must not exceed N'],
    ['a lower-case check value', { materialCheck: { kind: 'kcv', value: 'abcdef' } }, undefined],
    ['17 shares', { n: 17 }, undefined],
  ])('refuses %s', (_, change, words) => {
    const parsed = custodyShareFieldsSchema.safeParse({ ...shareFields(shares[0]!), ...change });
    expect(parsed.success).toBe(false);
    if (words) expect(parsed.error?.issues.map((i) => i.message).join('; ')).toContain(words);
  });
});

describe('custodianSchema', () => {
  it.each(['Alice', '王小明', 'Zoë Müller-Łukasz'])('accepts %j', (name) => {
    expect(custodianSchema.safeParse(name).success).toBe(true);
  });

  it.each([
    ['an empty name', ''],
    ['spaces around it', ' Alice'],
    ['a line break', 'Ali\nce'],
    ['decomposed accents (not NFC)', 'Zoe\u0308'],
    ['more than 255 UTF-8 bytes', '王'.repeat(90)],
  ])('refuses %s', (_, name) => {
    expect(custodianSchema.safeParse(name).success).toBe(false);
  });
});

describe('the check a share carries', () => {
  it('is a key check value for AES and a public-key fingerprint for RSA and EC', () => {
    expect(materialCheckKind('AES_256')).toBe('kcv');
    expect(materialCheckKind('RSA_3072')).toBe('spki-sha256');
    expect(materialCheckKind('EC_P384')).toBe('spki-sha256');
    expect(checkValues(shares[0]!.materialCheck)).toEqual({
      keyCheckValue: shares[0]!.materialCheck.value,
      publicKeyFingerprint: null,
    });
    expect(checkValues({ kind: 'spki-sha256', value: 'c'.repeat(64) })).toEqual({
      keyCheckValue: null,
      publicKeyFingerprint: 'c'.repeat(64),
    });
    expect(checkValues(undefined)).toEqual({ keyCheckValue: null, publicKeyFingerprint: null });
  });
});
