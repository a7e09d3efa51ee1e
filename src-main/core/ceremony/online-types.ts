/** Plain values the online workflow returns to its callers (CLI, IPC handlers). No key bytes. */
import type { KeySpec, WrappingAlgorithm } from '../crypto/key-spec';
import type { PlannedKey } from './ceremony-plan';

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
  readonly keys: readonly { keyId: string; alias: string; spec: KeySpec; publicKeyFingerprint: string | null; keyCheckValue: string | null; tokenExpiresAt: string }[];
  readonly warnings: readonly string[];
}

export interface ImportedKeySummary {
  readonly keyId: string;
  readonly spec: KeySpec;
  /** "never" or the ISO time the material expires. */
  readonly expiresAt: string;
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
