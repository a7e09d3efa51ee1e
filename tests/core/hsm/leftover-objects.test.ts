/**
 * Judging an object a crashed session left (src-main/core/hsm/leftover-objects.ts) on a real
 * SoftHSM token: of two AES keys under one label and CKA_ID, only the one whose check value is the
 * journaled one is proven (the other, a finished session's, is not); one that matches nothing is
 * gone; two keys of the same value show the same check value, so neither is proven. An EC private
 * key holds no public key: of two under one label and CKA_ID, the one that signs a challenge (in the
 * token) that Node verifies with the public key whose fingerprint was journaled is proven, the other never.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CKA, CKK, CKO } from '../../../src-main/core/hsm/attributes';
import { derFingerprint } from '../../../src-main/core/crypto/evidence';
import {
  generateAesKey,
  generateKeyPair,
  hsmKeyCheckValue,
  judgeLeftObject,
  type HsmSession,
} from '../../../src-main/core/hsm';
import { openSession } from './helpers/hsm-fixtures';
import { createSoftHsmToken, type SoftToken } from './helpers/soft-tokens';

let token: SoftToken;
beforeAll(async () => {
  token = await createSoftHsmToken('hsm-left');
});
afterAll(async () => {
  await token.cleanup();
});

const LABEL = 'keyferry KF-20261204-aaaaaa k1';
const ID = Buffer.from('k1');
const aes = (session: HsmSession) => generateAesKey(session, { token: true, label: LABEL, id: ID }, { encrypt: true });
const left = (evidence: string | null, objectClass: 'CKO_SECRET_KEY' | 'CKO_PRIVATE_KEY' = 'CKO_SECRET_KEY') => ({
  label: LABEL,
  objectId: ID.toString('hex'),
  objectClass,
  spec: objectClass === 'CKO_SECRET_KEY' ? ('AES_256' as const) : ('EC_P256' as const),
  evidence,
});

describe('judgeLeftObject (SoftHSM)', () => {
  it('proves only the object whose check value is the journaled one; nothing matching is gone', () => {
    const hsm = openSession(token);
    try {
      const finished = aes(hsm.session);
      const crashed = aes(hsm.session);
      const kcv = hsmKeyCheckValue(hsm.session, crashed, 'ecb');
      expect(hsmKeyCheckValue(hsm.session, finished, 'ecb')).not.toBe(kcv);
      const verdict = judgeLeftObject(hsm.session, left(kcv.toLowerCase()), 'ecb');
      expect(verdict).toEqual({ kind: 'proven', handle: crashed });
      expect(judgeLeftObject(hsm.session, left('000000'), 'ecb')).toEqual({ kind: 'gone' });
      for (const handle of [finished, crashed]) hsm.session.p11.C_DestroyObject(hsm.session.handle, handle);
      expect(judgeLeftObject(hsm.session, left(kcv), 'ecb')).toEqual({ kind: 'gone' });
    } finally {
      hsm.close();
    }
  });

  it('proves no object when two show the journaled check value, or one shows none (an EC private key)', () => {
    const hsm = openSession(token);
    try {
      const value = Buffer.alloc(32, 7);
      const twins = [0, 1].map(() =>
        hsm.session.p11.C_CreateObject(hsm.session.handle, [
          { type: CKA.CLASS, value: CKO.SECRET_KEY },
          { type: CKA.KEY_TYPE, value: CKK.AES },
          { type: CKA.TOKEN, value: true },
          { type: CKA.PRIVATE, value: true },
          { type: CKA.LABEL, value: LABEL },
          { type: CKA.ID, value: ID },
          { type: CKA.ENCRYPT, value: true },
          { type: CKA.VALUE, value },
        ]),
      );
      const kcv = hsmKeyCheckValue(hsm.session, twins[0] as Buffer, 'ecb');
      expect(judgeLeftObject(hsm.session, left(kcv), 'ecb')).toEqual({ kind: 'unproven', why: 'sameEvidence' });
      for (const handle of twins) hsm.session.p11.C_DestroyObject(hsm.session.handle, handle);
    } finally {
      hsm.close();
    }
  });

  it('proves an EC private key by a signature the journaled public key verifies, and only that one', () => {
    const hsm = openSession(token);
    try {
      const ec = () => generateKeyPair(hsm.session, 'EC_P256', { token: true, label: LABEL, id: ID });
      const finished = ec();
      const crashed = ec();
      const fingerprint = derFingerprint(crashed.publicKeySpkiDer as Buffer);
      expect(judgeLeftObject(hsm.session, left(fingerprint, 'CKO_PRIVATE_KEY'), 'ecb')).toEqual({
        kind: 'proven',
        handle: crashed.handle,
      });
      expect(
        judgeLeftObject(
          hsm.session,
          left(derFingerprint(finished.publicKeySpkiDer as Buffer), 'CKO_PRIVATE_KEY'),
          'ecb',
        ),
      ).toEqual({
        kind: 'proven',
        handle: finished.handle,
      });
      // A fingerprint no public key under that label and CKA_ID has: nothing to verify with, so nothing is proven.
      expect(judgeLeftObject(hsm.session, left('00'.repeat(32), 'CKO_PRIVATE_KEY'), 'ecb')).toEqual({
        kind: 'unproven',
        why: 'noEvidence',
      });
    } finally {
      hsm.close();
    }
  });
});
