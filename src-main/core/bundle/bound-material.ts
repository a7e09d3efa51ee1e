/**
 * The material a key is bound to (import-parameters bundle version 3, `boundMaterial`): once
 * material was imported into a KMS key, the KMS takes only those bytes again, after a deletion or
 * a lapse too (KMS.2606). The online side puts what its journal checked before the first import
 * into the bundle; the air-gapped side compares every material it would wrap for the key with it.
 *
 * Evidence only: a key check value is 3 bytes, so equal does not prove the same AES material
 * (the KMS still checks), while different proves other material; a public-key SHA-256 proves it.
 */
import { isAsymmetric } from '../crypto/key-spec';
import { KeyferryError } from '../errors';
import { groupHex } from '../hex-groups';
import type { ImportParameters } from './import-parameters';
import { materialIdOf } from './replica-groups';
import type { BoundMaterial, ImportParametersManifest } from './import-parameters-manifest';

export type { BoundMaterial } from './import-parameters-manifest';

/** What material shows of itself: AES its key check value, RSA/EC its public key's SHA-256. */
export interface MaterialEvidence {
  readonly keyCheckValue: string | null;
  readonly publicKeyFingerprint: string | null;
}

/** The value a bound identity is compared by (KCV upper-case, fingerprint lower-case hex). */
export function boundValue(bound: BoundMaterial): string {
  return bound.kind === 'key-check-value' ? bound.keyCheckValue : bound.publicKeyFingerprint;
}

/** The same value taken from material's evidence, in the form `boundValue` gives for `bound`. */
function heldValue(bound: BoundMaterial, evidence: MaterialEvidence): string {
  return bound.kind === 'key-check-value'
    ? (evidence.keyCheckValue ?? '').toUpperCase()
    : (evidence.publicKeyFingerprint ?? '').toLowerCase();
}

/** True when `evidence` shows the bound material (see the module comment for what a KCV proves). */
export function matchesBound(bound: BoundMaterial, evidence: MaterialEvidence): boolean {
  return heldValue(bound, evidence) === boundValue(bound);
}

/**
 * Checks the bound identities of a manifest: the kind fits the spec (AES a KCV, RSA/EC a public-key
 * fingerprint) and the members of a replica group that are bound are bound to one material.
 */
export function checkBoundMaterial(manifest: ImportParametersManifest): void {
  const byId = new Map(manifest.keys.map((k) => [k.keyId, k]));
  for (const key of manifest.keys) {
    const bound = key.boundMaterial;
    if (!bound) continue;
    if ((bound.kind === 'public-key-sha256') !== isAsymmetric(key.keySpec)) {
      throw new KeyferryError('BUNDLE_BOUND_MATERIAL_INVALID', {
        reason: 'kind',
        keyId: key.keyId,
        spec: key.keySpec,
        other: '',
      });
    }
    const primary = key.replicaOf === undefined ? undefined : byId.get(key.replicaOf);
    const other = primary?.boundMaterial;
    if (primary && other && boundValue(other) !== boundValue(bound)) {
      throw new KeyferryError('BUNDLE_BOUND_MATERIAL_INVALID', {
        reason: 'groupDiffers',
        keyId: key.keyId,
        spec: key.keySpec,
        other: primary.keyId,
      });
    }
  }
}

/**
 * The bound identity of the material `p` uses: its own, or (a group holds one material) that of
 * any bound member of its replica group in `keys`; undefined when no member was ever imported into.
 */
export function boundMaterialFor(
  p: Pick<ImportParameters, 'keyId' | 'replicaOf'>,
  keys: readonly Pick<ImportParameters, 'keyId' | 'replicaOf' | 'boundMaterial'>[],
): { readonly keyId: string; readonly bound: BoundMaterial } | undefined {
  const group = materialIdOf(p);
  const member = keys.find((k) => (k.keyId === group || k.replicaOf === group) && k.boundMaterial);
  return member?.boundMaterial ? { keyId: member.keyId, bound: member.boundMaterial } : undefined;
}

/** A bound or held value as people read it: a KCV as it is, a fingerprint in groups of four. */
function readable(bound: BoundMaterial, value: string): string {
  return bound.kind === 'key-check-value' || value === '' ? value : groupHex(value);
}

/** The problem values naming a bound key: key id, kind, the bound value and the online journal entry. */
export function boundProblemValues(keyId: string, bound: BoundMaterial) {
  return {
    keyId,
    kind: bound.kind === 'key-check-value' ? 'kcv' : 'spki',
    bound: readable(bound, boundValue(bound)),
    seq: bound.importedSeq,
  } as const;
}

/**
 * Refuses material whose evidence is not the bound material of `p` (or of its replica group):
 * MATERIAL_NOT_THE_BOUND naming the key, both values and the online journal entry. Returns the
 * bound identity it matched, or undefined when the key is not bound.
 */
export function requireBoundMaterial(
  p: Pick<ImportParameters, 'keyId' | 'replicaOf'>,
  keys: readonly ImportParameters[],
  evidence: MaterialEvidence,
): BoundMaterial | undefined {
  const found = boundMaterialFor(p, keys);
  if (!found) return undefined;
  if (!matchesBound(found.bound, evidence)) {
    throw new KeyferryError('MATERIAL_NOT_THE_BOUND', {
      ...boundProblemValues(p.keyId, found.bound),
      held: readable(found.bound, heldValue(found.bound, evidence)) || '-',
    });
  }
  return found.bound;
}
