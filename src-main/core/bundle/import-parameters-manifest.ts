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
  /** Version 2 only: the key of this bundle (the group's primary) whose material this key holds too. */
  replicaOf: keyIdSchema.optional(),
});

/**
 * What the online side's journal says of the ceremony, carried to the air-gapped side so both
 * receipts print one title and the plan's material expiry reaches the wrap (optional: bundles
 * written before this field existed, or by other tools, still read).
 */
export const ceremonyFactsSchema = z.strictObject({
  title: z.string().regex(/^[^\p{Cc}\p{Cf}]{1,200}$/u, 'must be 1-200 characters without control characters'),
  /** The plan's material expiry for AES keys: "never" or an ISO 8601 UTC moment. */
  materialExpiry: z.union([z.literal('never'), isoUtcSchema]),
  /** The online journal's file name (no folder), so the air-gapped side can print the import command. */
  onlineJournal: z.string().regex(/^[^/\\\p{Cc}\p{Cf}]{1,255}$/u, 'must be a file name'),
});

export type CeremonyFacts = z.infer<typeof ceremonyFactsSchema>;

export const importParametersManifestSchema = z.strictObject({
  format: z.literal(IMPORT_PARAMETERS_FORMAT),
  ...manifestHeaderShape,
  ceremony: ceremonyFactsSchema.optional(),
  keys: z.array(importParametersKeySchema).min(1).max(BUNDLE_LIMITS.maxKeys),
  files: fileListSchema,
  manifestChecksum: manifestChecksumSchema,
});

export type ImportParametersManifest = z.infer<typeof importParametersManifestSchema>;
export type ImportParametersManifestKey = z.infer<typeof importParametersKeySchema>;
