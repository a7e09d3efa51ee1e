/** What restore refuses, and what split refuses: each with a plain reason naming the share. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyMaterial } from '../../../src-main/core/crypto/key-material';
import { SecretBytes } from '../../../src-main/core/crypto/secret-bytes';
import { computeShareChecksum, shareFields, type CustodyShare } from '../../../src-main/core/custody/custody-share';
import { restoreMaterial } from '../../../src-main/core/custody/restore';
import { splitMaterial } from '../../../src-main/core/custody/split';
import { en } from '../../../src-main/i18n/catalogues/en';
import { CUSTODIANS, bytesOf, materialFor, refusal, split } from './helpers';

/** A share relabelled as `like` (same metadata, valid checksum) but carrying `donor`'s bytes. */
function forge(like: CustodyShare, donor: CustodyShare, avoidX: number[]): CustodyShare {
  const bytes = donor.share.use((b) => Buffer.from(b));
  let x = bytes[0] as number;
  while (avoidX.includes(x)) x = (x % 255) + 1;
  bytes[0] = x;
  const fields = shareFields(like);
  return { ...fields, share: SecretBytes.from(bytes), checksum: computeShareChecksum(fields, bytes) };
}

const xOf = (s: CustodyShare): number => s.share.use((b) => b[0] as number);

