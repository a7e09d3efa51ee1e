/**
 * What the air-gapped side shows and records of HSM material, apart from the token session that
 * makes it (hsm-material.ts): each key's summary with the label of its token object, and what a
 * journal recorded of a key kept in the HSM (what a restore recalls).
 */
import type { KeySpec } from '../../crypto/key-spec';
import type { MaterialSummary } from './produce-material';

/** What an air-gapped journal recorded of a key kept in the HSM (its `material.generated` / `material.hsm-selected`). */
export interface RecordedHsmObject {
  readonly keyId: string;
  readonly spec: KeySpec;
  /** CKA_LABEL of the token object. */
  readonly objectLabel: string;
  readonly tokenSerial: string;
  readonly keyCheckValue: string | null;
  readonly publicKeyFingerprint: string | null;
  /** The journal entry that recorded it. */
  readonly seq: number;
}

/** A key's material summary, with the label of the token object that holds it. */
export interface HsmMaterialSummary extends MaterialSummary {
  readonly objectLabel: string;
}
