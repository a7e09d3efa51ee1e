/**
 * The restore from per-key custody shares (format 1, as Keyferry wrote them before custody sets):
 * M shares of one key rebuild its material in memory, proven against the check every share
 * records and against the material the KMS bound the key to, before anything is wrapped.
 * Success and refusal are journaled (who presented which share, the proof; never a share).
 */
import type { Phrase } from '../../../i18n/phrase';
import type { ImportParameters } from '../../bundle';
import type { KeyMaterial } from '../../crypto/key-material';
import { restoreMaterial } from '../../custody/restore';
import { checkValues, type CustodyShare } from '../../custody/custody-share';
import { toProblem } from '../../errors';
import { problemData } from '../../journal';
import type { AirGapWorkflowOptions } from '../airgap/ceremony-base';
import { evidenceByKey, proveBoundMaterial } from '../airgap/bound-material';
import { materialEvidence } from '../airgap/produce-material';
import type { PresentedShare, PresentedShares } from './presented-shares';

/** What the restore proved, for the screen and the receipt (no key bytes). */
export interface RestoredKey {
  readonly keyId: string;
  readonly spec: ImportParameters['keySpec'];
  /** The ceremony the shares were made in. */
  readonly splitCeremonyId: string;
  readonly shareIndexes: readonly number[];
  readonly threshold: number;
  readonly total: number;
  /** AES: the key check value (upper-case hex); else null. */
  readonly keyCheckValue: string | null;
  /** RSA/EC: SHA-256 of the public key's SPKI DER; else null. */
  readonly publicKeyFingerprint: string | null;
  /** What was proven: a `proof.restore.*` phrase (journaled as key + values too). */
  readonly proof: Phrase<'proof.restore.shares' | 'proof.restore.set'>;
  /**
   * From a ceremony custody set: every key restored (the first is described above); `replicaOf`: a
   * replica, whose material (and check value) is that primary's.
   */
  readonly keys?: readonly {
    readonly keyId: string;
    readonly spec: ImportParameters['keySpec'];
    readonly keyCheckValue: string | null;
    readonly publicKeyFingerprint: string | null;
    readonly replicaOf?: string;
  }[];
}

/** What the restore ceremony hands a share restore: the fresh bundle's keys, its journal, and where the material goes. */
export interface ShareRestoreContext {
  /** The fresh bundle's keys (per-key shares name one of them; a set restores every one). */
  readonly parameters: readonly ImportParameters[];
  readonly options: AirGapWorkflowOptions;
  /** Takes the proven material (the ceremony's vault, until it is wrapped). */
  readonly keep: (keyId: string, material: KeyMaterial) => void;
}

/**
 * Rebuilds the key the presented per-key shares name and proves it; the shares are wiped once it
 * succeeds. Refuses fewer than M shares and a result that does not prove (journaled, material wiped).
 */
export async function restoreFromKeyShares(
  shares: PresentedShares,
  context: ShareRestoreContext,
): Promise<{ readonly result: RestoredKey; readonly key: ImportParameters; readonly presented: PresentedShare[] }> {
  const { journal, operator } = context.options;
  const first = shares.shares[0] as CustodyShare;
  const key = context.parameters.find((p) => p.keyId === first.keyId) as ImportParameters;
  let material;
  try {
    material = await restoreMaterial(shares.shares, { expected: { keyId: key.keyId, spec: key.keySpec } });
    try {
      // The KMS takes only the material it bound the key to: prove it before anything is wrapped.
      const evidence = evidenceByKey([{ keyId: key.keyId, ...materialEvidence(material) }]);
      await proveBoundMaterial(context.options, [key], evidence, 'restore');
    } catch (error) {
      material.dispose();
      throw error;
    }
  } catch (error) {
    const problem = toProblem(error);
    await journal.append(operator, 'custody.restore-refused', {
      keyId: key.keyId,
      sharesPresented: shares.records.map((r) => r.shareIndex),
      ...problemData(problem),
    });
    throw error;
  }
  const presented = [...shares.records].sort((a, b) => a.shareIndex - b.shareIndex);
  shares.disposeAll();
  context.keep(key.keyId, material);
  const check = first.materialCheck;
  const proof: RestoredKey['proof'] = {
    key: 'proof.restore.shares',
    values: { kind: check.kind, value: check.value },
  };
  const result: RestoredKey = {
    keyId: key.keyId,
    spec: key.keySpec,
    splitCeremonyId: first.ceremonyId,
    shareIndexes: presented.map((p) => p.shareIndex),
    threshold: first.m,
    total: first.n,
    ...checkValues(check),
    proof,
  };
  await journal.append(operator, 'custody.restored', {
    keyId: key.keyId,
    spec: key.keySpec,
    splitCeremonyId: first.ceremonyId,
    threshold: first.m,
    total: first.n,
    holders: presented.map((p) => ({ shareIndex: p.shareIndex, custodian: p.custodian, presentedBy: p.presentedBy })),
    keyCheckValue: result.keyCheckValue,
    publicKeyFingerprint: result.publicKeyFingerprint,
    proof,
  });
  return { result, key, presented };
}
