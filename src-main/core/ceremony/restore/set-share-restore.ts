/**
 * The restore from the shares of a ceremony custody set (format 2) and its backup: M shares
 * rebuild the backup key, which opens every key's material in the backup (all or none), each
 * proven against the check the backup records for it and against the material the KMS bound the
 * key to, before anything is wrapped. Success and refusal are journaled (who presented which
 * share, the backup digest, the proof; never a share or the material).
 */
import { materialIdOf, materialsTaken } from '../../bundle';
import type { CustodyBackup } from '../../custody/backup-file';
import { recordedChecks, restoreCustodySet, setRestoreProof } from '../../custody/set-restore';
import type { SetShare } from '../../custody/set-share';
import { KeyferryError, toProblem } from '../../errors';
import { problemData } from '../../journal';
import { evidenceByKey, proveBoundMaterial } from '../airgap/bound-material';
import { materialEvidence } from '../airgap/produce-material';
import type { RestoredKey, ShareRestoreContext } from './per-key-restore';
import type { PresentedShare, PresentedShares } from './presented-shares';

/** A share restore's context (per-key-restore.ts) and the backup presented with the shares. */
interface SetRestoreContext extends ShareRestoreContext {
  /** undefined: refused, CUSTODY_BACKUP_MISSING. */
  readonly backup: CustodyBackup | undefined;
}

/**
 * Rebuilds every key of the bundle from the presented set shares and the backup and proves it;
 * the shares are wiped once it succeeds. Refuses fewer than M shares, a missing backup and a
 * result that does not prove (journaled, material wiped).
 */
export async function restoreFromSetShares(
  shares: PresentedShares,
  context: SetRestoreContext,
): Promise<{ readonly result: RestoredKey; readonly presented: PresentedShare[] }> {
  const { journal, operator } = context.options;
  const { parameters: keys, backup } = context;
  const first = shares.setShares[0] as SetShare;
  let restored;
  try {
    if (!backup) throw new KeyferryError('CUSTODY_BACKUP_MISSING', { file: 'backup' });
    // The backup holds one entry per material: a replica group's primary (its replicas take the
    // primary's material when wrapped, each under its own wrapping key; a replica in a round of its
    // own takes it without its primary in the bundle) and every key alone.
    restored = await restoreCustodySet(shares.setShares, backup, {
      keyIds: materialsTaken(keys).map((k) => k.keyId),
      keysFrom: 'bundle',
    });
    const rebuilt = restored;
    const evidence = evidenceByKey(rebuilt.map((r) => ({ keyId: r.keyId, ...materialEvidence(r.material) })));
    // The KMS takes only the material it bound each key to: prove it before anything is wrapped.
    await proveBoundMaterial(context.options, keys, evidence, 'restore').catch((error: unknown) => {
      for (const r of rebuilt) r.material.dispose();
      throw error;
    });
  } catch (error) {
    const problem = toProblem(error);
    await journal.append(operator, 'custody.restore-refused', {
      keyIds: keys.map((k) => k.keyId),
      sharesPresented: shares.records.map((r) => r.shareIndex),
      ...problemData(problem),
    });
    throw error;
  }
  const presented = [...shares.records].sort((a, b) => a.shareIndex - b.shareIndex);
  shares.disposeAll();
  for (const r of restored) context.keep(r.keyId, r.material);
  const held = backup as CustodyBackup;
  // A replica's check is its primary's (the backup records the group's one material under it): said as such.
  const facts = recordedChecks(
    held,
    keys.map((k) => ({ keyId: k.keyId, spec: k.keySpec, materialId: materialIdOf(k) })),
  ).map((fact, i) => {
    const replicaOf = keys[i]?.replicaOf;
    return replicaOf === undefined ? fact : { ...fact, replicaOf };
  });
  const proof = setRestoreProof(held);
  const head = facts[0] as (typeof facts)[number];
  const result: RestoredKey = {
    ...head,
    splitCeremonyId: first.ceremonyId,
    shareIndexes: presented.map((p) => p.shareIndex),
    threshold: first.m,
    total: first.n,
    proof,
    keys: facts,
  };
  await journal.append(operator, 'custody.restored', {
    keyIds: keys.map((k) => k.keyId),
    splitCeremonyId: first.ceremonyId,
    backupDigest: held.digest,
    threshold: first.m,
    total: first.n,
    holders: presented.map((p) => ({ shareIndex: p.shareIndex, custodian: p.custodian, presentedBy: p.presentedBy })),
    keys: facts.map((f) => ({ ...f })),
    proof,
  });
  return { result, presented };
}
