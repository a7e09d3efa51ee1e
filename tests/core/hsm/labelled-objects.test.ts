/**
 * The key objects a real SoftHSM token holds under a label (src-main/core/hsm/labelled-objects.ts):
 * each secret, private and public key under exactly that label, with its CKA_ID and class; none
 * under another label.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAesKey, generateKeyPair, keyObjectsLabelled } from '../../../src-main/core/hsm';
import { openSession } from './helpers/hsm-fixtures';
import { createSoftHsmToken, type SoftToken } from './helpers/soft-tokens';

let token: SoftToken;
beforeAll(async () => {
  token = await createSoftHsmToken('hsm-labelled');
});
afterAll(async () => {
  await token.cleanup();
});

describe('keyObjectsLabelled (SoftHSM)', () => {
  it('names every key object under the label (class, CKA_ID), and nothing under another', () => {
    const hsm = openSession(token);
    try {
      const label = 'keyferry KF-20261204-lbl000 k1';
      generateAesKey(hsm.session, { token: true, label, id: Buffer.from('k1') }, { encrypt: true });
      generateKeyPair(hsm.session, 'RSA_2048', { token: true, label, id: Buffer.from('k2') });
      generateAesKey(hsm.session, { token: true, label: `${label}x`, id: Buffer.from('k3') }, { encrypt: true });
      expect(keyObjectsLabelled(hsm.session, label)).toEqual([
        { label, objectId: '6b31', objectClass: 'CKO_SECRET_KEY' },
        { label, objectId: '6b32', objectClass: 'CKO_PRIVATE_KEY' },
        { label, objectId: '6b32', objectClass: 'CKO_PUBLIC_KEY' },
      ]);
      expect(keyObjectsLabelled(hsm.session, 'keyferry KF-20261204-lbl000 k9')).toEqual([]);
    } finally {
      hsm.close();
    }
  });
});
