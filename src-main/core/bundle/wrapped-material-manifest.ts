/** manifest.json of a wrapped-material bundle (air-gapped → online), version 1. */
import { z } from 'zod';
import { WRAPPED_MATERIAL_FORMAT } from './bundle-limits';
import { custodyArrangementSchema } from './custody-arrangement';

export { type CustodyArrangement } from './custody-arrangement';
import {
  isoUtcSchema,
  keyIdSchema,
  keySpecSchema,
  manifestHeaderShape,
  manifestTrailerShape,
  sha256HexSchema,
  wrappingAlgorithmSchema,
} from './manifest-common';

const wrappedMaterialKeySchema = z.strictObject({
  keyId: keyIdSchema,
  keySpec: keySpecSchema,
  wrappingAlgorithm: wrappingAlgorithmSchema,
  /** SHA-256 (lower-case hex) of the wrapping key's DER the material was wrapped under. */
  wrappingKeyFingerprint: sha256HexSchema,
  /** SHA-256 of the import token's base64 text it answers; null when the console wizard holds the token. */
  importTokenSha256: sha256HexSchema.nullable(),
  /** Asymmetric specs: SHA-256 of public_key.der; null for symmetric. */
  publicKeyFingerprint: sha256HexSchema.nullable(),
  /** Symmetric specs: AES-ECB of a zero block, first 3 bytes, upper-case hex; null for asymmetric. */
  keyCheckValue: z
    .string()
    .regex(/^[0-9A-F]{6}$/, 'must be 6 upper-case hex digits')
    .nullable(),
  /** When the imported material should expire (symmetric only); null means never. */
  materialExpiresAt: isoUtcSchema.nullable(),
  /** Version 2 only: the key of this bundle (the group's primary) whose material this key holds too. */
  replicaOf: keyIdSchema.optional(),
});

export const wrappedMaterialManifestSchema = z.strictObject({
  format: z.literal(WRAPPED_MATERIAL_FORMAT),
  ...manifestHeaderShape,
  /** Absent in bundles written before it existed; every bundle Keyferry writes now carries it. */
  custody: custodyArrangementSchema.optional(),
  ...manifestTrailerShape(wrappedMaterialKeySchema),
});

export type WrappedMaterialManifest = z.infer<typeof wrappedMaterialManifestSchema>;
export type WrappedMaterialManifestKey = z.infer<typeof wrappedMaterialKeySchema>;
