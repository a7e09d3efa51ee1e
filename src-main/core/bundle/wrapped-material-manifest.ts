/**
 * manifest.json of a wrapped-material bundle (air-gapped → online): version 1, 2 with replica
 * groups (`replicaOf`), 3 when it names who made it on the air-gapped side (`madeBy`), 4 when
 * `madeBy` also names the session that made it and the journal's earlier wraps, 5 when its custody
 * shares name their custody set (`custody.backupDigest`).
 */
import { z } from 'zod';
import { BUNDLE_LIMITS, WRAPPED_MATERIAL_FORMAT } from './bundle-limits';
import { custodyArrangementSchema } from './custody-arrangement';

export { type CustodyArrangement } from './custody-arrangement';
import {
  ceremonyPeopleShape,
  isoUtcSchema,
  journalFileNameSchema,
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

/** What kind of air-gapped session wrote the bundle (the journal's session start says it too). */
const MADE_BY_PURPOSES = ['wrap', 'custody-restore'] as const;

/**
 * Version 3: who made the material on the air-gapped side, under the digest typed at import: the
 * session's operator and the witnesses who confirmed the parameters (every witness of the session
 * does before any material exists), and the air-gapped journal it was made in, by its file name
 * and the SHA-256 of its first entry (a journal's identity: every later entry chains to it). The
 * online side checks the people against its journal and refuses material of another air-gapped
 * journal than an earlier bundle of the ceremony came from (online/wrapped-bundle-makers.ts).
 */
/** An entry of the air-gapped journal: its number and its hash (which chains to every entry before it). */
const journalEntryRefShape = {
  seq: z.number().int().positive(),
  sha256: sha256HexSchema,
};

/** Every entry listed before the next, oldest first, each before the session `wrapEntry` that lists them. */
function inJournalOrder(madeBy: {
  wrapEntry?: { seq: number } | undefined;
  earlierWraps?: readonly { seq: number }[] | undefined;
}): boolean {
  if ((madeBy.wrapEntry === undefined) !== (madeBy.earlierWraps === undefined)) return false;
  const seqs = [...(madeBy.earlierWraps ?? []).map((w) => w.seq), madeBy.wrapEntry?.seq ?? Infinity];
  return seqs.every((seq, i) => i === 0 || (seqs[i - 1] as number) < seq);
}

const madeBySchema = z
  .strictObject({
    purpose: z.enum(MADE_BY_PURPOSES),
    ...ceremonyPeopleShape,
    journalFile: journalFileNameSchema,
    journalFirstEntrySha256: sha256HexSchema,
    /**
     * Version 4: the session that made this bundle, by the journal entry that started it (number,
     * hash, time). The online side journals it with its check, so it can require it of later wraps.
     */
    wrapEntry: z.strictObject({ ...journalEntryRefShape, at: isoUtcSchema }).optional(),
    /**
     * Version 4: every earlier session of the journal that finished a wrapped bundle (wrap or
     * custody restore), by the entry that started it, oldest first (at most the latest
     * BUNDLE_LIMITS.maxEarlierWraps). A wrap the online side took from this journal and missing
     * here shows an older copy of the journal made this bundle (online/wrapped-bundle-makers.ts).
     */
    earlierWraps: z.array(z.strictObject(journalEntryRefShape)).max(BUNDLE_LIMITS.maxEarlierWraps).optional(),
  })
  .refine(inJournalOrder, {
    message: 'wrapEntry and earlierWraps come together, earlier wraps in journal order before the wrap',
  });

export type WrappedMadeBy = z.infer<typeof madeBySchema>;

export const wrappedMaterialManifestSchema = z.strictObject({
  format: z.literal(WRAPPED_MATERIAL_FORMAT),
  ...manifestHeaderShape,
  formatVersion: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  /** Absent in bundles written before it existed; every bundle Keyferry writes now carries it. */
  custody: custodyArrangementSchema.optional(),
  /** Versions 3 and 4 (see madeBySchema); absent before. */
  madeBy: madeBySchema.optional(),
  ...manifestTrailerShape(wrappedMaterialKeySchema),
});

export type WrappedMaterialManifest = z.infer<typeof wrappedMaterialManifestSchema>;
export type WrappedMaterialManifestKey = z.infer<typeof wrappedMaterialKeySchema>;
