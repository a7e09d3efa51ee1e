/** Plain values the online workflow returns to its callers (CLI, IPC handlers). No key bytes. */
import type { CustodyArrangement } from '../../bundle/custody-arrangement';
import type { KeySpec, WrappingAlgorithm } from '../../crypto/key-spec';
import type { PlannedKey } from '../shared/ceremony-plan';

export interface CreatedKey {
  readonly keyId: string;
  readonly alias: string;
  readonly spec: KeySpec;
  readonly usage: PlannedKey['usage'];
}

export interface IssuedSummary {
  readonly keyId: string;
  readonly alias: string;
  readonly spec: KeySpec;
  readonly wrappingAlgorithm: WrappingAlgorithm;
  readonly wrappingKeyFingerprint: string;
  /** For reading aloud: "AB12 CD34 …". */
  readonly wrappingKeyFingerprintGrouped: string;
  readonly importTokenSha256: string;
  readonly tokenExpiresAt: string;
}

export interface WrittenParametersBundle {
  readonly dir: string;
  readonly manifestSha256: string;
  readonly manifestSha256Grouped: string;
  readonly keyIds: readonly string[];
  readonly warnings: readonly string[];
}

export interface CheckedBundleSummary {
  readonly dir: string;
  readonly manifestSha256: string;
  readonly manifestSha256Grouped: string;
  /** `requestedExpiresAt`: "never" or the ISO time the bundle requests for the material (used unless overridden). */
  readonly keys: readonly {
    keyId: string;
    alias: string;
    spec: KeySpec;
    publicKeyFingerprint: string | null;
    keyCheckValue: string | null;
    tokenExpiresAt: string;
    requestedExpiresAt: string;
  }[];
  readonly warnings: readonly string[];
  /** Who keeps a copy of the material, as the bundle's manifest says; null for bundles written before it did. */
  readonly custody: CustodyArrangement | null;
}

export interface ImportedKeySummary {
  readonly keyId: string;
  readonly spec: KeySpec;
  /** "never" or the ISO time the material expires. */
  readonly expiresAt: string;
  /** "never" or the ISO time the wrapped-material bundle requested. */
  readonly requestedExpiresAt: string;
  /** "bundle": the bundle's request was used; "override": an explicit choice (journaled). */
  readonly expirySource: 'bundle' | 'override';
  /** How the KMS confirmed: "answered", "reconciled" (lost answer, describe-key showed it), "retried". */
  readonly confirmation: string;
}

export interface KeyStatus {
  readonly keyId: string;
  readonly alias: string;
  readonly spec: KeySpec;
  readonly keyState: string;
  readonly materialExpiresAt: string | null;
}
