/**
 * The compact binary form of a share printed on a custody slip (as base32 lines and QR codes):
 *
 *   version(1)=1 | spec(1, index in KEY_SPECS) | index(1) | m(1) | n(1)
 *   | ceremonyId(len 1 + ASCII) | keyId(len 1 + ASCII) | custodian(len 1 + UTF-8)
 *   | check value (3 bytes KCV for AES, 32 bytes SPKI SHA-256 otherwise)
 *   | share(len 2, big-endian + bytes) | checksum(16)
 *
 * Version 2, a set share (one share of a ceremony's backup key, set-share.ts):
 *
 *   version(1)=2 | index(1) | m(1) | n(1) | keyCount(2, BE) | ceremonyId(len 1 + ASCII)
 *   | custodian(len 1 + UTF-8) | backupDigest(32) | backupKeyCheck(8) | share(len 1 + bytes) | checksum(16)
 *
 * Decoding is strict (no trailing bytes) and validates through the same schema as share files.
 */
import { KEY_SPECS } from '../crypto/key-spec';
import { SecretBytes } from '../crypto/secret-bytes';
import {
  custodyShareFieldsSchema,
  materialCheckKind,
  type CustodyShare,
  type CustodyShareFields,
} from './custody-share';
import { ByteReader, shortText, uint16 } from './byte-fields';
import { setShareFieldsSchema, type SetShare, type SetShareFields } from './set-share';
import { refusedFields } from '../../i18n/refused-fields';

/**
 * Why a slip's bytes are not a share, as CUSTODY_TYPED_SHARE_INVALID's `payload` names it (the
 * refused fields as values, never zod's English).
 */
export type SlipPayloadRefusal =
  | { readonly payload: 'version' | 'spec' | 'afterEnd' | 'endsEarly' }
  | { readonly payload: 'fields'; readonly fieldCount: number; readonly fieldsList: string };

const refused = (payload: 'version' | 'spec' | 'afterEnd' | 'endsEarly'): SlipPayloadRefusal => ({ payload });

/** True when `decoded` is a refusal rather than a share. */
export function isSlipPayloadRefusal(
  decoded: CustodyShare | SetShare | SlipPayloadRefusal,
): decoded is SlipPayloadRefusal {
  return 'payload' in decoded;
}

const PAYLOAD_VERSION = 1;
const SET_PAYLOAD_VERSION = 2;

/** Encodes a set share for its slip. The caller must zero-fill the returned Buffer. */
export function encodeSetSlipPayload(share: SetShare): Buffer {
  return share.share.use((bytes) =>
    Buffer.concat([
      Buffer.from([SET_PAYLOAD_VERSION, share.index, share.m, share.n]),
      uint16(share.keyCount),
      shortText(share.ceremonyId),
      shortText(share.custodian),
      Buffer.from(share.backupDigest, 'hex'),
      Buffer.from(share.backupKeyCheck, 'hex'),
      Buffer.from([bytes.length]),
      bytes,
      Buffer.from(share.checksum, 'hex'),
    ]),
  );
}

function decodeSetSlipPayload(payload: Buffer): SetShare | SlipPayloadRefusal {
  try {
    const r = new ByteReader(payload);
    r.byte();
    const [index, m, n] = [r.byte(), r.byte(), r.byte()];
    const keyCount = r.uint16();
    const ceremonyId = r.text();
    const custodian = r.text();
    const backupDigest = r.take(32).toString('hex');
    const backupKeyCheck = r.take(8).toString('hex');
    const shareView = r.take(r.byte());
    const checksum = r.take(16).toString('hex');
    if (!r.atEnd) return refused('afterEnd');
    const fields = { kind: 'set', ceremonyId, index, m, n, custodian, keyCount, backupDigest, backupKeyCheck };
    const parsed = setShareFieldsSchema.safeParse(fields);
    if (!parsed.success) return { payload: 'fields', ...refusedFields(parsed.error.issues, 'fields') };
    return { ...(parsed.data as SetShareFields), share: SecretBytes.from(Buffer.from(shareView)), checksum };
  } catch {
    return refused('endsEarly');
  }
}

/** Encodes a share for its slip. The caller must zero-fill the returned Buffer. */
export function encodeSlipPayload(share: CustodyShare): Buffer {
  const check = Buffer.from(share.materialCheck.value, 'hex');
  return share.share.use((bytes) =>
    Buffer.concat([
      Buffer.from([PAYLOAD_VERSION, KEY_SPECS.indexOf(share.spec), share.index, share.m, share.n]),
      shortText(share.ceremonyId),
      shortText(share.keyId),
      shortText(share.custodian),
      check,
      uint16(bytes.length),
      bytes,
      Buffer.from(share.checksum, 'hex'),
    ]),
  );
}

/**
 * Decodes a slip payload into a share, or returns why it cannot (SlipPayloadRefusal). Does not verify the
 * checksum (restore does). The input is not modified; the share's bytes are a fresh copy.
 */
export function decodeSlipPayload(payload: Buffer): CustodyShare | SetShare | SlipPayloadRefusal {
  if (payload[0] === SET_PAYLOAD_VERSION) return decodeSetSlipPayload(payload);
  let fields: CustodyShareFields;
  let shareBytes: Buffer;
  let checksum: string;
  try {
    const r = new ByteReader(payload);
    if (r.byte() !== PAYLOAD_VERSION) return refused('version');
    const spec = KEY_SPECS[r.byte()];
    if (spec === undefined) return refused('spec');
    const index = r.byte();
    const m = r.byte();
    const n = r.byte();
    const ceremonyId = r.text();
    const keyId = r.text();
    const custodian = r.text();
    const materialCheck = r.materialCheck(materialCheckKind(spec));
    const shareView = r.take(r.uint16());
    checksum = r.take(16).toString('hex');
    if (!r.atEnd) return refused('afterEnd');
    const parsed = custodyShareFieldsSchema.safeParse({
      ceremonyId,
      keyId,
      spec,
      index,
      m,
      n,
      materialCheck,
      custodian,
    });
    if (!parsed.success) return { payload: 'fields', ...refusedFields(parsed.error.issues, 'fields') };
    fields = parsed.data;
    shareBytes = Buffer.alloc(shareView.length);
    shareView.copy(shareBytes);
  } catch {
    return refused('endsEarly');
  }
  return { ...fields, share: SecretBytes.from(shareBytes), checksum };
}
