/**
 * Replica groups in a bundle (format version 2): a key with `replicaOf` holds the same material
 * as that key of the same bundle, its group's primary, in another region or project. The checks
 * here run on both manifests, in the writer before anything is written and in the reader:
 * version 2 exactly when a key is a replica; every replica names a primary of this bundle that is
 * not itself a replica, of the same spec, except a replica in a later round of its own (its
 * material deleted or lapsed, or its import left undone while the primary's took), which the
 * parameters bundle binds to the group's material; parameters: the same usage, and every member of a group
 * in its own region/project; wrapped material: the same public-key fingerprint or KCV as its
 * primary (one material per group), and replicas of a primary not in the bundle as each other.
 */
import { KeyferryError } from '../errors';
import type { KeySpec } from '../crypto/key-spec';
import {
  BOUND_MATERIAL_FORMAT_VERSION,
  BUNDLE_FORMAT_VERSION,
  CEREMONY_AIR_GAP_JOURNAL_FORMAT_VERSION,
  CEREMONY_PEOPLE_FORMAT_VERSION,
  PER_KEY_EXPIRY_FORMAT_VERSION,
  REPLICA_GROUPS_FORMAT_VERSION,
  WRAPPED_EARLIER_WRAPS_FORMAT_VERSION,
  WRAPPED_CUSTODY_SET_FORMAT_VERSION,
  WRAPPED_MADE_BY_FORMAT_VERSION,
} from './bundle-limits';
import type { ImportParametersManifest } from './import-parameters-manifest';
import type { WrappedMaterialManifest } from './wrapped-material-manifest';

type ReplicaProblem =
  | 'version'
  | 'unknownPrimary'
  | 'chained'
  | 'specDiffers'
  | 'usageDiffers'
  | 'sameTarget'
  | 'evidenceDiffers'
  | 'membersDiffer';

function replicaInvalid(reason: ReplicaProblem, keyId: string, primary = ''): never {
  throw new KeyferryError('BUNDLE_REPLICA_INVALID', { reason, keyId, primary });
}

/**
 * The format version a bundle of these keys and ceremony facts is written with (and must say it
 * is): 6 when the facts name the ceremony's air-gapped journal, else 5 when they name the ceremony's people, else 4 when a key carries its own material
 * expiry, else 3 when a key carries the material it is bound to (all import parameters only),
 * or, for wrapped material, 5 when its custody shares name their custody set (`custody.backupDigest`),
 * 4 when it names who made it with the session that made it and the journal's earlier wraps
 * (`madeBy.wrapEntry`), 3 when it names who made it (`madeBy`); else 2 when a key is a replica, else 1.
 */
export function formatVersionFor(
  keys: readonly {
    readonly replicaOf?: string | undefined;
    readonly boundMaterial?: unknown;
    readonly materialExpiry?: unknown;
  }[],
  ceremony?: { readonly people?: unknown; readonly airGapJournal?: unknown },
  madeBy?: unknown,
  custody?: unknown,
): 1 | 2 | 3 | 4 | 5 | 6 {
  if (typeof custody === 'object' && custody !== null && 'backupDigest' in custody)
    return WRAPPED_CUSTODY_SET_FORMAT_VERSION;
  if (madeBy !== undefined)
    return typeof madeBy === 'object' && madeBy !== null && 'wrapEntry' in madeBy
      ? WRAPPED_EARLIER_WRAPS_FORMAT_VERSION
      : WRAPPED_MADE_BY_FORMAT_VERSION;
  if (ceremony?.airGapJournal !== undefined) return CEREMONY_AIR_GAP_JOURNAL_FORMAT_VERSION;
  if (ceremony?.people !== undefined) return CEREMONY_PEOPLE_FORMAT_VERSION;
  if (keys.some((k) => k.materialExpiry !== undefined)) return PER_KEY_EXPIRY_FORMAT_VERSION;
  if (keys.some((k) => k.boundMaterial !== undefined)) return BOUND_MATERIAL_FORMAT_VERSION;
  return keys.some((k) => k.replicaOf !== undefined) ? REPLICA_GROUPS_FORMAT_VERSION : BUNDLE_FORMAT_VERSION;
}

type AnyKey = (ImportParametersManifest | WrappedMaterialManifest)['keys'][number];

