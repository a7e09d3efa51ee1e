/**
 * Custody of a whole ceremony with one share per custodian: a fresh 256-bit backup key encrypts
 * every key's material into one backup file (backup-file.ts), and only that key is split M-of-N
 * (shamir.ts). Before anything is returned, the first M and the last M shares are combined and
 * every entry is decrypted and compared with the material it came from.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { KeyMaterial } from '../crypto/key-material';
import type { KeySpec } from '../crypto/key-spec';
import { SecretBytes } from '../crypto/secret-bytes';
import { KeyferryError } from '../errors';
import { eventLoopSlicer } from '../yield';
import { decryptEntry, encodeBackup, encryptEntry, type BackupEntry, type CustodyBackup } from './backup-file';
import { checkCustodianNames } from './custodian-names';
import { MAX_CUSTODY_SHARES, MIN_CUSTODY_THRESHOLD } from './custody-share';
import { materialCheckOf } from './material-check';
import { combineShares, splitSecret } from './shamir';
import {
  MAX_BACKUP_KEYS,
  backupKeyCheckOf,
  computeSetShareChecksum,
  type SetShare,
  type SetShareFields,
} from './set-share';

interface SplitSetRequest {
  readonly ceremonyId: string;
  readonly m: number;
  readonly n: number;
  /** Exactly n distinct names; share i goes to custodians[i - 1]. */
  readonly custodians: readonly string[];
  /** Every key of the ceremony, in the order the backup lists them. Left untouched. */
  readonly keys: readonly { readonly keyId: string; readonly spec: KeySpec; readonly material: KeyMaterial }[];
}

export interface CustodySet {
  readonly shares: SetShare[];
  readonly backup: CustodyBackup;
}

function checkRequest(request: SplitSetRequest): string[] {
  const { m, n } = request;
  if (!Number.isInteger(m) || !Number.isInteger(n) || m < MIN_CUSTODY_THRESHOLD || m > n || n > MAX_CUSTODY_SHARES)
    throw new KeyferryError('CUSTODY_SET_PARAMETERS_INVALID', { m, n });
  if (request.keys.length < 1 || request.keys.length > MAX_BACKUP_KEYS)
    throw new KeyferryError('CUSTODY_SET_KEY_COUNT', { count: request.keys.length, max: MAX_BACKUP_KEYS });
  if (request.custodians.length !== n)
    throw new KeyferryError('CUSTODY_SET_CUSTODIANS', { count: request.custodians.length, n });
  return checkCustodianNames(request.custodians);
}

async function encryptAll(backupKey: Buffer, request: SplitSetRequest): Promise<BackupEntry[]> {
  const entries: BackupEntry[] = [];
  // Between keys the event loop runs (a 100-key split never holds it for more than a slice).
  const slicer = eventLoopSlicer();
  for (const key of request.keys) {
    if (key.material.spec !== key.spec)
      throw new KeyferryError('CUSTODY_SET_SPEC_MISMATCH', {
        keyId: key.keyId,
        spec: key.spec,
        actual: key.material.spec,
      });
    const materialCheck = await materialCheckOf(key.material);
    entries.push(
      key.material.secret.use((bytes) =>
        encryptEntry(backupKey, request.ceremonyId, { keyId: key.keyId, spec: key.spec, materialCheck }, bytes),
      ),
    );
    await slicer.pause();
  }
  return entries;
}

/** Proves the set restorable: two M-subsets rebuild the key, every entry decrypts to its material. */
async function proveSet(shares: readonly SetShare[], backup: CustodyBackup, request: SplitSetRequest, key: Buffer) {
  const m = request.m;
  const slicer = eventLoopSlicer();
  for (const subset of [shares.slice(0, m), shares.slice(-m)]) {
    const copies = subset.map((s) => s.share.use((b) => Buffer.from(b)));
    const rebuilt = await combineShares(copies).finally(() => copies.forEach((c) => c.fill(0)));
    const same = rebuilt.length === key.length && timingSafeEqual(rebuilt, key);
    rebuilt.fill(0);
    if (!same) throw new KeyferryError('CUSTODY_SET_UNVERIFIED', {});
  }
  for (const [i, entry] of backup.entries.entries()) {
    const plain = decryptEntry(key, backup.ceremonyId, entry);
    const material = request.keys[i]?.material;
    const same =
      plain !== undefined &&
      material !== undefined &&
      material.secret.use((bytes) => bytes.length === plain.length && timingSafeEqual(bytes, plain));
    plain?.fill(0);
    if (!same) throw new KeyferryError('CUSTODY_SET_UNVERIFIED', {});
    await slicer.pause();
  }
}

/**
 * Splits the custody of every key of a ceremony into n shares of one backup key, any m of which
 * (with the backup file) rebuild every key. The materials are left untouched; the caller
 * disposes the returned shares.
 */
export async function splitCustodySet(request: SplitSetRequest): Promise<CustodySet> {
  const custodians = checkRequest(request);
  const backupKey = randomBytes(32);
  let shares: SetShare[] = [];
  try {
    const backup = encodeBackup(request.ceremonyId, await encryptAll(backupKey, request), custodians);
    const raw = await splitSecret(backupKey, request.m, request.n);
    const backupKeyCheck = backupKeyCheckOf(backupKey);
    shares = raw.map((bytes, i) => {
      const fields: SetShareFields = {
        kind: 'set',
        ceremonyId: request.ceremonyId,
        index: i + 1,
        m: request.m,
        n: request.n,
        custodian: custodians[i] as string,
        keyCount: request.keys.length,
        backupDigest: backup.digest,
        backupKeyCheck,
      };
      return { ...fields, checksum: computeSetShareChecksum(fields, bytes), share: SecretBytes.from(bytes) };
    });
    await proveSet(shares, backup, request, backupKey);
    return { shares, backup };
  } catch (error) {
    for (const share of shares) share.share.dispose();
    throw error;
  } finally {
    backupKey.fill(0);
  }
}
