/**
 * The in-memory import parameters of one key: what the air-gapped side needs to wrap material,
 * whether they came from a bundle or from the console's raw files.
 */
import {
  parseKeySpec,
  parseWrappingAlgorithm,
  type KeySpec,
  type KeyUsage,
  type WrappingAlgorithm,
} from '../crypto/key-spec';
import { sha256Hex } from '../fs/durable-file';
import { KeyferryError } from '../errors';
import { bundleInputInvalid, bundleInputRefused } from './bundle-problem';
import { refusedFields } from '../../i18n/refused-fields';
import { importParametersKeySchema, type BoundMaterial } from './import-parameters-manifest';
import { importTokenSchema, isCanonicalBase64, keyIdSchema } from './manifest-common';
import { checkWrappingPublicKey, requireImportableWrappingKey, type WrappingPublicKey } from './wrapping-public-key';

interface ImportTokenExpiry {
  /** ISO time in UTC. */
  readonly expiresAt: string;
  /** The same instant in seconds since the epoch, as the API's `expiration_time`. */
  readonly expirationTime: number;
}

interface ImportToken {
  /** The key the token was issued for. */
  readonly keyId: string;
  /** Base64 text exactly as get-parameters-for-import returned it. */
  readonly value: string;
  /** SHA-256 of `value` (its base64 text), lower-case hex: what wrapped-material bundles cite. */
  readonly sha256: string;
  /** Always set for tokens from a bundle; null when a console token was given without its expiry. */
  readonly expiry: ImportTokenExpiry | null;
}

/** Where the parameters came from. */
type ImportParametersOrigin =
  | {
      /** get-parameters-for-import on the online machine (carried in an import-parameters bundle). */
      readonly kind: 'kms-answer';
      readonly provider: 'huaweicloud';
      readonly region: string;
      readonly projectId: string;
      readonly keyAlias: string;
      readonly keyUsage: KeyUsage;
    }
  | {
      /** The console's downloaded files (`wrappingKey_<KeyID>`, PublicKey.bin/.b64) typed in by hand. */
      readonly kind: 'console-files';
    };

export interface ImportParameters {
  readonly keyId: string;
  readonly keySpec: KeySpec;
  readonly wrappingAlgorithm: WrappingAlgorithm;
  readonly wrappingKey: WrappingPublicKey;
  readonly origin: ImportParametersOrigin;
  /**
   * The import token to send with the wrapped material. Null only for console files without a
   * token: then the console's Import Key Material wizard passes the token itself, so the output
   * must be imported through that same, still open, wizard.
   */
  readonly importToken: ImportToken | null;
  /**
   * A replica (bundle format 2): the key id of its group's primary, whose material this key gets
   * too (generated once, wrapped once per wrapping key). Absent for a primary or a key alone.
   */
  readonly replicaOf?: string;
  /**
   * Bundle format 3: the material the KMS bound this key to at its first import (the online
   * journal's record); only that material may be wrapped for it. Absent for a key never imported into.
   */
  readonly boundMaterial?: BoundMaterial;
  /**
   * Bundle format 4: the material expiry this key's import is to request ("never" or an ISO UTC
   * time), the key's own (see importParametersKeySchema). Absent in older bundles: then the
   * bundle's one `ceremony.materialExpiry` stands for every key.
   */
  readonly materialExpiry?: string;
}

/** SHA-256 of an import token's base64 text, lower-case hex. */
export function importTokenSha256(token: string): string {
  return sha256Hex(Buffer.from(token, 'ascii'));
}

/** The expiry as both forms, from the API's seconds. */
export function tokenExpiryFromSeconds(expirationTime: number): ImportTokenExpiry {
  if (!Number.isSafeInteger(expirationTime) || expirationTime <= 0 || expirationTime > 253402300799) {
    throw bundleInputInvalid({ reason: 'tokenExpiry', value: String(expirationTime) });
  }
  return { expiresAt: new Date(expirationTime * 1000).toISOString(), expirationTime };
}

export interface KmsImportAnswer {
  readonly key_id: string;
  readonly public_key: string;
  readonly import_token: string;
  readonly expiration_time: number;
}

/**
 * Builds checked ImportParameters from a get-parameters-for-import answer and the key's facts
 * known on the online side. Refuses anything a bundle could not carry correctly.
 */
export function importParametersFromKmsAnswer(input: {
  region: string;
  projectId: string;
  keyAlias: string;
  keySpec: string;
  keyUsage: KeyUsage;
  wrappingAlgorithm: string;
  answer: KmsImportAnswer;
}): ImportParameters {
  const { answer } = input;
  const keySpec = parseKeySpec(input.keySpec);
  const wrappingAlgorithm = parseWrappingAlgorithm(input.wrappingAlgorithm);
  if (typeof answer.public_key !== 'string' || !isCanonicalBase64(answer.public_key)) {
    throw bundleInputInvalid({ reason: 'wrappingKeyBase64', keyId: answer.key_id });
  }
  const der = Buffer.from(answer.public_key, 'base64');
  let wrappingKey: WrappingPublicKey;
  try {
    wrappingKey = checkWrappingPublicKey(der, answer.key_id);
  } catch (error) {
    throw error instanceof KeyferryError ? bundleInputRefused(error, 'kmsAnswerRefused') : error;
  }
  requireImportableWrappingKey({ keyId: answer.key_id }, wrappingKey);
  const entry = {
    provider: 'huaweicloud',
    region: input.region,
    projectId: input.projectId,
    keyId: answer.key_id,
    keyAlias: input.keyAlias,
    keySpec,
    keyUsage: input.keyUsage,
    wrappingAlgorithm,
    wrappingPublicKey: answer.public_key,
    wrappingKeyFingerprint: wrappingKey.fingerprint,
    importToken: {
      keyId: answer.key_id,
      value: answer.import_token,
      sha256: importTokenSha256(answer.import_token),
      ...tokenExpiryFromSeconds(answer.expiration_time),
    },
  };
  const checked = importParametersKeySchema.safeParse(entry);
  if (!checked.success)
    throw bundleInputInvalid({
      reason: 'keyUnusable',
      keyId: answer.key_id,
      ...refusedFields(checked.error.issues, answer.key_id),
    });
  const e = checked.data;
  return {
    keyId: e.keyId,
    keySpec,
    wrappingAlgorithm,
    wrappingKey,
    origin: {
      kind: 'kms-answer',
      provider: 'huaweicloud',
      region: e.region,
      projectId: e.projectId,
      keyAlias: e.keyAlias,
      keyUsage: e.keyUsage,
    },
    importToken: {
      keyId: e.keyId,
      value: e.importToken.value,
      sha256: e.importToken.sha256,
      expiry: tokenExpiryFromSeconds(e.importToken.expirationTime),
    },
  };
}

/** Validates a key id typed or read by a person. */
export function parseKeyId(value: string): string {
  const result = keyIdSchema.safeParse(value.trim());
  if (!result.success) throw bundleInputInvalid({ reason: 'notKeyId', value });
  return result.data;
}

/** Validates an import token typed or read by a person (whitespace around it is ignored). */
export function parseImportTokenText(value: string): string {
  const text = value.trim();
  const result = importTokenSchema.safeParse(text);
  if (!result.success) throw bundleInputInvalid({ reason: 'importToken' });
  return text;
}
