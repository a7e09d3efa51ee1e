/**
 * manifest.json of an import-parameters bundle (online → air-gapped): version 1, 2 with replica
 * groups (`replicaOf`), 3 when a key carries the material it is bound to (`boundMaterial`), 4 when
 * each key carries its own material expiry (`materialExpiry`), 5 when it names the ceremony's
 * people (`ceremony.people`), 6 when it names the ceremony's air-gapped journal (`ceremony.airGapJournal`).
 */
import { z } from 'zod';
import { IMPORT_PARAMETERS_FORMAT } from './bundle-limits';
import {
  base64Schema,
  ceremonyPeopleShape,
  importTokenSchema,
  isoUtcSchema,
  journalFileNameSchema,
  keyAliasSchema,
  keyIdSchema,
  keySpecSchema,
  manifestHeaderShape,
  manifestTrailerShape,
  projectIdSchema,
  regionSchema,
  sha256HexSchema,
  wrappingAlgorithmSchema,
} from './manifest-common';

/** The token as get-parameters-for-import gave it, naming the key it belongs to. */
const importTokenEntrySchema = z.strictObject({
  keyId: keyIdSchema,
  value: importTokenSchema,
  /** SHA-256 of the token's base64 text, exactly as in ImportToken.b64. */
  sha256: sha256HexSchema,
  expiresAt: isoUtcSchema,
  /** Seconds since the epoch, as the API's `expiration_time`. */
  expirationTime: z.number().int().positive(),
});

/**
 * Version 3: the material the KMS bound a key to when material was first imported into it, as the
 * online journal recorded it (the wrapped bundle checked before that import). The KMS takes only
 * those bytes again, after a deletion or a lapse too, so the air-gapped side refuses to generate
 * or load other material for the key and a restore must prove it rebuilt exactly this.
 */
const boundMaterialSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    /** AES: the key check value, by the spec's check-value method (see crypto/evidence.ts). */
    kind: z.literal('key-check-value'),
    method: z.literal('aes-ecb-zero-block'),
    keyCheckValue: z.string().regex(/^[0-9A-F]{6}$/, 'must be 6 upper-case hex digits'),
    /** The online journal entry of the first import. */
    importedSeq: z.number().int().positive(),
  }),
  z.strictObject({
    /** RSA/EC: SHA-256 (lower-case hex) of the public key's DER SubjectPublicKeyInfo. */
    kind: z.literal('public-key-sha256'),
    publicKeyFingerprint: sha256HexSchema,
    importedSeq: z.number().int().positive(),
  }),
]);

export type BoundMaterial = z.infer<typeof boundMaterialSchema>;

/** A material expiry: "never" or an ISO 8601 UTC moment. */
const materialExpirySchema = z.union([z.literal('never'), isoUtcSchema]);

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
  /** Version 3 and later: the material this key is bound to (absent for a key never imported into). */
  boundMaterial: boundMaterialSchema.optional(),
  /**
   * Version 4: the material expiry this key's import is to request. A key that held material
   * before (lapsed or deleted; it waits for that material again) keeps the expiry it was imported
   * with; any other key takes the plan's; asymmetric material never expires ("never").
   */
  materialExpiry: materialExpirySchema.optional(),
});

const ceremonyPeopleSchema = z.strictObject(ceremonyPeopleShape);

/**
 * Version 6: the ceremony's air-gapped journal as the online journal knows it from the wraps it
 * checked (core/ceremony/online/wrapped-bundle-makers.ts): its file name, the SHA-256 of its first
 * entry, and the start of the latest wrap session checked from it, which any later copy of that
 * journal holds. The air-gapped side wraps these parameters in that journal only
 * (AIRGAP_JOURNAL_NOT_THE_CEREMONYS), so a new journal never makes a second material and custody set.
 */
const ceremonyAirGapJournalSchema = z.strictObject({
  file: journalFileNameSchema,
  firstEntrySha256: sha256HexSchema,
  lastWrap: z.strictObject({ seq: z.number().int().positive(), sha256: sha256HexSchema }).optional(),
});

export type CeremonyAirGapJournal = z.infer<typeof ceremonyAirGapJournalSchema>;

/**
 * What the online side's journal says of the ceremony, carried to the air-gapped side so both
 * receipts print one title and the plan's material expiry reaches the wrap (optional: bundles
 * written before this field existed, or by other tools, still read).
 */
const ceremonyFactsSchema = z.strictObject({
  title: z.string().regex(/^[^\p{Cc}\p{Cf}]{1,200}$/u, 'must be 1-200 characters without control characters'),
  /**
   * One material expiry for the whole bundle (before version 4 the only one; since, the latest of
   * the keys' own when every key waits for material it held before, else the plan's).
   */
  materialExpiry: materialExpirySchema,
  /** The online journal's file name (no folder), so the air-gapped side can print the import command. */
  onlineJournal: journalFileNameSchema,
  /**
   * Version 5: the operator and witnesses of the online journal, under the digest every witness
   * types. The air-gapped side refuses to run with other people (PEOPLE_DIFFER_FROM_BUNDLE).
   */
  people: ceremonyPeopleSchema.optional(),
  airGapJournal: ceremonyAirGapJournalSchema.optional(),
});

export type CeremonyFacts = z.infer<typeof ceremonyFactsSchema>;

export const importParametersManifestSchema = z.strictObject({
  format: z.literal(IMPORT_PARAMETERS_FORMAT),
  ...manifestHeaderShape,
  formatVersion: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
  ceremony: ceremonyFactsSchema.optional(),
  ...manifestTrailerShape(importParametersKeySchema),
});

export type ImportParametersManifest = z.infer<typeof importParametersManifestSchema>;
export type ImportParametersManifestKey = z.infer<typeof importParametersKeySchema>;
