/**
 * What becomes of the earlier wraps' custody sets once a new wrap of fresh material is imported
 * (earlier-wraps.ts). A set is to be destroyed only when every key it backs (each key its material
 * went to: every member of a replica group it holds) gets new material from this wrap. A wrap of
 * some of the keys only (key 2's import refused, new parameters fetched for key 2 alone) leaves the
 * other keys' material, which the KMS may hold from the earlier bundle, in that set alone: it is
 * KEPT. A set whose keys were not journaled is kept too. The receipt's custodian lines
 * (receipt/custodian-lines.ts coversKeys) and the online side (online/replaced-custody.ts) follow
 * the same rule. A wrap of material that exists already (HSM token keys, a material file) names no
 * set to destroy (it may be the earlier sets' own material), but still names the sets it leaves
 * keys of as kept: a trial told to destroy the earlier sets "where it is not that material" would
 * have destroyed the only backup of a key that holds the first bundle's material.
 */
import type { ImportParameters } from '../../bundle';
import { boundMaterialFor } from '../../bundle/bound-material';
import { groupHex } from '../../hex-groups';
import type { EarlierWrap } from './earlier-wraps';
import { namedKey } from '../shared/named-keys';

/** A key a kept set backs: its id, and its alias where the journal knows it. */
interface KeptKey {
  readonly keyId: string;
  readonly alias: string | undefined;
}

/** A kept key as a language-neutral value names it (a journaled phrase's list): `alias (key id)`, or the id. */
export function keptKeyName({ keyId, alias }: KeptKey): string {
  return alias === undefined ? keyId : namedKey({ alias, keyId });
}

/** The earlier custody sets split by what their custodians do once this wrap's bundle is imported. */
interface EarlierCustodySets {
  /** Sets whose every key this wrap makes new material for: destroyed once its bundle is imported. */
  readonly destroy: readonly string[];
  /** Sets that also back keys this wrap makes no new material for: kept. */
  readonly keep: readonly string[];
  /** The keys the kept sets back that this wrap makes no new material for, once each (alias unknown: undefined). */
  readonly keptKeys: readonly KeptKey[];
}

/**
 * The keys of `parameters` a fresh wrap makes new material for: every key that the KMS has not
 * bound to material (a bound key, or a member of a bound replica group, takes only that material).
 */
export function freshKeyIds(
  parameters: readonly Pick<ImportParameters, 'keyId' | 'replicaOf' | 'boundMaterial'>[],
): string[] {
  return parameters.filter((p) => boundMaterialFor(p, parameters) === undefined).map((p) => p.keyId);
}

/** A set's backup digest as slips and receipts print it: its first 16 hex digits grouped (`7A03 444A ……`). */
function setName(backupDigest: string): string {
  return `${groupHex(backupDigest.slice(0, 16))}…`;
}

/**
 * The earlier wraps' custody sets (oldest first), each to destroy or to keep once this wrap, making
 * new material for the keys `fresh`, is imported. `existing`: the wrap takes material that exists
 * already (for the keys `fresh`): no set is named to destroy, those that back other keys are kept.
 */
export function earlierCustodySets(
  earlier: readonly EarlierWrap[],
  fresh: readonly string[],
  existing = false,
): EarlierCustodySets {
  const destroy: string[] = [];
  const keep: string[] = [];
  const keptKeys = new Map<string, KeptKey>();
  for (const { custody } of earlier) {
    if (!custody) continue;
    const left = custody.keyIds.filter((k) => !fresh.includes(k));
    if (custody.keyIds.length > 0 && left.length === 0) {
      if (!existing) destroy.push(setName(custody.backupDigest));
    } else {
      keep.push(setName(custody.backupDigest));
      for (const keyId of left) {
        const alias = custody.aliases.get(keyId);
        if (!keptKeys.has(keyId)) keptKeys.set(keyId, { keyId, alias });
      }
    }
  }
  return { destroy, keep, keptKeys: [...keptKeys.values()] };
}
