/**
 * The ceremony's key objects inside a real SoftHSM token (hsm/hsm-keys.ts): material generated under
 * the ceremony's label is found again by label or id with the same public key, a session-only key is
 * gone when its session closes, the secret value never leaves the token, and a label two keys share
 * is refused with their number. (The other refusals: hsm-error.refusals.test.ts.)
 */
import { createPublicKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CKA } from '../../../src-main/core/hsm/attributes';
import {
  ceremonyObjectLabel,
  findMaterialKey,
  generateAesKey,
  generateKeyPair,
} from '../../../src-main/core/hsm/hsm-keys';
import { expectKeyferryError } from '../crypto/helpers/openssl';
import { generateAesTokenKey, openSession } from './helpers/hsm-fixtures';
import { createSoftHsmToken, type SoftToken } from './helpers/soft-tokens';

const CEREMONY = 'KF-20261202-0a1b2c';
const KEY_ID = '7f1c6a52-2b7e-4d0b-9a57-3c1d2e4f5a6b';

let token: SoftToken;
beforeAll(async () => {
  token = await createSoftHsmToken('hsm-keys');
});
afterAll(async () => {
  await token.cleanup();
});

describe('ceremonyObjectLabel', () => {
  it('names the ceremony and the KMS key', () => {
    expect(ceremonyObjectLabel(CEREMONY, KEY_ID)).toBe(`keyferry ${CEREMONY} ${KEY_ID}`);
  });
});

describe('material generated in the token', () => {
  it('an EC_P384 pair is a P-384 key found again by its label and by its id, with the same public key', () => {
    const label = ceremonyObjectLabel(CEREMONY, KEY_ID);
    const hsm = openSession(token);
    let generated: Buffer | null;
    try {
      const material = generateKeyPair(hsm.session, 'EC_P384', { token: true, label, id: Buffer.from('p384') });
      generated = material.publicKeySpkiDer;
      expect(material.label).toBe(label);
    } finally {
      hsm.close();
    }
    if (!generated) throw new Error('no public key');
    expect(createPublicKey({ key: generated, format: 'der', type: 'spki' }).asymmetricKeyDetails).toEqual({
      namedCurve: 'secp384r1',
    });
    const again = openSession(token);
    try {
      const byLabel = findMaterialKey(again.session, 'EC_P384', { label });
      const byId = findMaterialKey(again.session, 'EC_P384', { idHex: Buffer.from('p384').toString('hex') });
      expect(byLabel.publicKeySpkiDer?.equals(generated)).toBe(true);
      expect(byId.publicKeySpkiDer?.equals(generated)).toBe(true);
      expect(byId.label).toBe(label);
    } finally {
      again.close();
    }
  });

  it('an AES key kept on the token is found by label and never shows its value; a session key is gone after the session', () => {
    const hsm = openSession(token);
    try {
      generateAesKey(hsm.session, { token: true, label: 'kept-aes', id: Buffer.from('kept') }, { encrypt: true });
      generateAesKey(hsm.session, { token: false, label: 'session-aes', id: Buffer.from('sess') }, { encrypt: false });
      const kept = findMaterialKey(hsm.session, 'AES_256', { label: 'kept-aes' });
      expect(kept.publicKeySpkiDer).toBeNull();
      expect(() => hsm.session.p11.C_GetAttributeValue(hsm.session.handle, kept.handle, [{ type: CKA.VALUE }])).toThrow(
        /CKR_ATTRIBUTE_SENSITIVE/,
      );
      expect(findMaterialKey(hsm.session, 'AES_256', { label: 'session-aes' }).label).toBe('session-aes');
    } finally {
      hsm.close();
    }
    const later = openSession(token);
    try {
      expect(findMaterialKey(later.session, 'AES_256', { idHex: Buffer.from('kept').toString('hex') }).label).toBe(
        'kept-aes',
      );
      expectKeyferryError(
        () => findMaterialKey(later.session, 'AES_256', { label: 'session-aes' }),
        'HSM_KEY_NOT_FOUND',
        'Token "hsm-keys" has no secret key with label "session-aes".',
      );
      // By CKA_ID (--hsm-existing-keys): the id as hex and as the key id text it encodes; the next step is not about a label.
      const byId = expectKeyferryError(
        () => findMaterialKey(later.session, 'AES_256', { idHex: Buffer.from('key-9').toString('hex') }),
        'HSM_KEY_NOT_FOUND',
        'Token "hsm-keys" has no secret key with CKA_ID 6b65792d39 (the text key-9).',
      );
      expect(byId.nextStep).toContain('carries that CKA_ID');
      expect(byId.nextStep).not.toContain('Check the label');
    } finally {
      later.close();
    }
  });

  it('refuses a label two keys carry, saying how many and naming each', () => {
    const hsm = openSession(token);
    try {
      generateAesTokenKey(hsm.session, 'twice', { extractable: true });
      generateAesTokenKey(hsm.session, 'twice', { extractable: true });
      expectKeyferryError(
        () => findMaterialKey(hsm.session, 'AES_256', { label: 'twice' }),
        'HSM_KEY_AMBIGUOUS',
        'Token "hsm-keys" has 2 keys with label "twice": "twice", "twice".',
      );
    } finally {
      hsm.close();
    }
  });
});
