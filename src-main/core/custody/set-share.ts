/**
 * One custodian's share of a ceremony's custody set (share format version 2): a Shamir share of
 * the ONE ceremony backup key, which encrypts every key's material in the ceremony's backup file
 * (backup-file.ts). The share is the same size whatever the keys, so its slip fits one page.
 *
 * It records the backup file's digest (so a swapped backup file is refused by name) and a check
 * of the backup key (so M shares that rebuild some other key are refused before any decryption).
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { SecretBytes } from '../crypto/secret-bytes';
import { KeyferryError } from '../errors';
import { groupHex } from '../hex-groups';
import { ceremonyIdSchema } from '../identifiers';
import { shareChecksum } from './byte-fields';
import { custodySetTag } from './set-tag';
import { MAX_CUSTODY_SHARES, MIN_CUSTODY_THRESHOLD, custodianSchema } from './custody-share';

/** The most keys one backup file carries (a 100-key ceremony is the design point). */
export const MAX_BACKUP_KEYS = 1000;

export interface SetShareFields {
  readonly kind: 'set';
  readonly ceremonyId: string;
  /** 1..n, printed on the slip; not the Shamir x-coordinate. */
  readonly index: number;
  readonly m: number;
  readonly n: number;
  readonly custodian: string;
  /** How many keys the backup file holds. */
  readonly keyCount: number;
  /** SHA-256 (64 lower-case hex) of the backup file's payload. */
  readonly backupDigest: string;
  /** 16 lower-case hex: HMAC-SHA-256 of the backup key over a fixed label, truncated. */
  readonly backupKeyCheck: string;
}

export interface SetShare extends SetShareFields {
  /** Keyferry's share encoding of the backup key (shamir.ts): 33 bytes. */
  readonly share: SecretBytes;
  /** 32 lower-case hex: SHA-256 of the canonical encoding, truncated to 16 bytes. */
  readonly checksum: string;
}

export const setShareFieldsSchema = z
  .strictObject({
    kind: z.literal('set'),
    ceremonyId: ceremonyIdSchema,
    index: z.number().int().min(1).max(MAX_CUSTODY_SHARES),
    m: z.number().int().min(MIN_CUSTODY_THRESHOLD).max(MAX_CUSTODY_SHARES),
    n: z.number().int().min(MIN_CUSTODY_THRESHOLD).max(MAX_CUSTODY_SHARES),
    custodian: custodianSchema,
    keyCount: z.number().int().min(1).max(MAX_BACKUP_KEYS),
    backupDigest: z.string().regex(/^[0-9a-f]{64}$/),
    backupKeyCheck: z.string().regex(/^[0-9a-f]{16}$/),
  })
  .refine((f) => f.m <= f.n, { message: 'M must not exceed N', path: ['m'] })
  .refine((f) => f.index <= f.n, { message: 'the index must not exceed N', path: ['index'] });

/** True for a ceremony set share (format 2), false for a per-key share (format 1). */
export function isSetShare(share: object): share is SetShare {
  return 'kind' in share && (share as { kind: unknown }).kind === 'set';
}

const DOMAIN_TAG = 'keyferry.custody-set-share/v2';
const KEY_CHECK_LABEL = 'keyferry.custody-set.backup-key-check/v2';

/** The check of a backup key recorded in every share. */
export function backupKeyCheckOf(backupKey: Uint8Array): string {
  return createHmac('sha256', backupKey).update(KEY_CHECK_LABEL).digest().subarray(0, 8).toString('hex');
}

/** SHA-256 of a domain tag, every field and the share bytes (each length-prefixed), first 16 bytes. */
export function computeSetShareChecksum(fields: SetShareFields, shareBytes: Uint8Array): string {
  return shareChecksum(
    [
      DOMAIN_TAG,
      fields.ceremonyId,
      String(fields.index),
      String(fields.m),
      String(fields.n),
      fields.custodian,
      String(fields.keyCount),
      fields.backupDigest,
      fields.backupKeyCheck,
    ],
    shareBytes,
  );
}

/** True when the share's fields are valid and its checksum matches its fields and bytes. */
export function setShareIntact(share: SetShare): boolean {
  return (
    setShareFieldsSchema.safeParse(setShareFields(share)).success &&
    share.share.use((bytes) => computeSetShareChecksum(share, bytes)) === share.checksum
  );
}

/** Just the metadata (no bytes, no checksum). */
export function setShareFields(share: SetShareFields): SetShareFields {
  const { kind, ceremonyId, index, m, n, custodian, keyCount, backupDigest, backupKeyCheck } = share;
  return { kind, ceremonyId, index, m, n, custodian, keyCount, backupDigest, backupKeyCheck };
}

/** `keyferry-share-<ceremonyId>-<set tag>-<index>of<n>.json` (before session 13: without the set tag; still read by content). */
export function setShareFileName(share: Pick<SetShareFields, 'ceremonyId' | 'index' | 'n' | 'backupDigest'>): string {
  return `keyferry-share-${share.ceremonyId}-${custodySetTag(share.backupDigest)}-${share.index}of${share.n}.json`;
}

/** A presented share as a refusal names it: set shares carry their set's backup digest, per-key shares none. */
interface PresentedShareFacts {
  readonly index: number;
  readonly ceremonyId: string;
  readonly backupDigest?: string;
}

/**
 * The refusal of share `other` presented with `first`: shares of two custody sets of one ceremony
 * (a later wrap of it made new material and a new set) are CUSTODY_SET_TWO_SETS, each set named by
 * its backup digest (printed on its slips and on its air-gapped receipt); anything else (another
 * ceremony, a per-key share beside a set share) is CUSTODY_SET_SHARES_MIXED.
 */
export function mixedSharesRefusal(first: PresentedShareFacts, other: PresentedShareFacts): KeyferryError {
  const [a, b] = [first.backupDigest, other.backupDigest];
  if (first.ceremonyId === other.ceremonyId && a && b && a !== b)
    return new KeyferryError('CUSTODY_SET_TWO_SETS', {
      ceremonyId: first.ceremonyId,
      first: first.index,
      other: other.index,
      firstDigest: groupHex(a.slice(0, 16)),
      otherDigest: groupHex(b.slice(0, 16)),
    });
  return new KeyferryError('CUSTODY_SET_SHARES_MIXED', {
    first: first.index,
    other: other.index,
    firstCeremony: first.ceremonyId,
    otherCeremony: other.ceremonyId,
  });
}
