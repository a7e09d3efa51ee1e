/**
 * What a receipt says. Built by trusted core code (the ceremony workflows), so plain types;
 * `checkReceiptInput` still refuses malformed hashes and missing side-specific facts, because a
 * receipt that prints a wrong-length hash or omits the import result would mislead its signers.
 */
import type { KeySpec, KeyUsage, WrappingAlgorithm } from '../crypto/key-spec';
import type { ReceiptPhrase } from './language';
import type { DataField } from '../../i18n/data-field-shape';
import type { CeremonySide } from '../ceremony-sides';

export type { CeremonySide } from '../ceremony-sides';

interface ReceiptClock {
  /** The moment the receipt was made. */
  readonly at: Date;
  /** The workstation's offset from UTC at that moment, in minutes (east positive: UTC+02:00 → 120). */
  readonly utcOffsetMinutes: number;
  /** IANA zone name when known, e.g. `Europe/Berlin`. */
  readonly timeZone?: string;
}

interface ReceiptOutputFile {
  readonly name: string;
  readonly size: number;
  /** 64 hex digits. */
  readonly sha256: string;
}

export interface ReceiptCustody {
  /** Shares needed to recover (M of N). */
  readonly threshold: number;
  /** Split receipts: every share and who holds it. Restore receipts: the shares presented. */
  readonly holders: readonly {
    readonly shareIndex: number;
    readonly custodian: string;
    readonly presentedBy?: string;
  }[];
  /** Restore receipts only: the material was rebuilt from `holders`, out of `total` shares handed out. */
  readonly restoredFrom?: { readonly total: number };
  /**
   * Split receipts: the SHA-256 (64 hex) of the custody backup, printed whole once under Custody
   * (every slip prints it; the restore checks it); its first 8 digits are the set tag of the share
   * and backup file names.
   */
  readonly backupDigest?: string;
}

export interface ReceiptKey {
  readonly keyId: string;
  readonly alias: string;
  readonly spec: KeySpec;
  readonly usage: KeyUsage;
  readonly wrappingAlgorithm: WrappingAlgorithm;
  /** SHA-256 (hex) of the wrapping key's DER SubjectPublicKeyInfo. */
  readonly wrappingKeyFingerprint: string;
  /** SHA-256 (hex) of the import token as received (its base64 text). */
  readonly importTokenSha256: string;
  readonly outputFiles: readonly ReceiptOutputFile[];
  /** Asymmetric specs: SHA-256 (hex) of the public key's DER SubjectPublicKeyInfo. */
  readonly publicKeyFingerprint?: string;
  /** AES_256: key check value (hex, 6-64 digits). */
  readonly keyCheckValue?: string;
  /**
   * The key was bound to material at an earlier import (import parameters format 3): whether the
   * material wrapped now showed that identity (KCV or public-key fingerprint), and the online
   * journal entry of that first import. Absent for a key never imported into.
   */
  readonly boundMaterial?: { readonly matched: boolean; readonly importedSeq: number };
  /** When the material expires in the KMS: `'never'` or the moment. */
  readonly materialExpiry: 'never' | Date;
  /** A custody restore: the plan's expiry moment that had passed when `materialExpiry` replaced it. */
  readonly replacedLapsedPlan?: Date;
  /** Online side only: what import-key-material answered, e.g. `Imported; key state Enabled (2)`. */
  readonly importResult?: string | ReceiptPhrase;
  /** Online side only: the check after import, e.g. `get-publickey matches the fingerprint above`. */
  readonly verificationResult?: string | ReceiptPhrase;
  /**
   * Online side only: the custody copy of the imported material, as the online journal recorded the
   * wrapped bundle's word (`receipt.key.custodyCopyValue`: none, shares, an HSM token, files, not known).
   */
  readonly custodyCopy?: ReceiptPhrase;
  /**
   * Online side only: the bundle the material the key holds was imported from, when it is not the
   * bundle the receipt seals (`receipt.key.importedFromValue`): the key's values are that import's.
   */
  readonly importedFrom?: ReceiptPhrase;
  readonly custody?: ReceiptCustody;
  /** A member of a replica group: the region and project the key lives in. */
  readonly place?: { readonly region: string; readonly projectId: string };
  /** A replica: the key id of its group's primary (on this receipt too). Absent for a primary or a key alone. */
  readonly replicaOf?: string;
  /**
   * Online side, a group's primary: how the group was proven after import (`receipt.replica.proof`).
   * Absent on a primary of the online side: the group is printed as not proven.
   */
  readonly groupProof?: ReceiptPhrase;
}

/** A bundle as a receipt seals it: its folder name and the SHA-256 (hex) of its manifest. */
interface ReceiptBundleSeal {
  readonly name: string;
  readonly digest: string;
}

/** One person and what the journal shows they did, confirmed or hold (one line each, newest last). */
export interface ReceiptPerson {
  readonly role: 'operator' | 'witness' | 'custodian';
  readonly name: string;
  readonly records: readonly ReceiptPhrase[];
}

