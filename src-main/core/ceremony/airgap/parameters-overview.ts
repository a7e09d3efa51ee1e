/**
 * What the air-gapped side shows once it has read the import parameters: per key the values people
 * compare (alias, spec, wrapping-key fingerprint, token digest and expiry, replica group, region), and
 * for the session the witnesses' artefacts to confirm. Plain values, sent over IPC and journaled.
 */
import { boundMaterialFor, boundValue, type ImportParameters } from '../../bundle';
import type { ArtefactToConfirm } from './witness-confirmations';

/** One key as read from the parameters, with what people compare. */
export interface AirGapKeyOverview {
  readonly keyId: string;
  readonly alias: string;
  readonly spec: ImportParameters['keySpec'];
  readonly wrappingAlgorithm: ImportParameters['wrappingAlgorithm'];
  readonly wrappingKeyFingerprint: string;
  readonly importTokenSha256: string | null;
  readonly tokenExpiresAt: string | null;
  /** A replica: its group's primary (the material is the primary's); null for a primary or a key alone. */
  readonly replicaOf: string | null;
  /** Where the KMS key lives (null for console files). */
  readonly region: string | null;
  readonly projectId: string | null;
  /**
   * The material the KMS bound this key (or its replica group) to at its first import, from a
   * format 3 bundle: only that material can be wrapped for it (fresh material is refused before it
   * is generated; `custody restore` brings it back). Null for a key never imported into.
   */
  readonly bound: { readonly kind: 'kcv' | 'spki'; readonly value: string; readonly importedSeq: number } | null;
}

export interface ParametersOverview {
  readonly ceremonyId: string;
  readonly source: string;
  /**
   * The bundle digest (null for console files). Not for showing: the witnesses type it as heard
   * from the online workstation (`confirmations` shows it once they all have).
   */
  readonly manifestSha256: string | null;
  readonly keys: readonly AirGapKeyOverview[];
  readonly confirmations: readonly ArtefactToConfirm[];
  readonly warnings: readonly string[];
}

/** The overview of `p`, one of `keys` (its replica group's binding is found among them). */
export function keyOverview(p: ImportParameters, keys: readonly ImportParameters[]): AirGapKeyOverview {
  const fromKms = p.origin.kind === 'kms-answer' ? p.origin : null;
  const bound = boundMaterialFor(p, keys)?.bound;
  return {
    keyId: p.keyId,
    alias: fromKms?.keyAlias ?? p.keyId,
    spec: p.keySpec,
    wrappingAlgorithm: p.wrappingAlgorithm,
    wrappingKeyFingerprint: p.wrappingKey.fingerprint,
    importTokenSha256: p.importToken?.sha256 ?? null,
    tokenExpiresAt: p.importToken?.expiry?.expiresAt ?? null,
    replicaOf: p.replicaOf ?? null,
    region: fromKms?.region ?? null,
    projectId: fromKms?.projectId ?? null,
    bound: bound
      ? {
          kind: bound.kind === 'key-check-value' ? 'kcv' : 'spki',
          value: boundValue(bound),
          importedSeq: bound.importedSeq,
        }
      : null,
  };
}
