/**
 * zod building blocks shared by both bundle manifests. Everything is strict: unknown fields,
 * loose formats and non-canonical encodings are refused.
 */
import { z } from 'zod';
import { KEY_SPECS, WRAPPING_ALGORITHMS } from '../crypto/key-spec';
import { BUNDLE_LIMITS } from './bundle-limits';

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * True when `text` is canonical, padded standard base64 (what Buffer would print back): whole
 * groups of four from the alphabet, at most two `=` at the end, and the bits the padding leaves
 * over zero (the last character before `==` a multiple of 16 in the alphabet, before `=` of 4).
 * The same verdict as decoding and encoding again, without either (a bundle holds 200 tokens).
 */
export function isCanonicalBase64(text: string): boolean {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return false;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  if (padding === 0) return true;
  const last = BASE64_ALPHABET.indexOf(text.charAt(text.length - padding - 1));
  return last % (padding === 2 ? 16 : 4) === 0;
}

/** Identifiers have one definition each (../identifiers); key ids also name bundle folders. */
import { ceremonyIdSchema } from '../identifiers';
export { keyAliasSchema, keyIdSchema, projectIdSchema, regionSchema } from '../identifiers';

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lower-case hex');

export const isoUtcSchema = z.iso.datetime({ offset: false, local: false, message: 'must be an ISO time in UTC' });

export const keySpecSchema = z.enum(KEY_SPECS);
export const wrappingAlgorithmSchema = z.enum(WRAPPING_ALGORITHMS);

/** Base64 text of at most `maxChars`, canonical. */
export function base64Schema(minChars: number, maxChars: number) {
  return z
    .string()
    .min(minChars, `must be at least ${minChars} characters of base64`)
    .max(maxChars, `must be at most ${maxChars} characters of base64`)
    .refine(isCanonicalBase64, 'must be canonical base64');
}

/** The API's import_token: `^[0-9a-zA-Z+/=]{200,6144}$`. */
export const importTokenSchema = base64Schema(200, 6144);

/** Printed by `bundle verify` and on screens: plain text only (no ESC, CR/LF or bidi controls). */
const creatorText = z.string().regex(/^[^\p{Cc}\p{Cf}]{1,64}$/u, 'must be 1-64 characters without control characters');

/** A journal's file name, without its folder (each side prints it in the other's next command). */
export const journalFileNameSchema = z.string().regex(/^[^/\\\p{Cc}\p{Cf}]{1,255}$/u, 'must be a file name');

/** A person's name as the online journal holds it (trimmed; see core/ceremony/shared/person-name-shape.ts). */
const personNameSchema = z
  .string()
  .regex(/^(?!\s)[^\p{Cc}\p{Cf}]{1,100}(?<!\s)$/u, 'must be 1-100 characters, trimmed, without control characters');

/** An operator and the witnesses beside them (1-20), as a journal's session start names them. */
export const ceremonyPeopleShape = {
  operator: personNameSchema,
  witnesses: z.array(personNameSchema).min(1).max(20),
};

const creatorSchema = z.strictObject({
  app: creatorText,
  version: creatorText,
});

/** One file of the bundle besides the manifest. The name is checked for safety separately. */
const fileEntrySchema = z.strictObject({
  name: z.string().min(1).max(255),
  size: z.number().int().nonnegative().max(BUNDLE_LIMITS.totalMaxBytes),
  sha256: sha256HexSchema,
});

/** Fields every manifest starts with, in this order. */
export const manifestHeaderShape = {
  /** 1, or 2 for a bundle carrying replica groups (keys with `replicaOf`); see replica-groups.ts. */
  formatVersion: z.union([z.literal(1), z.literal(2)]),
  ceremonyId: ceremonyIdSchema,
  createdBy: creatorSchema,
  createdAt: isoUtcSchema,
};

const fileListSchema = z.array(fileEntrySchema).max(BUNDLE_LIMITS.maxEntries);

/**
 * Fields every manifest ends with, in this order: its keys (one to the limit), its files, and
 * `manifestChecksum`, the SHA-256 of the manifest's canonical bytes without that field. The checksum
 * catches accidental damage and casual edits; deliberate tampering is caught by comparing the
 * bundle digest with the receipt.
 */
export function manifestTrailerShape<K extends z.ZodType>(keySchema: K) {
  return {
    keys: z.array(keySchema).min(1).max(BUNDLE_LIMITS.maxKeys),
    files: fileListSchema,
    manifestChecksum: sha256HexSchema,
  };
}
