/**
 * One custodian's share of M-of-N key custody: its metadata, the share bytes, and the checksum
 * that binds them. Every reader (share file, typed slip) validates through `custodyShareFieldsSchema`.
 */
import { z } from 'zod';
import { KEY_SPECS, isAsymmetric, type KeySpec } from '../crypto/key-spec';
import type { SecretBytes } from '../crypto/secret-bytes';
import { ceremonyIdSchema, keyIdSchema } from '../identifiers';
import { shareChecksum } from './byte-fields';

/** Custody limits: at least 2 custodians must meet, at most 16 shares are handed out. */
export const MIN_CUSTODY_THRESHOLD = 2;
export const MAX_CUSTODY_SHARES = 16;

/**
 * How a rebuilt material is proven right: AES key check value (6 upper-case hex) or the
 * SHA-256 fingerprint of the public key's SPKI DER (64 lower-case hex).
 */
export type MaterialCheck =
  { readonly kind: 'kcv'; readonly value: string } | { readonly kind: 'spki-sha256'; readonly value: string };

/** The metadata of a share: everything but the share bytes and the checksum. */
export interface CustodyShareFields {
  readonly ceremonyId: string;
  readonly keyId: string;
  readonly spec: KeySpec;
  /** 1..n, printed on the slip; not the Shamir x-coordinate. */
  readonly index: number;
  readonly m: number;
  readonly n: number;
  readonly materialCheck: MaterialCheck;
  readonly custodian: string;
}

export interface CustodyShare extends CustodyShareFields {
  /** Keyferry's share encoding (see shamir.ts). Each share alone reveals nothing of the material. */
  readonly share: SecretBytes;
  /** 32 lower-case hex: SHA-256 of `canonicalShareEncoding`, truncated to 16 bytes. */
  readonly checksum: string;
}

/** Ceremony and key ids follow the one definition in ../identifiers (they also name share files). */
export { CEREMONY_ID_PATTERN, KEY_ID_PATTERN } from '../identifiers';
export const CHECKSUM_PATTERN = /^[0-9a-f]{32}$/;

/** Custodian names: 1-100 printable characters, trimmed, no control characters. */
export const custodianSchema = z
  .string()
  .min(1)
  .max(100)
  .refine(
    (s) => s === s.trim() && s.normalize('NFC') === s && !/\p{Cc}/u.test(s),
    'must be trimmed NFC text without control characters',
  )
  .refine((s) => Buffer.byteLength(s, 'utf8') <= 255, 'must fit in 255 UTF-8 bytes');

const materialCheckSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('kcv'), value: z.string().regex(/^[0-9A-F]{6}$/) }),
  z.strictObject({ kind: z.literal('spki-sha256'), value: z.string().regex(/^[0-9a-f]{64}$/) }),
]);

/** Validates share metadata, including the rules that tie fields together. */
export const custodyShareFieldsSchema = z
  .strictObject({
    ceremonyId: ceremonyIdSchema,
    keyId: keyIdSchema,
    spec: z.enum(KEY_SPECS),
    index: z.number().int().min(1).max(MAX_CUSTODY_SHARES),
    m: z.number().int().min(MIN_CUSTODY_THRESHOLD).max(MAX_CUSTODY_SHARES),
    n: z.number().int().min(MIN_CUSTODY_THRESHOLD).max(MAX_CUSTODY_SHARES),
    materialCheck: materialCheckSchema,
    custodian: custodianSchema,
  })
  .refine((f) => f.m <= f.n, { message: 'M must not exceed N', path: ['m'] })
  .refine((f) => f.index <= f.n, { message: 'the index must not exceed N', path: ['index'] })
  .refine((f) => f.materialCheck.kind === materialCheckKind(f.spec), {
    message: 'check kind does not fit the key spec',
    path: ['materialCheck'],
  });

/** The check a spec's material is proven by. */
export function materialCheckKind(spec: KeySpec): MaterialCheck['kind'] {
  return isAsymmetric(spec) ? 'spki-sha256' : 'kcv';
}

/** A check as the screen, journal and receipt carry it: the AES key check value or the public key's SHA-256 (the other null). */
export function checkValues(check: MaterialCheck | undefined): {
  readonly keyCheckValue: string | null;
  readonly publicKeyFingerprint: string | null;
} {
  return {
    keyCheckValue: check?.kind === 'kcv' ? check.value : null,
    publicKeyFingerprint: check?.kind === 'spki-sha256' ? check.value : null,
  };
}

const DOMAIN_TAG = 'keyferry.custody-share/v1';

/**
 * SHA-256 of a domain tag, every field (numbers in decimal) and the share bytes, each as a 4-byte
 * big-endian length and its UTF-8; first 16 bytes as lower-case hex.
 */
export function computeShareChecksum(fields: CustodyShareFields, shareBytes: Uint8Array): string {
  return shareChecksum(
    [
      DOMAIN_TAG,
      fields.ceremonyId,
      fields.keyId,
      fields.spec,
      String(fields.index),
      String(fields.m),
      String(fields.n),
      fields.materialCheck.kind,
      fields.materialCheck.value,
      fields.custodian,
    ],
    shareBytes,
  );
}

/** True when the share's recorded checksum matches its fields and bytes. */
export function shareChecksumMatches(share: CustodyShare): boolean {
  return share.share.use((bytes) => computeShareChecksum(share, bytes)) === share.checksum;
}

/** Just the metadata of a share (no bytes, no checksum), e.g. to compare shares. */
export function shareFields(share: CustodyShareFields): CustodyShareFields {
  const { ceremonyId, keyId, spec, index, m, n, materialCheck, custodian } = share;
  return { ceremonyId, keyId, spec, index, m, n, materialCheck: { ...materialCheck }, custodian };
}
