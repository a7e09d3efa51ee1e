/**
 * Restoring a ceremony's keys from M set shares and its backup file, in memory only. Every
 * share is checked, the backup file must be the one the shares were made with (its digest is in
 * every share), the rebuilt backup key must match the check in every share, and every chosen
 * entry must decrypt and prove against its recorded check value before any material is
 * returned: all chosen keys or none.
 */
import type { Phrase } from '../../i18n/phrase';
import type { KeyMaterial } from '../crypto/key-material';
import type { KeySpec } from '../crypto/key-spec';
import { KeyferryError } from '../errors';
import { groupHex } from '../hex-groups';
import { decryptEntry, type CustodyBackup } from './backup-file';
import { checkValues } from './custody-share';
import { isMaterialProblem, proveRebuiltMaterial } from './material-check';
import { combineShares, shareXCoordinate } from './shamir';
import { backupKeyCheckOf, mixedSharesRefusal, setShareIntact, type SetShare } from './set-share';
import { eventLoopSlicer } from '../yield';
import { listValue } from '../../i18n/list';

interface RestoreSetOptions {
  /** Restore only these keys (default: every key of the backup). */
  readonly keyIds?: readonly string[];
  /**
   * Who chose `keyIds`: the officer (--key-id, the default), or an import-parameters bundle, whose
   * keys a custody set that lacks one cannot serve at all (its refusal says which set to bring).
   */
  readonly keysFrom?: 'officer' | 'bundle';
  /** Names the backup file in messages. */
  readonly backupLabel?: string;
}

export interface RestoredSetKey {
  readonly keyId: string;
  readonly material: KeyMaterial;
}

/** What a set restore proved for one key: the check its backup entry recorded. */
interface RestoredKeyCheck {
  readonly keyId: string;
  readonly spec: KeySpec;
  readonly keyCheckValue: string | null;
  readonly publicKeyFingerprint: string | null;
}

/** For each of `keys` (in their order), the check `backup` recorded for it: what a set restore proves. */
export function recordedChecks(
  backup: CustodyBackup,
  keys: readonly { readonly keyId: string; readonly spec: KeySpec; readonly materialId?: string }[],
): RestoredKeyCheck[] {
  return keys.map((k) => ({
    keyId: k.keyId,
    spec: k.spec,
    ...checkValues(backup.entries.find((e) => e.keyId === (k.materialId ?? k.keyId))?.materialCheck),
  }));
}

/** What a set restore from `backup` proved, as a catalogue phrase (journaled and shown in the reader's language). */
export function setRestoreProof(backup: CustodyBackup): Phrase<'proof.restore.set'> {
  return { key: 'proof.restore.set', values: { digest: groupHex(backup.digest.slice(0, 16)) } };
}

/**
 * Refuses fewer shares than the set needs (the M the first share records; none given: at least 2),
 * CUSTODY_SET_TOO_FEW_SHARES, whatever else is wrong with them; returns M. The CLI's restore asks
 * this alone before the journal opens; what else is wrong waits for each share to be presented.
 */
export function requireEnoughSetShares(shares: readonly SetShare[]): number {
  const needed = shares[0]?.m ?? 2;
  if (shares.length < needed) throw new KeyferryError('CUSTODY_SET_TOO_FEW_SHARES', { given: shares.length, needed });
  return needed;
}

/** Checks the shares alone (intact, one set, no index twice, then at least M: requireEnoughSetShares); returns M. */
export function checkSetShares(shares: readonly SetShare[]): number {
  const first = shares[0];
  if (!first) return requireEnoughSetShares(shares);
  const indexes = new Set<number>();
  const xs = new Set<number>();
  for (const share of shares) {
    if (!setShareIntact(share)) throw new KeyferryError('CUSTODY_SET_SHARE_CORRUPTED', { index: share.index });
    const same =
      share.ceremonyId === first.ceremonyId &&
      share.m === first.m &&
      share.n === first.n &&
      share.keyCount === first.keyCount &&
      share.backupDigest === first.backupDigest &&
      share.backupKeyCheck === first.backupKeyCheck;
    const x = share.share.use(shareXCoordinate);
    if (!same || (xs.has(x) && !indexes.has(share.index))) throw mixedSharesRefusal(first, share);
    if (indexes.has(share.index)) throw new KeyferryError('CUSTODY_SET_SHARE_DUPLICATE', { index: share.index });
    indexes.add(share.index);
    xs.add(x);
  }
  return requireEnoughSetShares(shares);
}

