/** Domain types of the KMS client: key states, key descriptions, import parameters and outcomes. */
import type { KeyInfoWire } from './api-schemas';
import { KMS_STATE_NAMES, kmsStateNumber } from '../../i18n/kms-state';

/** KMS key states as the API numbers them. */
export const KeyState = {
  PendingActivation: 1,
  Enabled: 2,
  Disabled: 3,
  PendingDeletion: 4,
  PendingImport: 5,
  Frozen: 7,
} as const;
export type KeyState = (typeof KeyState)[keyof typeof KeyState];

const KEY_STATE_NAMES: Readonly<Record<KeyState, string>> = KMS_STATE_NAMES;

/** The state number of a KMS state name ("Enabled" → "2"), for the catalogue's KEY_STATE select; an unknown name as it is. */
export const keyStateOfName = kmsStateNumber;

type KeyOrigin = 'kms' | 'external' | 'cloudhsm';

export interface KmsKeyInfo {
  readonly keyId: string;
  readonly domainId?: string;
  readonly alias?: string;
  readonly spec?: string;
  readonly usage?: string;
  readonly description?: string;
  readonly createdAt?: Date;
  readonly state: KeyState;
  readonly stateName: string;
  readonly origin?: KeyOrigin;
  /** When imported symmetric material expires (absent: never, or no material). */
  readonly materialExpiresAt?: Date;
  readonly scheduledDeletionAt?: Date;
}

function msDate(text: string | undefined): Date | undefined {
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  const ms = Number(text);
  return ms > 0 && Number.isSafeInteger(ms) ? new Date(ms) : undefined;
}

/** Converts a validated `key_info` object into a KmsKeyInfo. */
export function keyInfoFromWire(wire: KeyInfoWire): KmsKeyInfo {
  const state = Number(wire.key_state) as KeyState;
  const createdAt = msDate(wire.creation_date);
  const materialExpiresAt = msDate(wire.expiration_time);
  const scheduledDeletionAt = msDate(wire.scheduled_deletion_date);
  return {
    keyId: wire.key_id,
    ...(wire.domain_id !== undefined ? { domainId: wire.domain_id } : {}),
    ...(wire.key_alias !== undefined ? { alias: wire.key_alias } : {}),
    ...(wire.key_spec !== undefined ? { spec: wire.key_spec } : {}),
    ...(wire.key_usage !== undefined ? { usage: wire.key_usage } : {}),
    ...(wire.key_description !== undefined ? { description: wire.key_description } : {}),
    ...(createdAt ? { createdAt } : {}),
    state,
    stateName: KEY_STATE_NAMES[state],
    ...(wire.origin !== undefined ? { origin: wire.origin } : {}),
    ...(materialExpiresAt ? { materialExpiresAt } : {}),
    ...(scheduledDeletionAt ? { scheduledDeletionAt } : {}),
  };
}

/** What get-parameters-for-import hands out. */
export interface ImportParameters {
  readonly keyId: string;
  readonly wrappingAlgorithm: string;
  /** base64, exactly as the KMS sent it. */
  readonly importToken: string;
  /** When the token and wrapping key stop being valid. */
  readonly expiresAt: Date;
  /** The wrapping key, SubjectPublicKeyInfo DER. */
  readonly publicKeyDer: Buffer;
}

export interface ImportKeyMaterialInput {
  readonly keyId: string;
  readonly importToken: string;
  readonly encryptedKeyMaterial: Buffer;
  /** Asymmetric specs: the RFC 5649 wrap of the PKCS#8 private key. */
  readonly encryptedPrivateKey?: Buffer;
  /** Symmetric only: when the imported material should expire (whole seconds are sent). */
  readonly materialExpiresAt?: Date;
  /** When the import token expires, if known: a retry is never attempted after it. */
  readonly tokenExpiresAt?: Date;
  /** Asymmetric: the material's public key (SPKI DER), used to confirm an unclear outcome. */
  readonly expectedPublicKeyDer?: Buffer;
  /**
   * An earlier import of this material may have taken effect with its answer lost (an earlier
   * session stopped, or its outcome was unknown): a key found Enabled with this import's expiry (and
   * public key) is then reported as 'reconciled' instead of refused as not Pending import.
   */
  readonly earlierAttemptMayHaveLanded?: boolean;
  /**
   * Awaited just before each request is sent (after describe-key found the key Pending import):
   * journals the send. `retry`: the one resend after a lost answer, the key found still Pending import.
   */
  readonly beforeSend?: (send: { readonly retry: boolean }) => Promise<void>;
}

export interface ImportOutcome {
  readonly keyId: string;
  readonly state: KeyState;
  /**
   * 'answered': the KMS confirmed the import. 'reconciled': the answer was lost (timeout,
   * dropped connection, server error, or an earlier session that stopped) and describe-key showed
   * the import took effect.
   * 'retried': the first attempt did not take effect and one retry with the same token succeeded.
   */
  readonly confirmation: 'answered' | 'reconciled' | 'retried';
}
