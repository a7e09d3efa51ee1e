/**
 * Which replicas of a parameters round take their group's material: a replica without its primary
 * in the round, never imported itself, whose primary was imported (holding the material, or having
 * lost it since). Not a replica imported before (its own material), nor one with its primary in the
 * round, nor one whose primary was never imported (no material yet), nor a primary or a key alone.
 */
import { describe, expect, it } from 'vitest';
import { replicasTakingGroupMaterial } from '../../../../src-main/core/ceremony/online/group-material';
import type { OnlineKeyState } from '../../../../src-main/core/ceremony/online/state';

const imported = { expiresAt: null, importTokenSha256: 'a'.repeat(64) };
const firstImport = { keyCheckValue: 'ABCDEF', publicKeyFingerprint: null, seq: 7 };

function key(keyId: string, facts: Partial<OnlineKeyState> = {}): OnlineKeyState {
  return { keyId, alias: 'g/aes', spec: 'AES_256', usage: 'ENCRYPT_DECRYPT', description: '', issued: [], ...facts };
}

const importedKey = (keyId: string, facts: Partial<OnlineKeyState> = {}) =>
  key(keyId, { imported, firstImport, ...facts });

describe('replicasTakingGroupMaterial', () => {
  it('names a never-imported replica whose imported primary is outside the round, with that primary', () => {
    const primary = importedKey('p');
    const lostPrimary = importedKey('q', { materialDeleted: true });
    const replica = key('r', { replicaOf: 'p' });
    const ofLost = key('s', { replicaOf: 'q' });
    const keys = new Map([primary, lostPrimary, replica, ofLost].map((k) => [k.keyId, k]));
    expect(replicasTakingGroupMaterial([replica, ofLost], keys)).toEqual([
      { replica, primary },
      { replica: ofLost, primary: lostPrimary },
    ]);
  });

  it('leaves out a replica imported before, one whose primary is in the round or never imported, and keys alone', () => {
    const primary = importedKey('p');
    const ownBefore = importedKey('r1', { replicaOf: 'p', materialDeleted: true });
    const neverPrimary = key('n');
    const ofNever = key('r2', { replicaOf: 'n' });
    const lostPrimary = importedKey('q', { materialDeleted: true });
    const withPrimary = key('r3', { replicaOf: 'q' });
    const alone = key('k');
    const keys = new Map(
      [primary, ownBefore, neverPrimary, ofNever, lostPrimary, withPrimary, alone].map((k) => [k.keyId, k]),
    );
    expect(
      replicasTakingGroupMaterial([ownBefore, ofNever, neverPrimary, lostPrimary, withPrimary, alone], keys),
    ).toEqual([]);
  });
});
