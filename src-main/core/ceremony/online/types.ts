/** Plain values the online workflow returns to its callers (CLI, IPC handlers). No key bytes. */
import type { CustodyArrangement } from '../../bundle/custody-arrangement';
import type { WrappedMadeBy } from '../../bundle';
import type { KeySpec, WrappingAlgorithm } from '../../crypto/key-spec';
import type { PlannedKey } from '../shared/ceremony-plan';
import type { Warning } from '../../../i18n/warning';
import type { PhraseOrSentence } from '../../../i18n/phrase';
import type { REPLICA_PROOF_METHODS } from './events';
import type { WrappedDigestSource } from './wrapped-digest-sources';
import type { ImportAnswer } from './import-answers';

export interface CreatedKey {
  readonly keyId: string;
  readonly alias: string;
  readonly spec: KeySpec;
  readonly usage: PlannedKey['usage'];
  /** 'never' or the ISO time its material is planned to expire (its own, else the plan's; never for RSA/EC). */
  readonly materialExpiry: string;
  /** A replica: its group's primary and the region/project it was created in. */
  readonly replicaOf?: string;
  readonly region?: string;
  readonly projectId?: string;
}

/** Where a key of the ceremony lives and the group it belongs to (views, status, receipts). */
export interface KeyPlace {
  /** The key's region and project (a primary's: the ceremony's own connection). */
  readonly region: string;
  readonly projectId: string;
  /** A replica: the key id of its group's primary; null for a primary or a key alone. */
  readonly replicaOf: string | null;
}

/**
 * A key as the journal knows it (no KMS call): `lapsed`: the imported material expired in the KMS;
 * `deleted`: deleted on request (the key awaits the same material); `expiresAt`: recorded at the
 * last import; `groupProof`: how the key's replica group was proven to hold one material (null:
 * not proven, or not in a group).
 */
export interface JournaledKey extends KeyPlace {
  readonly keyId: string;
  readonly alias: string;
  readonly spec: KeySpec;
  readonly imported: boolean;
  /** An import of this ceremony was sent to it and no answer to it is on record (state.ts importMayHaveLanded, importAnswer). */
  readonly importSentUnrecorded: boolean;
  /**
   * An import of this ceremony was sent to it (entry `sentSeq`; null: no send on record) and
   * answered with a failure that does not prove a refusal: its code (KMS_IMPORT_OUTCOME_UNKNOWN: a
   * failure whose outcome is unknown) and journal entry (null: none such). The next import asks the
   * KMS first, as for an unrecorded one.
   */
  readonly importAnswerUnproven: ImportAnswer | null;
  readonly lapsed: boolean;
  readonly deleted: boolean;
  readonly expiresAt: string | null;
  readonly verified: boolean;
  readonly proof: PhraseOrSentence | null;
  readonly groupProof: (typeof REPLICA_PROOF_METHODS)[number] | null;
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
  /** A replica's region (its alias is its primary's, so the lines naming it say where it is). */
  readonly replicaRegion?: string;
}

export interface WrittenParametersBundle {
  readonly dir: string;
  readonly manifestSha256: string;
  readonly manifestSha256Grouped: string;
  readonly keyIds: readonly string[];
  readonly warnings: readonly Warning[];
  /** Each key's planned material expiry as the bundle carries it ('never' or ISO; asymmetric: never). */
  readonly materialExpiries: Readonly<Record<string, string>>;
  /** The keys of the bundle whose own material was imported before (lapsed or deleted since): the KMS takes only that material again. */
  readonly importedBefore: readonly string[];
  /**
   * The keys of the bundle that take their group's material, each with the member outside the round
   * that holds it (group-material.ts: the primary, or a replica when the primary's own import was refused): not fresh material.
   */
  readonly takingGroupMaterial: readonly { readonly keyId: string; readonly holder: string }[];
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
    /** A replica: its group's primary (the same evidence as the primary's); null otherwise. */
    replicaOf: string | null;
  }[];
  readonly warnings: readonly Warning[];
  /** Who keeps a copy of the material, as the bundle's manifest says; null for bundles written before it did. */
  readonly custody: CustodyArrangement | null;
  /** Who made the material on the air-gapped side, and in which journal (manifest `madeBy`); null for bundles written before it did. */
  readonly madeBy: WrappedMadeBy | null;
  /** True when it was let through on the officer's word, another air-gapped journal's or none's (journaled as an override). */
  readonly otherAirGapJournalAccepted: boolean;
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

export interface KeyStatus extends KeyPlace {
  readonly keyId: string;
  readonly alias: string;
  readonly spec: KeySpec;
  readonly keyState: string;
  readonly materialExpiresAt: string | null;
}

/** What an online session fetched, wrote and checked last (OnlineCeremony.shown). */
export interface OnlineSessionShown {
  readonly issued: readonly IssuedSummary[];
  readonly parameters: WrittenParametersBundle | null;
  readonly checked: (CheckedBundleSummary & { readonly digestSource: WrappedDigestSource }) | null;
}
