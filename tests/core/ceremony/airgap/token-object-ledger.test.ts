/**
 * The token objects an air-gapped session generated, kept as each came to exist (a real SoftHSM
 * token; what is left is listed by OpenSC's pkcs11-tool, not by Keyferry): a key whose material
 * failed has only its own objects destroyed; a stop destroys the rest and ends generating; a token
 * object the session did not make is never touched.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateAesKey } from '../../../../src-main/core/hsm';
import { TokenObjectLedger } from '../../../../src-main/core/ceremony/airgap/token-object-ledger';
import { generateAesTokenKey, openSession, WRAPPABLE } from '../../hsm/helpers/hsm-fixtures';
import { createSoftHsmToken, listTokenObjects, type SoftToken } from '../../hsm/helpers/soft-tokens';

let token: SoftToken;
beforeEach(async () => {
  token = await createSoftHsmToken('ledger', '52718394');
});
afterEach(async () => {
  await token.cleanup();
});

describe('the ledger of the token objects a session generated', () => {
  it('destroys one key’s objects alone, then on a stop the rest, never an object it did not make', async () => {
    const hsm = openSession(token);
    try {
      const ledger = new TokenObjectLedger();
      generateAesTokenKey(hsm.session, 'kept-by-the-officer', WRAPPABLE);
      for (const keyId of ['key-a', 'key-b'])
        generateAesKey(
          hsm.session,
          {
            token: true,
            label: `keyferry KF-test ${keyId}`,
            id: Buffer.from(keyId),
            created: (o) => ledger.record(o, keyId),
          },
          { encrypt: false },
        );
      expect(ledger.holdsCreated).toBe(true);

      const failed = ledger.discard(hsm.session, 'key-a');
      expect(failed?.destroyed.map((o) => `${o.keyId} ${o.objectClass} ${o.label}`)).toEqual([
        'key-a CKO_SECRET_KEY keyferry KF-test key-a',
      ]);
      expect(ledger.stopped).toBe(false);
      expect(listTokenObjects(token).sort()).toEqual([
        expect.stringMatching(/^secret kept-by-the-officer/),
        `secret keyferry KF-test key-b ${Buffer.from('key-b').toString('hex')}`,
      ]);

      const stop = ledger.discard(hsm.session);
      expect(stop?.destroyed.map((o) => o.keyId)).toEqual(['key-b']);
      expect(stop?.left).toEqual([]);
      expect(ledger.stopped).toBe(true);
      expect(ledger.holdsCreated).toBe(false);
      expect(ledger.discard(hsm.session)).toBeNull();
      expect(listTokenObjects(token)).toEqual([expect.stringMatching(/^secret kept-by-the-officer/)]);
    } finally {
      hsm.close();
    }
  }, 60_000);
});
