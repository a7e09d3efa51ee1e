/**
 * The keys as the KMS sees them: describe-key for every key, noticing imported AES material that
 * lapsed (expired) back to Pending import, proving imported keys work, and deleting imported AES
 * material on request.
 */
import { isAsymmetric } from '../../crypto/key-spec';
import { KeyState, type KmsKeyInfo } from '../../kms/types';
import { forEachConcurrently } from '../../concurrency';
import { forEachKeyWithProgress } from './key-concurrency';
import { proveKey, type KeyProof } from './key-proof';
import { deletableKey } from './deletable-material';
import { refuseStep, type OnlineStepContext } from './step-context';
import { ONLINE_EVENTS } from './events';
import { materialIdOf } from '../../bundle/replica-groups';
import { holdsImportedMaterial, replicaPlaceOf, type OnlineKeyState } from './state';
import type { JournaledKey, KeyPlace, KeyStatus } from './types';
import { progressLine } from '../shared/progress';

/** Where `key` lives and which group it belongs to. */
export function placeOf(ctx: Pick<OnlineStepContext, 'region' | 'kms'>, key: OnlineKeyState): KeyPlace {
  return {
    region: key.target?.region ?? ctx.region,
    projectId: key.target?.projectId ?? ctx.kms.projectId,
    replicaOf: key.replicaOf ?? null,
  };
}

/** Every key of the ceremony as the journal knows it (no KMS call). */
export function journaledKeys(ctx: Pick<OnlineStepContext, 'state' | 'region' | 'kms'>): JournaledKey[] {
  return [...ctx.state.keys.values()].map((k) => ({
    ...placeOf(ctx, k),
    groupProof: ctx.state.replicaProofs.get(materialIdOf(k))?.method ?? null,
    keyId: k.keyId,
    alias: k.alias,
    spec: k.spec,
    imported: holdsImportedMaterial(k),
    importSentUnrecorded: !holdsImportedMaterial(k) && !!k.importMayHaveLanded && !k.importAnswer,
    importAnswerUnproven:
      !holdsImportedMaterial(k) && k.importMayHaveLanded && k.importAnswer ? { ...k.importAnswer } : null,
    lapsed: !holdsImportedMaterial(k) && !!k.materialLapsed,
    deleted: !!k.materialDeleted && !k.materialLapsed,
    expiresAt: k.imported ? (k.imported.expiresAt ?? 'never') : null,
    verified: !!k.verified,
    proof: k.verified?.proof ?? null,
  }));
}

/**
 * Journals that the imported material of `key` is gone (the key is back in Pending import): lapsed,
 * or, when a deletion of it was acknowledged and sent with no outcome recorded, deleted by that
 * request, recorded late (a trial killed delete-material after the KMS deleted: the journal said the
 * material expired, status asked for an expiry, and the receipt called the deletion an expiry).
 */
export async function journalLapse(ctx: OnlineStepContext, key: OnlineKeyState): Promise<void> {
  if (key.deletionSentSeq !== undefined) {
    await ctx.journal(ONLINE_EVENTS.materialDeleted, {
      keyId: key.keyId,
      keyState: 'Pending import',
      recordedLate: true,
    });
    return;
  }
  await ctx.journal(ONLINE_EVENTS.materialLapsed, {
    keyId: key.keyId,
    keyState: 'Pending import',
    recordedExpiresAt: key.imported?.expiresAt ?? null,
  });
}

/** describe-key for every key, journaled; returns the states and the imported keys found back in Pending import. */
export async function readKeyStatuses(
  ctx: OnlineStepContext,
): Promise<{ statuses: KeyStatus[]; lapsed: OnlineKeyState[] }> {
  const keys = [...ctx.state.keys.values()];
  const infos = await forEachConcurrently(keys, ctx.concurrency, (key) =>
    ctx.kmsCall('describe-key', key.keyId, () => ctx.kmsFor(key).describeKey(key.keyId)),
  );
  const lapsed = keys.filter((key, i) => holdsImportedMaterial(key) && infos[i]?.state === KeyState.PendingImport);
  const statuses: KeyStatus[] = keys.map((key, i) => ({
    keyId: key.keyId,
    alias: key.alias,
    spec: key.spec,
    ...placeOf(ctx, key),
    keyState: (infos[i] as KmsKeyInfo).stateName,
    materialExpiresAt: (infos[i] as KmsKeyInfo).materialExpiresAt?.toISOString() ?? null,
  }));
  await ctx.journal(ONLINE_EVENTS.statusRead, {
    keys: statuses.map((k) => ({
      keyId: k.keyId,
      keyState: k.keyState,
      ...(k.replicaOf ? { replicaOf: k.replicaOf, region: k.region, projectId: k.projectId } : {}),
    })),
  });
  return { statuses, lapsed };
}

