/**
 * A key object chosen in a real SoftHSM token (hsm/chosen-object.ts): its own CKA_ID, and its
 * origin as the token answers it (generated there and always sensitive, or written in from outside);
 * one object, or two objects holding one value, chosen for two ceremony keys is refused, naming
 * the objects and both keys.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toProblem } from '../../../src-main/core/errors';
import {
  chosenObjectData,
  chosenObjectFacts,
  refuseChosenTwice,
  type ChosenKey,
} from '../../../src-main/core/hsm/chosen-object';
import { encryptAesBlock, hsmKeyCheckValue } from '../../../src-main/core/hsm/hsm-wrap';
import type { HsmSession } from '../../../src-main/core/hsm/hsm-session';
import { findMaterialKey } from '../../../src-main/core/hsm/hsm-keys';
import { english } from '../../../src-main/i18n/translate';
import { generateAesTokenKey, openSession, WRAPPABLE, writeAesTokenKey } from './helpers/hsm-fixtures';
import { createSoftHsmToken, type SoftToken } from './helpers/soft-tokens';

/** The AES key labelled or identified by `selector` in the token, chosen for `keyId`, with its key check value. */
function chosenKey(session: HsmSession, keyId: string, selector: { label: string } | { idHex: string }): ChosenKey {
  const key = findMaterialKey(session, 'AES_256', selector);
  return { keyId, key, evidence: hsmKeyCheckValue(session, key.handle, 'ecb') };
}

/** What `refuse` threw (undefined: nothing). */
function refusalOf(refuse: () => void): unknown {
  try {
    refuse();
  } catch (error) {
    return error;
  }
  return undefined;
}

let token: SoftToken;
beforeAll(async () => {
  token = await createSoftHsmToken('chosen-object');
  const hsm = openSession(token);
  try {
    generateAesTokenKey(hsm.session, 'made-here', { ...WRAPPABLE, id: Buffer.from('0a01', 'hex') });
    writeAesTokenKey(hsm.session, 'from-a-file', Buffer.from('0d02', 'hex'), randomBytes(32));
    const twice = randomBytes(32);
    writeAesTokenKey(hsm.session, 'twice-a', Buffer.from('0e01', 'hex'), twice);
    writeAesTokenKey(hsm.session, 'twice-b', Buffer.from('0e02', 'hex'), twice);
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
        origin: { local: true, alwaysSensitive: true, sensitive: true },
      });
      expect(chosenObjectData(hsm.session, written.handle)).toEqual({
        objectId: '0d02',
        objectLocal: false,
        objectAlwaysSensitive: false,
        objectSensitive: false,
      });
    } finally {
      hsm.close();
    }
  });

  it('one object for two keys is refused, whether found by label or by CKA_ID; two objects pass', () => {
    const hsm = openSession(token);
    try {
      const chosen: ChosenKey[] = [];
      const byLabel = chosenKey(hsm.session, 'key-1', { label: 'made-here' });
      refuseChosenTwice(hsm.session, chosen, byLabel, {});
      refuseChosenTwice(hsm.session, chosen, chosenKey(hsm.session, 'key-2', { label: 'from-a-file' }), {});
      const error = refusalOf(() =>
        refuseChosenTwice(hsm.session, chosen, chosenKey(hsm.session, 'key-3', { idHex: '0a01' }), { surface: 'app' }),
      );
      const { message, nextStep } = english.problem(toProblem(error));
      expect(message).toBe(
        'The token key "made-here" (CKA_ID 0a01) in token "chosen-object" was chosen for two keys of this ceremony: key-1 and key-3. The KMS would then hold the same material in both keys, each taken for a key of its own. Nothing was generated or wrapped.',
      );
      expect(nextStep).toContain('Type for each key the label of a token object of its own material');
      // The same key asked again (its material found twice, as produce() finds it after the check): not a second key.
      expect(() => refuseChosenTwice(hsm.session, chosen, byLabel, {})).not.toThrow();
    } finally {
      hsm.close();
    }
  });

  it('two objects holding one value (a key file written in twice) are refused by a full-block comparison; equal check values alone only where the token cannot encrypt', () => {
    const hsm = openSession(token);
    try {
      const first = chosenKey(hsm.session, 'key-1', { label: 'twice-a' });
      const second = chosenKey(hsm.session, 'key-2', { label: 'twice-b' });
      const sameAesValue = (a: Buffer, b: Buffer) => {
        const block = randomBytes(16);
        return encryptAesBlock(hsm.session, a, block).equals(encryptAesBlock(hsm.session, b, block));
      };
      const error = refusalOf(() => refuseChosenTwice(hsm.session, [first], second, { sameAesValue }));
      expect(english.problem(toProblem(error)).message).toBe(
        'The token keys "twice-a" (CKA_ID 0e01) and "twice-b" (CKA_ID 0e02) in token "chosen-object", chosen for keys key-1 and key-2 of this ceremony, hold the same material (the same result of encrypting a random block under each). The KMS would then hold the same material in both keys, each taken for a key of its own. Nothing was generated or wrapped.',
      );
      // The same check value by chance, another value: the full block tells them apart.
      const other = { ...chosenKey(hsm.session, 'key-3', { label: 'made-here' }), evidence: first.evidence };
      expect(() => refuseChosenTwice(hsm.session, [first], other, { sameAesValue })).not.toThrow();
      // Without encryption only the check values can be compared: equal ones are refused, said as such.
      const byKcv = refusalOf(() => refuseChosenTwice(hsm.session, [first], second, {}));
      expect(english.problem(toProblem(byKcv)).message).toContain(
        'hold the same material (the same key check value, which different material shares about once in 16 million pairs)',
      );
    } finally {
      hsm.close();
    }
  });
});