describe('restoreMaterial refuses', () => {
  let aes: KeyMaterial;
  let otherAes: KeyMaterial;
  let ec: KeyMaterial;

  beforeAll(async () => {
    [aes, otherAes, ec] = await Promise.all([materialFor('AES_256'), materialFor('AES_256'), materialFor('EC_P384')]);
  });
  afterAll(() => [aes, otherAes, ec].forEach((m) => m.dispose()));

  it('no shares at all', async () => {
    expect((await refusal(() => restoreMaterial([]))).code).toBe('CUSTODY_TOO_FEW_SHARES');
  });

  it('fewer than M shares, saying how many more are needed', async () => {
    const shares = await split(aes, 4, 6);
    const error = await refusal(() => restoreMaterial(shares.slice(0, 1)));
    expect(error.message).toBe('1 of the 4 shares needed was given: 3 more are needed.');
    expect(error.nextStep).toContain('Gather 3 more custodians');
  });

  it('shares from different ceremonies', async () => {
    const a = await split(aes, 2, 3, { ceremonyId: 'ceremony-A' });
    const b = await split(aes, 2, 3, { ceremonyId: 'ceremony-B' });
    const error = await refusal(() => restoreMaterial([a[0] as CustodyShare, b[1] as CustodyShare]));
    expect(error.code).toBe('CUSTODY_SHARES_MIXED');
    expect(error.message).toContain('different ceremonies');
    expect(error.message).toContain('ceremony-B');
  });

  it('shares of different keys', async () => {
    const a = await split(aes, 2, 3, { keyId: '1e1b0c2a-2f4d-4c6e-9a8b-0c1d2e3f4a51' });
    const b = await split(otherAes, 2, 3, { keyId: '2e1b0c2a-2f4d-4c6e-9a8b-0c1d2e3f4a52' });
    const error = await refusal(() => restoreMaterial([a[0] as CustodyShare, b[1] as CustodyShare]));
    expect(error.code).toBe('CUSTODY_SHARES_MIXED');
    expect(error.message).toContain('different keys');
  });

  it('shares of different specs', async () => {
    const a = await split(aes, 2, 3);
    const b = await split(ec, 2, 3);
    const error = await refusal(() => restoreMaterial([a[0] as CustodyShare, b[1] as CustodyShare]));
    expect(error.message).toContain('different key specs');
  });

  it('shares of splits with different M or N', async () => {
    const a = await split(aes, 2, 3);
    const b = await split(aes, 2, 4);
    const error = await refusal(() => restoreMaterial([a[0] as CustodyShare, b[1] as CustodyShare]));
    expect(error.message).toContain('2-of-3');
    expect(error.message).toContain('2-of-4');
  });

  it('shares recording different material under the same key id', async () => {
    const a = await split(aes, 2, 3);
    const b = await split(otherAes, 2, 3);
    const error = await refusal(() => restoreMaterial([a[0] as CustodyShare, b[1] as CustodyShare]));
    expect(error.code).toBe('CUSTODY_SHARES_MIXED');
    expect(error.message).toContain('record different material');
  });

  it('a duplicated share, even as a separate copy', async () => {
    const shares = await split(aes, 2, 3);
    const [one, two] = shares as [CustodyShare, CustodyShare];
    const copy = { ...one, share: SecretBytes.from(one.share.use((b) => Buffer.from(b))) };
    for (const set of [
      [one, one, two],
      [one, two, copy],
    ]) {
      const error = await refusal(() => restoreMaterial(set));
      expect(error.code).toBe('CUSTODY_SHARE_DUPLICATE');
      expect(error.message).toBe('Share 1 was given more than once.');
    }
  });

  it('shares of the wrong ceremony, key or spec when the caller says what it expects', async () => {
    const shares = (await split(aes, 2, 3)).slice(0, 2);
    for (const expected of [
      { ceremonyId: 'other-ceremony' },
      { keyId: '3e1b0c2a-2f4d-4c6e-9a8b-0c1d2e3f4a53' },
      { spec: 'RSA_2048' as const },
    ]) {
      const error = await refusal(() => restoreMaterial(shares, { expected }));
      expect(error.code).toBe('CUSTODY_SHARE_FOREIGN');
    }
  });

  it('a share whose any byte was changed in memory, naming that share', async () => {
    for (const material of [aes, ec]) {
      const shares = await split(material, 3, 5);
      for (const target of shares) {
        const others = shares.filter((s) => s !== target).slice(0, 2);
        const length = target.share.length;
        for (let i = 0; i < length; i++) {
          const bytes = target.share.use((b) => Buffer.from(b));
          bytes[i] = (bytes[i] as number) ^ 0x01;
          const bad: CustodyShare = { ...target, share: SecretBytes.from(bytes) };
          const error = await refusal(() => restoreMaterial([...others, bad]));
          expect(error.code).toBe('CUSTODY_SHARE_CORRUPTED');
          expect(error.message).toBe(`Share ${target.index} is corrupted: its checksum does not match its contents.`);
        }
      }
    }
  });

  it('a wrong share with a valid checksum: the rebuilt key check value differs', async () => {
    const shares = await split(aes, 2, 3);
    const donor = (await split(otherAes, 2, 3))[1] as CustodyShare;
    const [one, two] = shares as [CustodyShare, CustodyShare];
    const forged = forge(two, donor, [xOf(one)]);
    const error = await refusal(() => restoreMaterial([one, forged]));
    expect(error.code).toBe('CUSTODY_RESTORE_MISMATCH');
    expect(error.message).toContain(`differs from the recorded ${one.materialCheck.value}`);
    expect(error.message).toContain('though its checksum is intact');
  });

  it('a wrong share among more than M: it names the share that disagrees', async () => {
    const shares = await split(aes, 2, 4);
    const donor = (await split(otherAes, 2, 4))[3] as CustodyShare;
    const good = shares.slice(0, 3);
    const forged = forge(shares[3] as CustodyShare, donor, good.map(xOf));
    const error = await refusal(() => restoreMaterial([good[0], forged, good[1], good[2]] as CustodyShare[]));
    expect(error.code).toBe('CUSTODY_RESTORE_MISMATCH');
    expect(error.message).toContain('Share 4 disagrees with the others.');
  });

  it('a wrong share of an asymmetric key: the rebuilt bytes are not the key', async () => {
    const shares = await split(ec, 2, 3);
    const other = await materialFor('EC_P384');
    const donor = (await split(other, 2, 3))[1] as CustodyShare;
    other.dispose();
    const [one, two] = shares as [CustodyShare, CustodyShare];
    const error = await refusal(() => restoreMaterial([one, forge(two, donor, [xOf(one)])]));
    expect(error.code).toBe('CUSTODY_RESTORE_MISMATCH');
    expect(error.message).toMatch(/do not form the key|public-key SHA-256/);
  });

  it('two splits of the same material mixed together (same metadata, different polynomials)', async () => {
    const a = await split(aes, 2, 3);
    const b = await split(aes, 2, 3);
    const error = await refusal(() => restoreMaterial([a[0] as CustodyShare, b[1] as CustodyShare]));
    expect(['CUSTODY_RESTORE_MISMATCH', 'CUSTODY_SHARES_MIXED']).toContain(error.code);
  });
});

