/**
 * What a receipt says. Built by trusted core code (the ceremony workflows), so plain types;
 * `checkReceiptInput` still refuses malformed hashes and missing side-specific facts, because a
 * receipt that prints a wrong-length hash or omits the import result would mislead its signers.
 */
import type { KeySpec, KeyUsage, WrappingAlgorithm } from '../crypto/key-spec';

export type CeremonySide = 'online' | 'air-gapped';

export interface ReceiptClock {
  /** The moment the receipt was made. */
  readonly at: Date;
  /** The workstation's offset from UTC at that moment, in minutes (east positive: UTC+02:00 → 120). */
  readonly utcOffsetMinutes: number;
  /** IANA zone name when known, e.g. `Europe/Berlin`. */
  readonly timeZone?: string;
}

export interface ReceiptOutputFile {
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
  /** When the material expires in the KMS: `'never'` or the moment. */
  readonly materialExpiry: 'never' | Date;
  /** Online side only: what import-key-material answered, e.g. `Imported; key state Enabled (2)`. */
  readonly importResult?: string;
  /** Online side only: the check after import, e.g. `get-publickey matches the fingerprint above`. */
  readonly verificationResult?: string;
  readonly custody?: ReceiptCustody;
}

export interface ReceiptInput {
  /** Letters, digits, `.`, `_`, `-` (1-64); it is part of the receipt's file name. */
  readonly ceremonyId: string;
  readonly title: string;
  readonly side: CeremonySide;
  readonly clock: ReceiptClock;
  readonly workstation: { readonly hostname: string; readonly os: string };
  readonly app: { readonly version: string; readonly build: string };
  readonly operator: string;
  readonly witnesses: readonly string[];
  readonly keys: readonly ReceiptKey[];
  /** The bundle this side wrote or read, and the SHA-256 (hex) of its manifest. */
  readonly bundle: { readonly name: string; readonly digest: string };
  /** The journal's head hash and entry count at the moment of the receipt. */
  readonly journal: { readonly headHash: string; readonly count: number };
}
