/** manifest.json of an import-parameters bundle (online → air-gapped), version 1. */
import { z } from 'zod';
import { IMPORT_PARAMETERS_FORMAT, BUNDLE_LIMITS } from './bundle-limits';
import {
  base64Schema,
  fileListSchema,
  importTokenSchema,
  isoUtcSchema,
  keyAliasSchema,
  keyIdSchema,
  keySpecSchema,
  manifestChecksumSchema,
  manifestHeaderShape,
  projectIdSchema,
  regionSchema,
  sha256HexSchema,
  wrappingAlgorithmSchema,
} from './manifest-common';

/** The token as get-parameters-for-import gave it, naming the key it belongs to. */
export const importTokenEntrySchema = z.strictObject({
  keyId: keyIdSchema,
  value: importTokenSchema,
  /** SHA-256 of the token's base64 text, exactly as in ImportToken.b64. */
  sha256: sha256HexSchema,
  expiresAt: isoUtcSchema,
  /** Seconds since the epoch, as the API's `expiration_time`. */
  expirationTime: z.number().int().positive(),
});

export const importParametersKeySchema = z.strictObject({
  provider: z.literal('huaweicloud'),
  region: regionSchema,
  projectId: projectIdSchema,
  keyId: keyIdSchema,
  keyAlias: keyAliasSchema,
  keySpec: keySpecSchema,
  keyUsage: z.enum(['ENCRYPT_DECRYPT', 'SIGN_VERIFY']),
  wrappingAlgorithm: wrappingAlgorithmSchema,
  /** Base64 of the wrapping key's DER SubjectPublicKeyInfo, as the API's `public_key`. */
  wrappingPublicKey: base64Schema(8, 8192),
  /** SHA-256 (lower-case hex) of the wrapping key's DER. */
  wrappingKeyFingerprint: sha256HexSchema,
  importToken: importTokenEntrySchema,
});

export const importParametersManifestSchema = z.strictObject({
  format: z.literal(IMPORT_PARAMETERS_FORMAT),
  ...manifestHeaderShape,
  keys: z.array(importParametersKeySchema).min(1).max(BUNDLE_LIMITS.maxKeys),
  files: fileListSchema,
  manifestChecksum: manifestChecksumSchema,
});

export type ImportParametersManifest = z.infer<typeof importParametersManifestSchema>;
export type ImportParametersManifestKey = z.infer<typeof importParametersKeySchema>;
