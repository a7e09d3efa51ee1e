/**
 * Which keys' imported material the KMS lets delete, and the refusal of any other --key-id: a key of
 * another ceremony (or a typo) is said as not a key of this ceremony, and every refusal names the
 * keys whose material can be deleted (up to five), in the officer's language.
 */
import { describe, expect, it } from 'vitest';
import type { KeySpec } from '../../../../src-main/core/crypto/key-spec';
import { deletableKey } from '../../../../src-main/core/ceremony/online/deletable-material';
import type { OnlineKeyState } from '../../../../src-main/core/ceremony/online/state';
import { english } from '../../../../src-main/i18n/translate';

function key(keyId: string, spec: KeySpec, state: 'created' | 'imported' | 'deleted'): OnlineKeyState {
  return {
    keyId,
    alias: `team/${keyId}`,
    spec,
    usage: spec === 'AES_256' ? 'ENCRYPT_DECRYPT' : 'SIGN_VERIFY',
    description: '',
    issued: [],
    ...(state === 'created' ? {} : { imported: { expiresAt: null, importTokenSha256: 'x' } }),
    ...(state === 'deleted' ? { materialDeleted: true } : {}),
  };
}

const keys = (...list: OnlineKeyState[]) => new Map(list.map((k) => [k.keyId, k]));

function refusalOf(keyId: string, map: ReadonlyMap<string, OnlineKeyState>) {
  const deletable = deletableKey(keyId, map);
  if (!('refusal' in deletable)) throw new Error('expected a refusal');
  return { code: deletable.refusal.code, ...english.problem(deletable.refusal.toProblem()) };
}

describe('deletableKey', () => {
  const ceremony = keys(
    key('aes-1', 'AES_256', 'imported'),
    key('aes-2', 'AES_256', 'deleted'),
    key('aes-3', 'AES_256', 'created'),
    key('rsa-1', 'RSA_3072', 'imported'),
  );

  it('gives the AES key holding imported material', () => {
    expect(deletableKey('aes-1', ceremony)).toEqual({ key: ceremony.get('aes-1') });
  });

  it('refuses a key id of no key of this ceremony, naming the key whose material can be deleted', () => {
    expect(refusalOf('other-ceremony-key', ceremony)).toMatchObject({
      code: 'KEY_NOT_IMPORTED',
      message: 'Key other-ceremony-key is not a key of this ceremony. Nothing was deleted.',
      nextStep: 'Give the key id of the key whose material can be deleted: team/aes-1 (aes-1).',
    });
  });

  it('refuses a key of this ceremony without material: never imported, or deleted already (a delete run twice), said as such', () => {
    expect(refusalOf('aes-3', ceremony)).toMatchObject({
      message: 'Key aes-3 has no material imported in this ceremony. Nothing was deleted.',
      nextStep: 'Give the key id of the key whose material can be deleted: team/aes-1 (aes-1).',
    });
    const deleted = keys(key('aes-1', 'AES_256', 'imported'), {
      ...key('aes-2', 'AES_256', 'deleted'),
      materialLostSeq: 41,
    });
    expect(refusalOf('aes-2', deleted)).toMatchObject({
      message:
        'Key aes-2 holds no material now: its material was deleted (online journal entry 41). Nothing was deleted.',
      // Never another key offered for deletion after a second click (a review's trial).
      nextStep:
        'Nothing is left to delete for key aes-2: its material is already gone (a second click, perhaps). Check the keys with the key status; delete another key’s material only if you meant that key.',
    });
  });

  it('refuses asymmetric material, which the KMS cannot delete', () => {
    expect(refusalOf('rsa-1', ceremony).code).toBe('MATERIAL_NOT_DELETABLE');
  });

  it('names five of many deletable keys, and says when there is none', () => {
    const many = keys(...[1, 2, 3, 4, 5, 6, 7].map((n) => key(`k${n}`, 'AES_256', 'imported')));
    expect(refusalOf('typo', many).nextStep).toBe(
      'Give the key id of one of the 7 keys whose material can be deleted: team/k1 (k1), team/k2 (k2), team/k3 (k3), team/k4 (k4), team/k5 (k5), ….',
    );
    expect(refusalOf('typo', keys(key('rsa-1', 'RSA_3072', 'imported'))).nextStep).toBe(
      'No key of this ceremony holds imported material the KMS lets delete (AES keys only).',
    );
  });
});