/** Asks the KMS about every imported AES key; calls `onLapse` (which journals) for those back in Pending import. */
export async function noticeLapsedMaterial(
  ctx: OnlineStepContext,
  onLapse: (key: OnlineKeyState) => Promise<void>,
): Promise<void> {
  const keys = [...ctx.state.keys.values()].filter((k) => holdsImportedMaterial(k) && !isAsymmetric(k.spec));
  const infos = await forEachConcurrently(keys, ctx.concurrency, (key) =>
    ctx.kmsCall('describe-key', key.keyId, () => ctx.kmsFor(key).describeKey(key.keyId)),
  );
  for (const [i, key] of keys.entries()) if (infos[i]?.state === KeyState.PendingImport) await onLapse(key);
}

/** Proves every key holding imported material (see key-proof.ts), journaling each result. */
export async function proveImportedKeys(ctx: OnlineStepContext): Promise<KeyProof[]> {
  const keys = [...ctx.state.keys.values()].filter((k) => holdsImportedMaterial(k));
  return forEachKeyWithProgress(
    { concurrency: ctx.concurrency, onProgress: ctx.onProgress, step: 'verify' },
    keys,
    (key) => ({
      keyId: key.keyId,
      line: progressLine('verify-key', { spec: key.spec, alias: key.alias, ...replicaPlaceOf(key) }),
    }),
    async (key) => {
      const proof = await ctx.kmsCall('verify', key.keyId, () =>
        proveKey(ctx.kmsFor(key), {
          keyId: key.keyId,
          spec: key.spec,
          usage: key.usage,
          expectedPublicKeyFingerprint: key.checkedPublicKeyFingerprint ?? null,
        }),
      );
      const data = {
        keyId: key.keyId,
        keyState: proof.keyState,
        proof: proof.proof,
        publicKeyFingerprint: key.checkedPublicKeyFingerprint ?? null,
      };
      await ctx.journal(proof.ok ? ONLINE_EVENTS.verified : ONLINE_EVENTS.verifyFailed, data);
      return proof;
    },
  );
}

/**
 * Whether the ceremony's keys are all proven: every proof passed and no key waits for its material.
 * The proofs cover only the keys holding material (proveImportedKeys), so a key whose import was
 * refused or never sent has none: a trial's app said "all verified" with such a key still Pending import.
 */
export function everyKeyVerified(
  proofs: readonly KeyProof[],
  keys: readonly Pick<JournaledKey, 'imported'>[],
): boolean {
  return proofs.every((p) => p.ok) && keys.every((k) => k.imported);
}

/** Deletes the imported material of one AES key of this ceremony and journals its new state. */
export async function deleteImportedMaterial(
  ctx: OnlineStepContext,
  keyId: string,
  beforeDelete: () => Promise<void> = async () => undefined,
): Promise<{ keyId: string; keyState: string }> {
  const deletable = deletableKey(keyId, ctx.state.keys);
  if ('refusal' in deletable) return refuseStep(ctx, 'delete-imported-key-material', keyId, deletable.refusal);
  const { key } = deletable;
  await beforeDelete();
  const kms = ctx.kmsFor(key);
  await ctx.kmsCall('delete-imported-key-material', keyId, () => kms.deleteImportedKeyMaterial(keyId));
  const info = await ctx.kmsCall('describe-key', keyId, () => kms.describeKey(keyId));
  await ctx.journal(ONLINE_EVENTS.materialDeleted, { keyId, keyState: info.stateName });
  return { keyId, keyState: info.stateName };
}
