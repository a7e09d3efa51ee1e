/**
 * The custody byte fields: one reader and one set of writers for the backup payload and both slip
 * payloads. The payloads below were written by the encoders before they shared these fields
 * (session 4): today's encoders must write the same bytes and the decoders must read them back.
 */
import { describe, expect, it } from 'vitest';
import { decodeBackup, encodeBackup } from '../../../src-main/core/custody/backup-file';
import {
  ByteReader,
  lengthPrefixed,
  shareChecksum,
  shortText,
  uint16,
} from '../../../src-main/core/custody/byte-fields';
import { computeShareChecksum, type CustodyShareFields } from '../../../src-main/core/custody/custody-share';
import { computeSetShareChecksum, type SetShareFields } from '../../../src-main/core/custody/set-share';
import {
  decodeSlipPayload,
  encodeSetSlipPayload,
  encodeSlipPayload,
  isSlipPayloadRefusal,
} from '../../../src-main/core/custody/slip-payload';
import { SecretBytes } from '../../../src-main/core/crypto/secret-bytes';

const bytes = (n: number, seed: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7 + seed) & 0xff));
const CEREMONY = 'ceremony-2026-12-01';
const AES_KEY = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
const EC_KEY = '1d0466b0-e727-4d9c-b35d-f84bb474a37f';

const BACKUP_PAYLOAD = [
  '4b46424b0113636572656d6f6e792d323032362d31322d303100022430643034363662302d653732372d346439632d62',
  '3335642d663834626234373461333766001a2b3c01080f161d242b323940474e0020020910171e252c333a41484f565d',
  '646b727980878e959ca3aab1b8bfc6cdd4db030a11181f262d343b424950575e656c2431643034363662302d65373237',
  '2d346439632d623335642d66383462623437346133376604040b121920272e353c434a51585f666d747b828990979ea5',
  'acb3bac1c8cfd6dd050c131a21282f363d444b52008a060d141b222930373e454c535a61686f767d848b9299a0a7aeb5',
  'bcc3cad1d8dfe6edf4fb020910171e252c333a41484f565d646b727980878e959ca3aab1b8bfc6cdd4dbe2e9f0f7fe05',
  '0c131a21282f363d444b525960676e757c838a91989fa6adb4bbc2c9d0d7dee5ecf3fa01080f161d242b323940474e55',
  '5c636a71787f868d949ba2a9b0b7bec5070e151c232a31383f464d545b626970',
].join('');
const SLIP_PAYLOAD = [
  '010002020313636572656d6f6e792d323032362d31322d30312430643034363662302d653732372d346439632d623335',
  '642d6638346262343734613337660b5a68c4816e672057c49b691a2b3c00210910171e252c333a41484f565d646b7279',
  '80878e959ca3aab1b8bfc6cdd4dbe2e940177f6149d9c03c7d90b9e8bb7b4155',
].join('');
const SET_SLIP_PAYLOAD = [
  '02040305000213636572656d6f6e792d323032362d31322d303106e78e8be88ab33b3e80d135565a7f5fe2f68a52ed8c',
  'c140a73013245d94da1b503be308a644240b121920272e353c210910171e252c333a41484f565d646b727980878e959c',
  'a3aab1b8bfc6cdd4dbe2e91008bf848c9f1f5bc8e2b72c69f26609',
].join('');

const entries = [
  {
    keyId: AES_KEY,
    spec: 'AES_256' as const,
    materialCheck: { kind: 'kcv' as const, value: '1A2B3C' },
    nonce: bytes(12, 1),
    ciphertext: bytes(32, 2),
    tag: bytes(16, 3),
  },
  {
    keyId: EC_KEY,
    spec: 'EC_P256' as const,
    materialCheck: { kind: 'spki-sha256' as const, value: bytes(32, 4).toString('hex') },
    nonce: bytes(12, 5),
    ciphertext: bytes(138, 6),
    tag: bytes(16, 7),
  },
];
const fields: CustodyShareFields = {
  ceremonyId: CEREMONY,
  keyId: AES_KEY,
  spec: 'AES_256',
  index: 2,
  m: 2,
  n: 3,
  materialCheck: { kind: 'kcv', value: '1A2B3C' },
  custodian: 'Zhāng Wěi',
};
const setFields: SetShareFields = {
  kind: 'set',
  ceremonyId: CEREMONY,
  index: 4,
  m: 3,
  n: 5,
  custodian: '王芳',
  keyCount: 2,
  backupDigest: '3b3e80d135565a7f5fe2f68a52ed8cc140a73013245d94da1b503be308a64424',
  backupKeyCheck: bytes(8, 11).toString('hex'),
};
const shareBytes = bytes(33, 9);

