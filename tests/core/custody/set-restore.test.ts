/**
 * Restoring a ceremony's keys from its custody set (custody/set-restore.ts) on a small set (three
 * keys, 2 of 3): the shares alone are checked first (none, too few, twice, another ceremony), the
 * backup must be the one the shares record (named by its label), every chosen key must be in it, and
 * what a restore proves is the check the backup recorded, which for AES is OpenSSL's check value.
 * (A 100-key set, forged shares and damaged backups: set-split.restore.test.ts.)
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyMaterial } from '../../../src-main/core/crypto/key-material';
import {
  checkBackupMatches,
  checkSetShares,
  requireEnoughSetShares,
  recordedChecks,
  restoreCustodySet,
  setRestoreProof,
} from '../../../src-main/core/custody/set-restore';
import { splitCustodySet, type CustodySet } from '../../../src-main/core/custody/set-split';
import { computeSetShareChecksum, type SetShare } from '../../../src-main/core/custody/set-share';
import { groupHex } from '../../../src-main/core/hex-groups';
import { translator } from '../../../src-main/i18n/translate';
import {
  expectKeyferryError,
  expectKeyferryRejection,
  makeTempDir,
  openssl,
  removeTempDir,
} from '../crypto/helpers/openssl';
import { CUSTODIANS, materialFor } from './helpers';

const KEY_IDS = [
  '0d0466b0-e727-4d9c-b35d-f84bb474a371',
  '0d0466b0-e727-4d9c-b35d-f84bb474a372',
  '0d0466b0-e727-4d9c-b35d-f84bb474a373',
];

let keys: { keyId: string; spec: 'AES_256' | 'EC_P256'; material: KeyMaterial }[];
let set: CustodySet;
let other: CustodySet;
let dir: string;

beforeAll(async () => {
  dir = await makeTempDir('set-restore');
  const specs = ['AES_256', 'AES_256', 'EC_P256'] as const;
  keys = await Promise.all(
    specs.map(async (spec, i) => ({ keyId: KEY_IDS[i]!, spec, material: await materialFor(spec) })),
  );
  const request = { m: 2, n: 3, custodians: CUSTODIANS.slice(0, 3), keys };
  set = await splitCustodySet({ ceremonyId: 'ceremony-2026-12-02', ...request });
  other = await splitCustodySet({ ceremonyId: 'ceremony-other', ...request });
});
afterAll(async () => {
  for (const k of keys) k.material.dispose();
  for (const s of [...set.shares, ...other.shares]) s.share.dispose();
  await removeTempDir(dir);
});

const share = (i: number): SetShare => set.shares[i]!;

describe('checkSetShares', () => {
  it('returns M for enough shares of one set', () => {
    expect(checkSetShares([share(2), share(0)])).toBe(2);
  });

  it('refuses no shares, too few, one twice and one of another ceremony, each saying nothing was restored', () => {
    expectKeyferryError(
      () => checkSetShares([]),
      'CUSTODY_SET_TOO_FEW_SHARES',
      'No shares were given. Nothing was restored.',
    );
    expectKeyferryError(
      () => checkSetShares([share(1)]),
      'CUSTODY_SET_TOO_FEW_SHARES',
      '1 of the 2 shares needed was given. Nothing was restored.',
    );
    expectKeyferryError(
      () => checkSetShares([share(1), share(1)]),
      'CUSTODY_SET_SHARE_DUPLICATE',
      'Share 2 was already presented: each share counts once. Nothing was restored.',
    );
    expectKeyferryError(
      () => checkSetShares([share(0), other.shares[1]!]),
      'CUSTODY_SET_SHARES_MIXED',
      'Shares 1 and 2 are not from the same custody set (ceremonies ceremony-2026-12-02 and ceremony-other).',
    );
  });
});

describe('requireEnoughSetShares', () => {
  it('refuses too few shares alone, whatever else is wrong with them (that is for the ceremony to refuse and journal)', () => {
    expect(requireEnoughSetShares([share(2), share(0)])).toBe(2);
    // One share twice, or one of another set: enough in number, so not refused here.
    expect(requireEnoughSetShares([share(1), share(1)])).toBe(2);
    expect(requireEnoughSetShares([share(0), other.shares[1]!])).toBe(2);
    expectKeyferryError(
      () => requireEnoughSetShares([share(1)]),
      'CUSTODY_SET_TOO_FEW_SHARES',
      '1 of the 2 shares needed was given. Nothing was restored.',
    );
    expectKeyferryError(
      () => requireEnoughSetShares([]),
      'CUSTODY_SET_TOO_FEW_SHARES',
      'No shares were given. Nothing was restored.',
    );
  });
});

describe('checkBackupMatches', () => {
  it('refuses the backup of another ceremony, naming the file and both digests', () => {
    const error = expectKeyferryError(
      () => checkBackupMatches(share(0), other.backup, 'E:/custody/backup.txt'),
      'CUSTODY_BACKUP_SWAPPED',
    );
    expect(error.message).toContain('The backup file E:/custody/backup.txt is not the one these shares were made with');
    // Whole and grouped in upper case, as the share slip prints it.
    expect(error.message).toContain(groupHex(set.backup.digest));
    expect(error.message).toContain(groupHex(other.backup.digest));
    expect(() => checkBackupMatches(share(0), set.backup, 'backup.txt')).not.toThrow();
  });
});

describe('restoreCustodySet', () => {
  it('restores the chosen keys, byte for byte, in the order asked', async () => {
    const restored = await restoreCustodySet([share(0), share(2)], set.backup, { keyIds: [KEY_IDS[2]!, KEY_IDS[0]!] });
    expect(restored.map((r) => r.keyId)).toEqual([KEY_IDS[2], KEY_IDS[0]]);
    expect(restored.map((r) => r.material.spec)).toEqual(['EC_P256', 'AES_256']);
    restored.forEach((r) => {
      const original = keys.find((k) => k.keyId === r.keyId)!.material;
      expect(r.material.secret.use((a) => original.secret.use((b) => a.equals(b)))).toBe(true);
      r.material.dispose();
    });
  });

  it('refuses a share whose custodian was edited (checksum recomputed) against the holder the backup names', async () => {
    const edited = { ...share(1), custodian: 'Eve' };
    const forged: SetShare = { ...edited, checksum: edited.share.use((b) => computeSetShareChecksum(edited, b)) };
    expect(() => checkSetShares([share(0), forged])).not.toThrow();
    const error = await expectKeyferryRejection(
      restoreCustodySet([share(0), forged], set.backup),
      'CUSTODY_SHARE_HOLDER_DIFFERS',
    );
    expect(error.message).toBe(
      `Share 2 names Eve as its custodian, but the custody set’s backup names ${CUSTODIANS[1]} for share 2: the share file was changed (its checksum is no seal). Nothing was restored.`,
    );
  });

  it('refuses a key the backup does not hold before rebuilding anything', async () => {
    await expectKeyferryRejection(
      restoreCustodySet([share(0), share(1)], set.backup, { keyIds: ['ffffffff-e727-4d9c-b35d-f84bb474a37f'] }),
      'CUSTODY_BACKUP_KEY_UNKNOWN',
      'Key ffffffff-e727-4d9c-b35d-f84bb474a37f is not in the custody backup of ceremony ceremony-2026-12-02. Nothing was restored.',
    );
  });

  it('names the backup by the label it is given when it was swapped', async () => {
    await expectKeyferryRejection(
      restoreCustodySet([share(0), share(1)], other.backup, { backupLabel: 'backup-of-other.txt' }),
      'CUSTODY_BACKUP_SWAPPED',
      /^The backup file backup-of-other\.txt is not/,
    );
  });
});

describe('what a restore proves', () => {
  it('the check recorded for each key: the AES check value OpenSSL computes, the EC public key’s SHA-256', async () => {
    const checks = recordedChecks(set.backup, [
      { keyId: 'replica-of-first', spec: 'AES_256', materialId: KEY_IDS[0]! },
      { keyId: KEY_IDS[2]!, spec: 'EC_P256' },
    ]);
    const zero = path.join(dir, 'zero.bin');
    await fs.writeFile(zero, Buffer.alloc(16));
    const key = keys[0]!.material.secret.use((b) => b.toString('hex'));
    const block = await openssl(['enc', '-aes-256-ecb', '-nopad', '-K', key, '-in', zero]);
    expect(checks[0]).toEqual({
      keyId: 'replica-of-first',
      spec: 'AES_256',
      keyCheckValue: block.subarray(0, 3).toString('hex').toUpperCase(),
      publicKeyFingerprint: null,
    });
    expect(checks[1]).toMatchObject({ keyId: KEY_IDS[2], keyCheckValue: null });
    expect(checks[1]?.publicKeyFingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the proof names the backup by the start of its digest, in both languages', () => {
    const proof = setRestoreProof(set.backup);
    const groups = set.backup.digest.slice(0, 16).match(/.{4}/g)!;
    const english = translator('en').message(proof);
    expect(english).toMatch(/^Proven: every key’s rebuilt material matches/);
    for (const group of groups) expect(english.toLowerCase()).toContain(group);
    expect(translator('zh-CN').message(proof).toLowerCase()).toContain(groups[0]);
  });
});
