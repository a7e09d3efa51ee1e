/**
 * What a custody slip's QR codes and base32 lines carry (core/custody/slip-payload.ts): a share
 * encoded for its slip decodes to the same share, and shares read back from slips restore the key
 * (per-key shares) or the whole backup (set shares). A payload that is not what a slip carries
 * (an unknown format version or key spec, fields the share schema refuses, a cut or lengthened
 * payload) gives the reason, never a share. (The fixed bytes of both versions: byte-fields.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyMaterial } from '../../../src-main/core/crypto/key-material';
import type { CustodyShare } from '../../../src-main/core/custody/custody-share';
import { restoreMaterial } from '../../../src-main/core/custody/restore';
import { restoreCustodySet } from '../../../src-main/core/custody/set-restore';
import type { SetShare } from '../../../src-main/core/custody/set-share';
import { splitCustodySet, type CustodySet } from '../../../src-main/core/custody/set-split';
import {
  decodeSlipPayload,
  encodeSetSlipPayload,
  encodeSlipPayload,
  isSlipPayloadRefusal,
} from '../../../src-main/core/custody/slip-payload';
import { KEY_ID, bytesOf, materialFor, split } from './helpers';

const CEREMONY = 'KF-20261201-slips';
let aes: KeyMaterial;
let ec: KeyMaterial;
let aesShares: CustodyShare[];
let ecShares: CustodyShare[];
let set: CustodySet;

beforeAll(async () => {
  [aes, ec] = [await materialFor('AES_256'), await materialFor('EC_P256')];
  aesShares = await split(aes, 2, 3, { ceremonyId: CEREMONY });
  ecShares = await split(ec, 3, 4, { ceremonyId: CEREMONY });
  set = await splitCustodySet({
    ceremonyId: CEREMONY,
    m: 2,
    n: 3,
    custodians: ['王芳', 'Bob', 'Carol'],
    keys: [{ keyId: KEY_ID, spec: 'AES_256', material: aes }],
  });
});
afterAll(() => {
  for (const m of [aes, ec]) m.dispose();
  for (const s of [...aesShares, ...ecShares, ...set.shares]) s.share.dispose();
});

/** The share read back from `payload`; fails the test with the reason when it is refused. */
function fromSlip<S extends CustodyShare | SetShare>(payload: Buffer): S {
  const share = decodeSlipPayload(payload);
  if (isSlipPayloadRefusal(share)) throw new Error(`slip refused: ${share.payload}`);
  return share as S;
}

const bytes = (s: CustodyShare | SetShare) => s.share.use((b) => Buffer.from(b).toString('hex'));

describe('a per-key share on its slip', () => {
  it('decodes to the same share, and M shares from slips restore the key (AES and EC)', async () => {
    for (const [material, shares] of [
      [aes, aesShares],
      [ec, ecShares],
    ] as const) {
      const read = shares.map((s) => fromSlip<CustodyShare>(encodeSlipPayload(s)));
      read.forEach((r, i) => {
        const { share: _a, ...fields } = shares[i] as CustodyShare;
        const { share: _b, ...readFields } = r;
        expect(readFields).toEqual(fields);
        expect(bytes(r)).toBe(bytes(shares[i] as CustodyShare));
      });
      const restored = await restoreMaterial(read.slice(-(shares[0] as CustodyShare).m));
      expect(bytesOf(restored)).toEqual(bytesOf(material));
      restored.dispose();
    }
  });

  it('is a fresh copy: wiping the payload after reading leaves the share whole', () => {
    const payload = encodeSlipPayload(aesShares[0] as CustodyShare);
    const read = fromSlip<CustodyShare>(payload);
    payload.fill(0);
    expect(bytes(read)).toBe(bytes(aesShares[0] as CustodyShare));
  });

  it('gives the reason a payload is not a slip: version, key spec, fields, length', () => {
    const payload = encodeSlipPayload(aesShares[0] as CustodyShare);
    const edit = (at: number, value: number) => {
      const copy = Buffer.from(payload);
      copy[at] = value;
      return copy;
    };
    expect(decodeSlipPayload(edit(0, 7))).toEqual({ payload: 'version' });
    expect(decodeSlipPayload(edit(1, 200))).toEqual({ payload: 'spec' });
    // m (byte 3) above n (byte 4): the share-file schema refuses it here too.
    expect(decodeSlipPayload(edit(3, 9))).toEqual({ payload: 'fields', fieldCount: 1, fieldsList: '["m"]' });
    expect(decodeSlipPayload(edit(4, 1))).toMatchObject({
      payload: 'fields',
      fieldsList: expect.stringContaining('"m"'),
    });
    expect(decodeSlipPayload(payload.subarray(0, 20))).toEqual({ payload: 'endsEarly' });
    expect(decodeSlipPayload(Buffer.alloc(0))).toEqual({ payload: 'endsEarly' });
  });
});

describe('a set share on its slip', () => {
  it('decodes to the same share (custodian in Chinese), and two of them restore every key', async () => {
    const read = set.shares.map((s) => fromSlip<SetShare>(encodeSetSlipPayload(s)));
    expect(read.map((r) => r.custodian)).toEqual(['王芳', 'Bob', 'Carol']);
    read.forEach((r, i) => {
      const { share: _a, ...fields } = set.shares[i] as SetShare;
      const { share: _b, ...readFields } = r;
      expect(readFields).toEqual(fields);
    });
    const [restored] = await restoreCustodySet([read[2] as SetShare, read[0] as SetShare], set.backup);
    expect(restored?.keyId).toBe(KEY_ID);
    expect(bytesOf(restored!.material)).toEqual(bytesOf(aes));
    restored?.material.dispose();
  });

  it('gives the reason a set payload is not a slip: fields, trailing bytes, cut short', () => {
    const payload = encodeSetSlipPayload(set.shares[0] as SetShare);
    const badThreshold = Buffer.from(payload);
    badThreshold[2] = 1; // m = 1: a single custodian could restore alone
    expect(decodeSlipPayload(badThreshold)).toEqual({ payload: 'fields', fieldCount: 1, fieldsList: '["m"]' });
    expect(decodeSlipPayload(Buffer.concat([payload, Buffer.from([0])]))).toEqual({ payload: 'afterEnd' });
    expect(decodeSlipPayload(payload.subarray(0, payload.length - 1))).toEqual({ payload: 'endsEarly' });
  });
});