/** One journal entry listed under "Deviations" (see core/journal/deviations.ts). */
/**
 * Why a deviation happened, as its journal entry gives it: a problem (its code and values) or a
 * catalogue phrase, printed in the receipt's language; or, from a journal written before entries
 * carried either, the text as it was recorded (printed as such, marked "recorded text").
 */
export type DeviationReason =
  | {
      readonly problem: {
        readonly code: string;
        readonly values: Readonly<Record<string, string | number>>;
        readonly recorded: string;
      };
    }
  | { readonly phrase: ReceiptPhrase }
  | { readonly recorded: string };

export interface ReceiptDeviation {
  readonly seq: number;
  readonly time: string;
  readonly actor: string;
  readonly event: string;
  readonly kind: string;
  /** The entry's data but its reason and what the notes say, as typed fields said in the receipt's language (untrusted values: escaped when printed). */
  readonly fields: readonly DataField[];
  /** Why, when the entry says (printed before the details). */
  readonly reason?: DeviationReason;
  /** What the entry's data says in words (deviation-facts `deviationNotes`), printed after the reason. */
  readonly notes?: readonly ReceiptPhrase[];
}

import type { HsmObjectOrigin } from './hsm-object-origin';

/** The HSM a session's material stayed in, as the journal records it (never the PIN). */
export interface ReceiptHsm {
  readonly token: {
    readonly manufacturer: string;
    readonly model: string;
    readonly serial: string;
    readonly firmware: string;
    readonly label: string;
    /** The PKCS#11 module's own description and version. */
    readonly module: string;
  };
  /** Every key wrapped in the HSM this session: its token object and the mechanisms used. */
  readonly keys: readonly {
    readonly keyId: string;
    readonly objectLabel: string;
    readonly mechanisms: readonly string[];
    readonly wrappingAlgorithm: string;
    /** Where its token object had its material (a replica: its primary's object). */
    readonly origin: HsmObjectOrigin;
  }[];
}

/**
 * An air-gapped receipt's number (`…-session-<n>` in its file name) and the rule behind it: the
 * journal's air-gapped sessions number its receipts, so a session that ended without one leaves a gap.
 */
export interface ReceiptNumbering {
  readonly number: number;
  /** The journal's file name. */
  readonly journalFile: string;
  /** The numbers of the receipts the journal's earlier sessions wrote (voided ones left out). */
  readonly earlierReceipts: readonly number[];
  /** The numbers of the journal's earlier air-gapped sessions that ended without a receipt, in order. */
  readonly withoutReceipt: readonly number[];
}

export interface ReceiptInput {
  /** Letters, digits, `.`, `_`, `-` (1-64); it is part of the receipt's file name. */
  readonly ceremonyId: string;
  readonly title: string;
  /** A rehearsal: the title is printed with the rehearsal mark of each language (`receipt.rehearsal`). */
  readonly rehearsal?: boolean;
  readonly side: CeremonySide;
  readonly clock: ReceiptClock;
  /** `network`: the air-gapped side's network state as the check found it. */
  readonly workstation: { readonly hostname: string; readonly os: string; readonly network?: string | ReceiptPhrase };
  /** `code`: the digest of the code that ran, described (commit and sources, or app.asar header). */
  /**
   * The KMS calls the journal records as retried up to the head (kms.retried), and how many of them
   * the API gateway throttled: the online side says them (absent: none, or the air-gapped side).
   */
  readonly kmsRetries?: { readonly count: number; readonly throttled: number };
  /** The KMS the keys are in, as the journal's last connection records it (the online side; absent: the air-gapped side). */
  readonly kms?: {
    readonly endpoint: string;
    readonly region: string;
    readonly projectId: string;
    readonly accessKeyHint: string | null;
  };
  /** A restore: the people who presented the custody shares it used, who sign its receipt too. */
  readonly presenters?: readonly string[];
  /** The software; its code said in the receipt's language (a string: as it is, e.g. from older callers). */
  readonly app: { readonly version: string; readonly build: string; readonly code?: string | ReceiptPhrase };
  readonly operator: string;
  readonly witnesses: readonly string[];
  readonly keys: readonly ReceiptKey[];
  /** The import-parameters bundle the keys were fetched into; null when they came from the console's files. */
  readonly parametersBundle: ReceiptBundleSeal | null;
  /** The wrapped-material bundle this side wrote (air-gapped) or imported (online). */
  readonly bundle: ReceiptBundleSeal;
  /** Everyone the journal names, with what it records of them. */
  readonly people: readonly ReceiptPerson[];
  /** Every deviation in the journal up to the head printed, in journal order. */
  readonly deviations: readonly ReceiptDeviation[];
  /**
   * The journal's head hash and entry count at the moment of the receipt, and its file name (in the
   * command the receipt prints to check it; absent: a placeholder is printed).
   */
  readonly journal: { readonly headHash: string; readonly count: number; readonly file?: string };
  /** Air-gapped sessions whose material stayed in an HSM: the token and what was used (from the journal). */
  readonly hsm?: ReceiptHsm;
  /** An air-gapped receipt: its number and how receipts are numbered. */
  readonly numbering?: ReceiptNumbering;
}