describe('splitMaterial refuses', () => {
  let aes: KeyMaterial;
  beforeAll(async () => {
    aes = await materialFor('AES_256');
  });
  afterAll(() => aes.dispose());

  const base = () => ({
    material: aes,
    m: 2,
    n: 3,
    ceremonyId: 'c1',
    keyId: '4e1b0c2a-2f4d-4c6e-9a8b-0c1d2e3f4a54',
    spec: 'AES_256' as const,
    custodians: CUSTODIANS.slice(0, 3),
  });

  it.each([
    ['M below 2', { m: 1 }, '1-of-3 custody is not allowed'],
    ['M above N', { m: 4 }, '4-of-3 custody is not allowed'],
    ['N above 16', { m: 2, n: 17, custodians: [...CUSTODIANS, 'Zed'] }, '2-of-17 custody is not allowed'],
    [
      'a spec other than the material',
      { spec: 'RSA_2048' as const },
      'The key material is AES_256 but RSA_2048 was requested.',
    ],
    [
      'too few custodians',
      { custodians: ['Alice', 'Bob'] },
      'The 3 shares need 3 custodians, one each; custodians named: 2.',
    ],
    ['a key id that cannot be a file name', { keyId: '../etc' }, 'The key id "../etc" is not valid.'],
    ['a bad ceremony id', { ceremonyId: 'a b' }, 'The ceremony id "a b" is not valid.'],
  ])('%s', async (_label, change, message) => {
    const error = await refusal(() => splitMaterial({ ...base(), ...change }));
    expect(error.code).toBe('CUSTODY_SPLIT_REFUSED');
    expect(error.message).toContain(message);
  });

  it('has a sentence for each refusal the split can make and none for names, which custodian-names.ts refuses', () => {
    const branches = (key: keyof typeof en) =>
      [...en[key].matchAll(/(?:select, |\} )(\w+) \{(?!\w+\})/g)].map((m) => m[1]);
    // The next step's `other` says the app's way apart (`{surface, select, app {…} other {…}}`): its branches are not refusals.
    for (const key of ['problem.CUSTODY_SPLIT_REFUSED', 'problem.CUSTODY_SPLIT_REFUSED.next'] as const)
      expect([...new Set(branches(key))].filter((b) => b !== 'app')).toEqual([
        'parameters',
        'spec',
        'ceremonyId',
        'keyId',
        'other',
      ]);
  });

  // One check of custodian names for every split (custodian-names.ts), with its own codes.
  it.each([
    [
      'one person twice',
      ['Alice', 'Bob', ' alice '],
      'CUSTODY_SET_CUSTODIAN_TWICE',
      'The custodians of shares 1 and 3, typed as "Alice" and " alice ", are one person by Keyferry’s comparison',
    ],
    [
      'an empty custodian name',
      ['Alice', 'Bob', ' '],
      'CUSTODY_SET_CUSTODIAN_INVALID',
      'The custodian name "" is not usable',
    ],
    ['a pasted invisible character', ['Alice', 'Bob', 'Ca\u200Brol'], 'CUSTODY_SET_CUSTODIAN_INVALID', 'U+200B'],
  ])('%s', async (_label, custodians, code, message) => {
    const error = await refusal(() => splitMaterial({ ...base(), custodians }));
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });

  it('accepts 16-of-16 and leaves the material intact', async () => {
    const before = bytesOf(aes);
    const shares = await splitMaterial({ ...base(), m: 16, n: 16, custodians: CUSTODIANS });
    expect(shares).toHaveLength(16);
    expect(bytesOf(aes).equals(before)).toBe(true);
    const rebuilt = await restoreMaterial(shares);
    expect(bytesOf(rebuilt).equals(before)).toBe(true);
    rebuilt.dispose();
  });

  it('refuses material that cannot be proven after a restore (a 16-byte AES key)', async () => {
    const { createKeyMaterial } = await import('../../../src-main/core/crypto/key-material');
    const short = createKeyMaterial('AES_256', SecretBytes.from(Buffer.alloc(16, 7)));
    const error = await refusal(() => splitMaterial({ ...base(), material: short }));
    expect(error.code).toBe('CUSTODY_MATERIAL_INVALID');
  });
});