describe('custody byte fields', () => {
  it('the backup payload is written byte for byte as before and reads back to the same entries', () => {
    const backup = encodeBackup(CEREMONY, entries, null);
    expect(backup.payload.toString('hex')).toBe(BACKUP_PAYLOAD);
    expect(backup.digest).toBe('3b3e80d135565a7f5fe2f68a52ed8cc140a73013245d94da1b503be308a64424');
    const decoded = decodeBackup(Buffer.from(BACKUP_PAYLOAD, 'hex'));
    expect(decoded).toMatchObject({ ceremonyId: CEREMONY, digest: backup.digest });
    expect('entries' in decoded && decoded.entries).toEqual(entries);
  });

  it('both slip payloads and share checksums are written as before and decode to the same share', () => {
    const checksum = computeShareChecksum(fields, shareBytes);
    expect(checksum).toBe('40177f6149d9c03c7d90b9e8bb7b4155');
    const slip = encodeSlipPayload({ ...fields, share: SecretBytes.from(Buffer.from(shareBytes)), checksum });
    expect(slip.toString('hex')).toBe(SLIP_PAYLOAD);
    const share = decodeSlipPayload(Buffer.from(SLIP_PAYLOAD, 'hex'));
    if (isSlipPayloadRefusal(share)) throw new Error(share.payload);
    expect({ ...share, share: share.share.use((b) => Buffer.from(b).toString('hex')) }).toEqual({
      ...fields,
      checksum,
      share: shareBytes.toString('hex'),
    });

    const setChecksum = computeSetShareChecksum(setFields, shareBytes);
    expect(setChecksum).toBe('1008bf848c9f1f5bc8e2b72c69f26609');
    const setSlip = encodeSetSlipPayload({
      ...setFields,
      share: SecretBytes.from(Buffer.from(shareBytes)),
      checksum: setChecksum,
    });
    expect(setSlip.toString('hex')).toBe(SET_SLIP_PAYLOAD);
    const setShare = decodeSlipPayload(Buffer.from(SET_SLIP_PAYLOAD, 'hex'));
    if (isSlipPayloadRefusal(setShare)) throw new Error(setShare.payload);
    expect({ ...setShare, share: setShare.share.use((b) => Buffer.from(b).toString('hex')) }).toEqual({
      ...setFields,
      checksum: setChecksum,
      share: shareBytes.toString('hex'),
    });
  });

  it('a payload cut short, with a byte after its end, or with text that is not UTF-8 is refused', () => {
    const backup = Buffer.from(BACKUP_PAYLOAD, 'hex');
    expect(decodeBackup(backup.subarray(0, backup.length - 1))).toEqual({ malformed: true });
    expect(decodeBackup(Buffer.concat([backup, Buffer.from([0])]))).toEqual({ malformed: true });
    const slip = Buffer.from(SLIP_PAYLOAD, 'hex');
    expect(decodeSlipPayload(slip.subarray(0, slip.length - 1))).toEqual({ payload: 'endsEarly' });
    expect(decodeSlipPayload(Buffer.concat([slip, Buffer.from([0])]))).toEqual({ payload: 'afterEnd' });
    const brokenText = Buffer.from(slip);
    brokenText[6] = 0xff; // inside the ceremony id
    expect(decodeSlipPayload(brokenText)).toEqual({ payload: 'endsEarly' });
  });

  it('reads what the writers wrote, in order, and knows when it reached the end', () => {
    const r = new ByteReader(
      Buffer.concat([shortText('王芳'), uint16(513), lengthPrefixed('ab'), Buffer.from([0xab, 0xcd, 0xef])]),
    );
    expect(r.text()).toBe('王芳');
    expect(r.uint16()).toBe(513);
    expect(r.take(4).readUInt32BE(0)).toBe(2);
    expect(r.take(2).toString('utf8')).toBe('ab');
    expect(r.atEnd).toBe(false);
    expect(r.materialCheck('kcv')).toEqual({ kind: 'kcv', value: 'ABCDEF' });
    expect(r.atEnd).toBe(true);
    expect(() => r.byte()).toThrow(RangeError);
    expect(() => new ByteReader(Buffer.from([2, 0xc3, 0x28])).text()).toThrow(TypeError);
    // A text cut inside a character is refused, and the next text read (the decoder is shared) is whole.
    expect(() => new ByteReader(Buffer.from([1, 0xc3])).text()).toThrow(TypeError);
    expect(new ByteReader(Buffer.from([2, 0xc3, 0xa9])).text()).toBe('é');
    expect(() => new ByteReader(Buffer.from([1, 0xa9])).text()).toThrow(TypeError);
  });

  it('a share checksum changes with any field, with the order of the fields and with the share bytes', () => {
    const base = shareChecksum(['tag', 'a', 'bc'], shareBytes);
    expect(base).toMatch(/^[0-9a-f]{32}$/);
    expect(shareChecksum(['tag', 'ab', 'c'], shareBytes)).not.toBe(base);
    expect(shareChecksum(['tag', 'bc', 'a'], shareBytes)).not.toBe(base);
    expect(shareChecksum(['tag', 'a', 'bc'], bytes(33, 10))).not.toBe(base);
  });
});
