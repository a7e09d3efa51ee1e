/**
 * A key object chosen in a real SoftHSM token (hsm/chosen-object.ts): its own CKA_ID, and its
 * origin as the token answers it (generated there and always sensitive, or written in from outside);
 * one object chosen for two ceremony keys is refused, naming the object and both keys.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toProblem } from '../../../src-main/core/errors';
import { chosenObjectData, chosenObjectFacts, refuseChosenTwice } from '../../../src-main/core/hsm/chosen-object';
import { findMaterialKey } from '../../../src-main/core/hsm/hsm-keys';
import { english } from '../../../src-main/i18n/translate';
import { generateAesTokenKey, openSession, WRAPPABLE, writeAesTokenKey } from './helpers/hsm-fixtures';
import { createSoftHsmToken, type SoftToken } from './helpers/soft-tokens';

let token: SoftToken;
beforeAll(async () => {
  token = await createSoftHsmToken('chosen-object');
  const hsm = openSession(token);
  try {
    generateAesTokenKey(hsm.session, 'made-here', { ...WRAPPABLE, id: Buffer.from('0a01', 'hex') });
    writeAesTokenKey(hsm.session, 'from-a-file', Buffer.from('0d02', 'hex'), randomBytes(32));
  } finally {
    hsm.close();
  }
});
afterAll(async () => {
  await token.cleanup();
});

describe('a key object chosen in the token', () => {
  it('says its own CKA_ID and where its material was: generated there and always sensitive, or put in from outside', () => {
    const hsm = openSession(token);
    try {
      const made = findMaterialKey(hsm.session, 'AES_256', { label: 'made-here' });
      const written = findMaterialKey(hsm.session, 'AES_256', { label: 'from-a-file' });
      expect(chosenObjectFacts(hsm.session, made.handle)).toEqual({
        objectId: '0a01',
        origin: { local: true, alwaysSensitive: true },
      });
      expect(chosenObjectData(hsm.session, written.handle)).toEqual({
        objectId: '0d02',
        objectLocal: false,
        objectAlwaysSensitive: false,
      });
    } finally {
      hsm.close();
    }
  });

  it('one object for two keys is refused, whether found by label or by CKA_ID; two objects pass', () => {
    const hsm = openSession(token);
    try {
      const chosen = new Map<string, string>();
      const byLabel = findMaterialKey(hsm.session, 'AES_256', { label: 'made-here' });
      refuseChosenTwice(hsm.session, chosen, 'key-1', byLabel, {});
      refuseChosenTwice(
        hsm.session,
        chosen,
        'key-2',
        findMaterialKey(hsm.session, 'AES_256', { label: 'from-a-file' }),
        {},
      );
      const byId = findMaterialKey(hsm.session, 'AES_256', { idHex: '0a01' });
      const error = (() => {
        try {
          refuseChosenTwice(hsm.session, chosen, 'key-3', byId, { surface: 'app' });
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      const { message, nextStep } = english.problem(toProblem(error));
      expect(message).toBe(
        'The token key "made-here" (CKA_ID 0a01) in token "chosen-object" was chosen for two keys of this ceremony: key-1 and key-3. The KMS would then hold the same material in both keys, each taken for a key of its own. Nothing was generated or wrapped.',
      );
      expect(nextStep).toContain('Type a different token object label for each key');
      // The same key asked again (its material found twice, as produce() finds it after the check): not a second key.
      expect(() => refuseChosenTwice(hsm.session, chosen, 'key-1', byLabel, {})).not.toThrow();
    } finally {
      hsm.close();
    }
  });
});