/** Refuses a backup file other than the one the shares were made with. */
export function checkBackupMatches(share: SetShare, backup: CustodyBackup, label: string): void {
  if (backup.digest !== share.backupDigest || backup.ceremonyId !== share.ceremonyId)
    throw new KeyferryError('CUSTODY_BACKUP_SWAPPED', {
      file: label,
      ceremonyId: share.ceremonyId,
      backupCeremonyId: backup.ceremonyId,
      // Whole and grouped in upper case, as the slip prints "Backup digest (SHA-256)", to compare line by line.
      expected: groupHex(share.backupDigest),
      actual: groupHex(backup.digest),
    });
}

/**
 * Refuses a share whose custodian is not the holder the backup (version 2) names for its index: the
 * share file's checksum is no seal, and a trial's edited share named "Eve" for share 2, which the
 * receipt then recorded as hers. The backup is bound to every share by its digest. A restore
 * ceremony checks it as the share or the backup is presented, before the rebuild.
 */
export function checkHoldersMatch(shares: readonly SetShare[], backup: CustodyBackup): void {
  if (backup.holders === null) return;
  for (const share of shares) {
    const holder = backup.holders[share.index - 1];
    if (holder !== share.custodian)
      throw new KeyferryError('CUSTODY_SHARE_HOLDER_DIFFERS', {
        index: share.index,
        custodian: share.custodian,
        holder: holder ?? '',
      });
  }
}

/**
 * Rebuilds the backup key from the shares and opens the chosen entries of the backup. The
 * shares are not disposed; the caller disposes every returned material.
 */
export async function restoreCustodySet(
  shares: readonly SetShare[],
  backup: CustodyBackup,
  options: RestoreSetOptions = {},
): Promise<RestoredSetKey[]> {
  checkSetShares(shares);
  const first = shares[0] as SetShare;
  checkBackupMatches(first, backup, options.backupLabel ?? 'backup');
  checkHoldersMatch(shares, backup);
  const chosen = options.keyIds ?? backup.entries.map((e) => e.keyId);
  const entries = chosen.map((keyId) => {
    const entry = backup.entries.find((e) => e.keyId === keyId);
    if (!entry)
      throw new KeyferryError('CUSTODY_BACKUP_KEY_UNKNOWN', {
        keyId,
        ceremonyId: backup.ceremonyId,
        chosenBy: options.keysFrom ?? 'officer',
      });
    return entry;
  });
  const copies = shares.map((s) => s.share.use((b) => Buffer.from(b)));
  const backupKey = await combineShares(copies).finally(() => copies.forEach((c) => c.fill(0)));
  const restored: RestoredSetKey[] = [];
  try {
    if (backupKeyCheckOf(backupKey) !== first.backupKeyCheck)
      throw new KeyferryError('CUSTODY_SET_KEY_MISMATCH', {
        sharesList: listValue(shares.map((s) => s.index)),
      });
    const slicer = eventLoopSlicer();
    for (const entry of entries) {
      const plain = decryptEntry(backupKey, backup.ceremonyId, entry);
      const material = plain ? await proveRebuiltMaterial(entry.spec, plain, entry.materialCheck) : undefined;
      if (material === undefined || isMaterialProblem(material))
        throw new KeyferryError('CUSTODY_BACKUP_ENTRY_INVALID', { keyId: entry.keyId });
      restored.push({ keyId: entry.keyId, material });
      await slicer.pause();
    }
    return restored;
  } catch (error) {
    for (const r of restored) r.material.dispose();
    throw error;
  } finally {
    backupKey.fill(0);
  }
}
