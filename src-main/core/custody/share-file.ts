/**
 * The share file a custodian keeps: a small versioned JSON document, validated with zod and
 * size-capped on read. Shares are the one place plaintext-derived bytes go to disk: each share
 * alone reveals nothing of the material.
 *
 *   { "format": "keyferry.custody-share", "formatVersion": 1, "ceremonyId", "keyId", "spec",
 *     "index", "m", "n", "materialCheck": { "kind", "value" }, "custodian",
 *     "share": base64 (Keyferry share encoding), "checksum": 32 hex }
 */
import path from 'node:path';
import { z } from 'zod';
import { SecretBytes } from '../crypto/secret-bytes';
import { KeyferryError, selectedProblem } from '../errors';
import { readInputFile } from '../fs/input-file';
import { shareFolderRefusal } from './share-folder-given';
import { listValue } from '../../i18n/list';
import { refusedFields } from '../../i18n/refused-fields';
import { setShareFieldsSchema, setShareFields, type SetShare, type SetShareFields } from './set-share';
import {
  CHECKSUM_PATTERN,
  custodyShareFieldsSchema,
  shareFields,
  type CustodyShare,
  type CustodyShareFields,
} from './custody-share';

const SHARE_FILE_FORMAT = 'keyferry.custody-share';
const SHARE_FILE_VERSION = 1;
/** The version written today: a custodian's share of a ceremony's custody set. */
const SET_SHARE_FILE_VERSION = 2;
/** A share of an RSA-4096 key is about 3.3 KB as a file; nothing legitimate comes near this. */
export const SHARE_FILE_MAX_BYTES = 16 * 1024;
const SHARE_MAX_BYTES = 8 * 1024;