function checkGroups<K extends AnyKey>(
  manifest: {
    readonly formatVersion: number;
    readonly keys: readonly K[];
    readonly ceremony?: { readonly people?: unknown; readonly airGapJournal?: unknown } | undefined;
    readonly madeBy?: unknown;
    readonly custody?: unknown;
  },
  sameGroupFacts: (replica: K, primary: K, members: readonly K[]) => ReplicaProblem | undefined,
  mayStandAlone: (replica: K) => boolean,
): void {
  const expected = formatVersionFor(manifest.keys, manifest.ceremony, manifest.madeBy, manifest.custody);
  const byId = new Map(manifest.keys.map((k) => [k.keyId, k]));
  for (const key of manifest.keys) {
    if (manifest.formatVersion !== expected) replicaInvalid('version', key.keyId);
    if (key.replicaOf === undefined) continue;
    const primary = byId.get(key.replicaOf);
    // A later round for this member alone (its material deleted or lapsed, or its import left undone):
    // the group's material was bound when the group was imported, and the round restores that material.
    if (!primary && mayStandAlone(key)) continue;
    if (!primary || primary.keyId === key.keyId) replicaInvalid('unknownPrimary', key.keyId, key.replicaOf);
    if (primary.replicaOf !== undefined) replicaInvalid('chained', key.keyId, key.replicaOf);
    if (primary.keySpec !== key.keySpec) replicaInvalid('specDiffers', key.keyId, primary.keyId);
    const members = manifest.keys.filter((k) => k.keyId === primary.keyId || k.replicaOf === primary.keyId);
    const problem = sameGroupFacts(key, primary, members);
    if (problem) replicaInvalid(problem, key.keyId, primary.keyId);
  }
}

/** Checks the replica groups of an import-parameters manifest (see the module comment). */
export function checkParametersReplicaGroups(manifest: ImportParametersManifest): void {
  checkGroups(
    manifest,
    (replica, primary, members) => {
      if (replica.keyUsage !== primary.keyUsage) return 'usageDiffers';
      const target = `${replica.region}/${replica.projectId}`;
      const same = members.filter((m) => `${m.region}/${m.projectId}` === target);
      return same.length > 1 ? 'sameTarget' : undefined;
    },
    // Without its primary only when bound: the material it takes is then named in the bundle itself.
    (replica) => replica.boundMaterial !== undefined,
  );
}

/** Checks the replica groups of a wrapped-material manifest (see the module comment). */
export function checkWrappedReplicaGroups(manifest: WrappedMaterialManifest): void {
  checkGroups(
    manifest,
    (replica, primary) =>
      replica.publicKeyFingerprint !== primary.publicKeyFingerprint || replica.keyCheckValue !== primary.keyCheckValue
        ? 'evidenceDiffers'
        : undefined,
    // Wrapped for a parameters bundle that carried it alone; the online side holds that bundle's
    // record and compares this key's material with the group's bound material before importing.
    () => true,
  );
  refuseReplicasOfAbsentPrimaryDiffering(manifest.keys);
}

/**
 * Replicas of one primary that is not in the bundle hold one material as well: with no member of
 * their group imported yet, nothing else compares them, and two materials would go in for good.
 */
function refuseReplicasOfAbsentPrimaryDiffering(keys: WrappedMaterialManifest['keys']): void {
  const ids = new Set(keys.map((k) => k.keyId));
  for (const key of keys) {
    if (key.replicaOf === undefined || ids.has(key.replicaOf)) continue;
    const first = keys.find((k) => k.replicaOf === key.replicaOf);
    if (first && (first.publicKeyFingerprint !== key.publicKeyFingerprint || first.keyCheckValue !== key.keyCheckValue))
      replicaInvalid('membersDiffer', key.keyId, first.keyId);
  }
}

type GroupMember = { readonly keyId: string; readonly replicaOf?: string | undefined };

/**
 * The key whose material `k` takes, which is also the id its replica group goes by: its group's
 * primary (a replica takes the primary's material, never its own), else itself. Vaults, token
 * objects and restores hold material under this id only; the online side keeps a group's proofs under it.
 */
export function materialIdOf(k: { readonly keyId: string; readonly replicaOf?: string | null | undefined }): string {
  return k.replicaOf ?? k.keyId;
}

/**
 * The keys that hold their own material: each group's primary and every key alone, in the keys'
 * order (a replica's material is its primary's). The air-gapped side produces and splits material
 * for these; the restore restores it for these.
 */
export function materialOwners<K extends GroupMember>(keys: readonly K[]): K[] {
  return keys.filter((k) => k.replicaOf === undefined);
}

/**
 * Each material the keys take, once, under the id it is held by (a group's primary, or the key
 * alone), with its spec, in the keys' order: for a restore, whose bundle may carry a replica
 * without its primary (a later round for that replica alone), whose material is its primary's.
 */
export function materialsTaken<K extends GroupMember & { readonly keySpec: KeySpec }>(
  keys: readonly K[],
): { readonly keyId: string; readonly keySpec: KeySpec }[] {
  const taken = new Map<string, KeySpec>();
  for (const k of keys) if (!taken.has(materialIdOf(k))) taken.set(materialIdOf(k), k.keySpec);
  return [...taken].map(([keyId, keySpec]) => ({ keyId, keySpec }));
}
