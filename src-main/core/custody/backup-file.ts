/**
 * A ceremony's custody backup: every key's material encrypted under the one ceremony backup key
 * (AES-256-GCM, a fresh 96-bit nonce per key, additional data binding format, ceremony id, key
 * id, spec and the recorded check value, so no entry can be moved to another key or ceremony).
 * The payload is a compact binary document; backup-text.ts prints it as checked lines, which is
 * both the file each custodian carries and what is printed for a paper-only restore.
 *
 *   "KFBK" | version(1) | ceremonyId(len 1 + ASCII)
 *   version 2 only: holderCount(1) | each holder's name (len 1 + UTF-8), in share order
 *   | keyCount(2, BE)
 *   then per key: keyId(len 1 + ASCII) | spec(1, index in KEY_SPECS)
 *     | check (3 bytes KCV for AES, 32 bytes SPKI SHA-256 otherwise)
 *     | nonce(12) | ciphertext length(2, BE) | ciphertext | tag(16)
 *
 * The backup alone reveals nothing of the material (without M shares there is no key).
 * Version 2 (written today) names every share's holder, so a restore can name all holders of
 * the custody copy, not only those who came; the digest every share records covers the names.
 * Version 1 (no names) keeps restoring.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { KEY_SPECS, type KeySpec } from '../crypto/key-spec';
import { ceremonyIdSchema, keyIdSchema } from '../identifiers';
import { ByteReader, lengthPrefixed, shortText, uint16 } from './byte-fields';
import {
  MAX_CUSTODY_SHARES,
  MIN_CUSTODY_THRESHOLD,
  custodianSchema,
  materialCheckKind,
  type MaterialCheck,
} from './custody-share';
import { MAX_BACKUP_KEYS } from './set-share';

const MAGIC = Buffer.from('KFBK', 'ascii');
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const AAD_TAG = 'keyferry.custody-backup/v1';

export interface BackupEntry {
  readonly keyId: string;
  readonly spec: KeySpec;
  readonly materialCheck: MaterialCheck;
  readonly nonce: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
}

export interface CustodyBackup {
  readonly ceremonyId: string;
  /** Every share's holder in share order (version 2); null for a version 1 backup. */
  readonly holders: readonly string[] | null;
  readonly entries: readonly BackupEntry[];
  /** The encoded payload (what the lines carry). */
  readonly payload: Buffer;
  /** SHA-256 of the payload, 64 lower-case hex: recorded in every share. */
  readonly digest: string;
}

/** The additional authenticated data of one entry. */
function entryAad(ceremonyId: string, keyId: string, spec: KeySpec, check: MaterialCheck): Buffer {
  return Buffer.concat([AAD_TAG, ceremonyId, keyId, spec, check.kind, check.value].map(lengthPrefixed));
}

/** Encrypts one key's material (AES: raw bytes; RSA/EC: PKCS#8 DER) under the backup key. */
export function encryptEntry(
  backupKey: Uint8Array,
  ceremonyId: string,
  key: { keyId: string; spec: KeySpec; materialCheck: MaterialCheck },
  material: Uint8Array,
): BackupEntry {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', backupKey, nonce);
  cipher.setAAD(entryAad(ceremonyId, key.keyId, key.spec, key.materialCheck));
  const ciphertext = Buffer.concat([cipher.update(material), cipher.final()]);
  return { ...key, nonce, ciphertext, tag: cipher.getAuthTag() };
}

/** Decrypts one entry; undefined when its tag does not verify (wrong key, or an altered entry). Caller zeroes the result. */
export function decryptEntry(backupKey: Uint8Array, ceremonyId: string, entry: BackupEntry): Buffer | undefined {
  const decipher = createDecipheriv('aes-256-gcm', backupKey, entry.nonce);
  decipher.setAAD(entryAad(ceremonyId, entry.keyId, entry.spec, entry.materialCheck));
  decipher.setAuthTag(entry.tag);
  const plain = decipher.update(entry.ciphertext);
  try {
    const last = decipher.final();
    const out = Buffer.alloc(plain.length + last.length);
    plain.copy(out);
    last.copy(out, plain.length);
    return out;
  } catch {
    return undefined;
  } finally {
    plain.fill(0);
  }
}

/**
 * Encodes the backup payload and its digest: version 2 naming `holders` (share order), or
 * version 1 when `holders` is null (as earlier versions wrote it; kept for tests of old files).
 */
export function encodeBackup(
  ceremonyId: string,
  entries: readonly BackupEntry[],
  holders: readonly string[] | null,
): CustodyBackup {
  const named = holders === null ? [Buffer.from([1])] : [Buffer.from([2])];
  const parts = [MAGIC, ...named, shortText(ceremonyId)];
  if (holders !== null) parts.push(Buffer.from([holders.length]), ...holders.map(shortText));
  parts.push(uint16(entries.length));
  for (const e of entries) {
    parts.push(
      shortText(e.keyId),
      Buffer.from([KEY_SPECS.indexOf(e.spec)]),
      Buffer.from(e.materialCheck.value, 'hex'),
      e.nonce,
      uint16(e.ciphertext.length),
      e.ciphertext,
      e.tag,
    );
  }
  const payload = Buffer.concat(parts);
  return {
    ceremonyId,
    holders: holders === null ? null : [...holders],
    entries,
    payload,
    digest: backupDigestOf(payload),
  };
}

function backupDigestOf(payload: Uint8Array): string {
  return createHash('sha256').update(payload).digest('hex');
}

/** Why a payload cannot be read: the version it names, or that it does not parse. */
type BackupDecodeFailure = { readonly version: number } | { readonly malformed: true };

/** Decodes a payload strictly (no trailing bytes, valid ids, no key twice), or says why not. */
export function decodeBackup(payload: Buffer): CustodyBackup | BackupDecodeFailure {
  try {
    const r = new ByteReader(payload);
    if (!r.take(4).equals(MAGIC)) return { malformed: true };
    const version = r.byte();
    if (version !== 1 && version !== 2) return { version };
    const ceremonyId = r.text();
    if (!ceremonyIdSchema.safeParse(ceremonyId).success) return { malformed: true };
    let holders: string[] | null = null;
    if (version === 2) {
      const holderCount = r.byte();
      if (holderCount < MIN_CUSTODY_THRESHOLD || holderCount > MAX_CUSTODY_SHARES) return { malformed: true };
      holders = Array.from({ length: holderCount }, () => r.text());
      if (!holders.every((h) => custodianSchema.safeParse(h).success)) return { malformed: true };
    }
    const count = r.uint16();
    if (count < 1 || count > MAX_BACKUP_KEYS) return { malformed: true };
    const entries: BackupEntry[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < count; i++) {
      const keyId = r.text();
      const spec = KEY_SPECS[r.byte()];
      if (spec === undefined || !keyIdSchema.safeParse(keyId).success || seen.has(keyId)) return { malformed: true };
      seen.add(keyId);
      const materialCheck = r.materialCheck(materialCheckKind(spec));
      const nonce = Buffer.from(r.take(NONCE_BYTES));
      const length = r.uint16();
      const ciphertext = Buffer.from(r.take(length));
      const tag = Buffer.from(r.take(TAG_BYTES));
      entries.push({ keyId, spec, materialCheck, nonce, ciphertext, tag });
    }
    if (!r.atEnd) return { malformed: true };
    return { ceremonyId, holders, entries, payload, digest: backupDigestOf(payload) };
  } catch {
    return { malformed: true };
  }
}