const envelopeSchema = z.strictObject({
  format: z.literal(SHARE_FILE_FORMAT),
  formatVersion: z.literal(SHARE_FILE_VERSION),
  share: z
    .string()
    .min(4)
    .max(Math.ceil(SHARE_MAX_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/),
  checksum: z.string().regex(CHECKSUM_PATTERN),
});

/** A set share's file text (JSON, two-space indented, trailing newline). */
export function encodeSetShareFile(share: SetShare): string {
  const { kind, ...fields } = setShareFields(share);
  const document = {
    format: SHARE_FILE_FORMAT,
    formatVersion: SET_SHARE_FILE_VERSION,
    kind,
    ...fields,
    share: share.share.use((bytes) => bytes.toString('base64')),
    checksum: share.checksum,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

const setEnvelopeSchema = envelopeSchema.extend({ formatVersion: z.literal(SET_SHARE_FILE_VERSION) });

function decodeSetShare(document: Record<string, unknown>, label: string): SetShare {
  const { format, formatVersion, share, checksum, ...fields } = document;
  const envelope = setEnvelopeSchema.safeParse({ format, formatVersion, share, checksum });
  const parsed = setShareFieldsSchema.safeParse(fields);
  if (!envelope.success || !parsed.success) {
    const issues = [...(envelope.error?.issues ?? []), ...(parsed.error?.issues ?? [])];
    throw new KeyferryError('CUSTODY_SET_SHARE_FILE_INVALID', { file: label, ...refusedFields(issues, label) });
  }
  const bytes = strictBase64(envelope.data.share);
  if (!bytes || bytes.length < 2)
    throw new KeyferryError('CUSTODY_SET_SHARE_FILE_INVALID', {
      file: label,
      fieldCount: 1,
      fieldsList: listValue(['share']),
    });
  return { ...(parsed.data as SetShareFields), share: SecretBytes.from(bytes), checksum: envelope.data.checksum };
}

/**
 * What a file given as a share file that is not JSON is, when it is another custody file beside it:
 * a printed slip's text (its typed lines' header), the custody backup, or either printed as HTML.
 */
function notJsonReason(text: string): 'slip' | 'backup' | 'html' | 'notJson' {
  const squeezed = text.replace(/\s+/g, '').toUpperCase();
  if (/^(<!DOCTYPE|<HTML)/.test(squeezed)) return 'html';
  if (squeezed.includes('KEYFERRYBACKUPV')) return 'backup';
  if (squeezed.includes('KEYFERRYSHAREV')) return 'slip';
  return 'notJson';
}

/**
 * A share file's JSON object, parsed once: text that is no JSON is refused saying what it looks like
 * (a slip, a backup, a printed page), JSON that is no object as such. Parsed once, because each parse
 * leaves another copy of the share's base64 text in memory that nothing can wipe.
 */
function shareDocument(text: string, label: string): Record<string, unknown> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw unreadable(label, { reason: notJsonReason(text) });
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    throw unreadable(label, { reason: 'notObject' });
  return document as Record<string, unknown>;
}

/** Decodes a share file of either version: a per-key share (1) or a set share (2). */
export function decodeAnyShareFile(text: string, label: string): CustodyShare | SetShare {
  const document = shareDocument(text, label);
  if (document.format === SHARE_FILE_FORMAT && document.formatVersion === SET_SHARE_FILE_VERSION)
    return decodeSetShare(document, label);
  return decodeKeyShare(document, label);
}

/** `keyferry-share-<keyId>-<index>of<n>.json` */
export function shareFileName(share: CustodyShareFields): string {
  return `keyferry-share-${share.keyId}-${share.index}of${share.n}.json`;
}

/** The share file's text (JSON, two-space indented, trailing newline). */
export function encodeShareFile(share: CustodyShare): string {
  const document = {
    format: SHARE_FILE_FORMAT,
    formatVersion: SHARE_FILE_VERSION,
    ...shareFields(share),
    share: share.share.use((bytes) => bytes.toString('base64')),
    checksum: share.checksum,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

type Unreadable =
  | {
      readonly reason:
        'notJson' | 'notObject' | 'notShare' | 'base64' | 'tooShort' | 'notUtf8' | 'slip' | 'backup' | 'html';
    }
  | { readonly reason: 'version'; readonly version: string }
  | { readonly reason: 'fields'; readonly fieldCount: number; readonly fieldsList: string };

function unreadable(label: string, problem: Unreadable): KeyferryError {
  return selectedProblem('CUSTODY_SHARE_FILE_INVALID', { file: label, ...problem });
}

/** Decodes base64 only when it is the one canonical spelling of its bytes (so no edit goes unseen). */
function strictBase64(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') === text) return bytes;
  bytes.fill(0);
  return undefined;
}

/** Parses and validates share file text. `label` names the file in messages. The checksum is verified by restore. */
export function decodeShareFile(text: string, label: string): CustodyShare {
  return decodeKeyShare(shareDocument(text, label), label);
}

/** A per-key share (version 1) from its file's JSON object. */
function decodeKeyShare(document: Record<string, unknown>, label: string): CustodyShare {
  const { format, formatVersion, share, checksum, ...fields } = document;
  const envelope = envelopeSchema.safeParse({ format, formatVersion, share, checksum });
  if (!envelope.success) {
    if (format !== SHARE_FILE_FORMAT) throw unreadable(label, { reason: 'notShare' });
    if (formatVersion !== SHARE_FILE_VERSION)
      throw unreadable(label, { reason: 'version', version: String(formatVersion) });
    throw unreadable(label, { reason: 'fields', ...refusedFields(envelope.error.issues, label) });
  }
  const parsed = custodyShareFieldsSchema.safeParse(fields);
  if (!parsed.success) throw unreadable(label, { reason: 'fields', ...refusedFields(parsed.error.issues, label) });
  const bytes = strictBase64(envelope.data.share);
  if (!bytes) throw unreadable(label, { reason: 'base64' });
  if (bytes.length < 2) throw unreadable(label, { reason: 'tooShort' });
  return { ...parsed.data, share: SecretBytes.from(bytes), checksum: envelope.data.checksum };
}

/** Reads a share file: a regular file (not a link), at most SHARE_FILE_MAX_BYTES, valid UTF-8 JSON. */
export async function readShareFile(file: string): Promise<CustodyShare> {
  const share = await readAnyShareFile(file);
  if ('kind' in share) {
    share.share.dispose();
    throw new KeyferryError('CUSTODY_SHARE_IS_SET', { file: path.basename(file) });
  }
  return share;
}

/** Reads a share file of either version: a regular file (not a link), size-capped, UTF-8 JSON. */
export async function readAnyShareFile(file: string): Promise<CustodyShare | SetShare> {
  const label = path.basename(file);
  const bytes = await readInputFile(file, 'share', SHARE_FILE_MAX_BYTES).catch(async (error: unknown) => {
    // A custodian's folder given for its share file: name the share files in it.
    throw (
      (error instanceof KeyferryError && error.code === 'INPUT_FILE_UNREADABLE'
        ? await shareFolderRefusal(file)
        : undefined) ?? error
    );
  });
  try {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw unreadable(label, { reason: 'notUtf8' });
    }
    return decodeAnyShareFile(text, label);
  } finally {
    bytes.fill(0);
  }
}
