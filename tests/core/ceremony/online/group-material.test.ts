/**
 * Which keys of a parameters round take their group's material: a key never imported itself whose
 * group's material a member outside the round took (a replica's primary, holding the material or having
 * lost it since; a primary's replica when the primary's own import was refused). Not a key imported
 * before (its own material), nor one whose group has a member imported before in the round (bound by
 * its own import), nor one of a group never imported (no material yet), nor a key alone.
 */
import { describe, expect, it } from 'vitest';
import {
  holderBundleCarrying,
  membersTakingGroupMaterial,
} from '../../../../src-main/core/ceremony/online/group-material';
import type { IssuedParameters, OnlineKeyState } from '../../../../src-main/core/ceremony/online/state';
import { journalEntries } from '../../../helpers/journal-entries';

const imported = { expiresAt: null, importTokenSha256: 'a'.repeat(64) };
const firstImport = { keyCheckValue: 'ABCDEF', publicKeyFingerprint: null, seq: 7 };

function key(keyId: string, facts: Partial<OnlineKeyState> = {}): OnlineKeyState {
  return { keyId, alias: 'g/aes', spec: 'AES_256', usage: 'ENCRYPT_DECRYPT', description: '', issued: [], ...facts };
}

const importedKey = (keyId: string, facts: Partial<OnlineKeyState> = {}) =>
  key(keyId, { imported, firstImport, ...facts });

describe('membersTakingGroupMaterial', () => {
  it('names a never-imported replica whose imported primary is outside the round, with that primary', () => {
    const primary = importedKey('p');
    const lostPrimary = importedKey('q', { materialDeleted: true });
    const replica = key('r', { replicaOf: 'p' });
    const ofLost = key('s', { replicaOf: 'q' });
    const keys = new Map([primary, lostPrimary, replica, ofLost].map((k) => [k.keyId, k]));
    expect(membersTakingGroupMaterial([replica, ofLost], keys)).toEqual([
      { member: replica, holder: primary },
      { member: ofLost, holder: lostPrimary },
    ]);
  });

  it('names a never-imported primary whose replica outside the round was imported (its own import refused), with that replica', () => {
    const primary = key('p');
    const replica = importedKey('r', { replicaOf: 'p' });
    const keys = new Map([primary, replica].map((k) => [k.keyId, k]));
    expect(membersTakingGroupMaterial([primary], keys)).toEqual([{ member: primary, holder: replica }]);
    // A second replica never imported, in the round with its primary, takes the same material.
    const second = key('s', { replicaOf: 'p' });
    const three = new Map([primary, replica, second].map((k) => [k.keyId, k]));
    expect(membersTakingGroupMaterial([primary, second], three)).toEqual([
      { member: primary, holder: replica },
      { member: second, holder: replica },
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
      membersTakingGroupMaterial([ownBefore, ofNever, neverPrimary, lostPrimary, withPrimary, alone], keys),
    ).toEqual([]);
  });
});

describe('holderBundleCarrying', () => {
  const [W1, P1, P2, T1, T2] = ['1', '2', '3', '4', '5'].map((c) => c.repeat(64)) as [
    string,
    string,
    string,
    string,
    string,
  ];
  const issuedWith = (token: string, until: string) =>
    ({ importTokenSha256: token, tokenExpiresAt: until }) as IssuedParameters;
  const holder = importedKey('p', { imported: { ...imported, wrappedBundleSha256: W1 } });
  const entries = journalEntries([
    [
      'wrapped-bundle.checked',
      {
        folder: '/m/wrapped-1',
        manifestSha256: W1,
        parametersBundle: { folder: '/m/params-1', manifestSha256: P1 },
        keys: [
          { keyId: 'p', publicKeyFingerprint: null, keyCheckValue: 'ABCDEF' },
          { keyId: 'r', publicKeyFingerprint: null, keyCheckValue: 'ABCDEF' },
        ],
      },
    ],
  ]);
  const bundles = new Map([
    [T1, [{ folder: '/m/params-1', manifestSha256: P1, seq: 1 }]],
    [T2, [{ folder: '/m/params-2', manifestSha256: P2, seq: 5 }]],
  ]);
  const now = new Date('2026-12-08T10:00:00.000Z');

  it('names the bundle the holder was imported from while it carries the member with a live token (import it again)', () => {
    const member = key('r', {
      replicaOf: 'p',
      issued: [issuedWith(T1, '2026-12-08T12:00:00.000Z'), issuedWith(T2, '2026-12-09T09:00:00.000Z')],
    });
    expect(holderBundleCarrying(member, holder, { parametersBundlesOfToken: bundles }, entries, now)).toEqual({
      folder: '/m/wrapped-1',
      manifestSha256: W1,
      until: Date.parse('2026-12-08T12:00:00.000Z'),
    });
  });

  it('names none once that token lapsed, nor when that bundle does not carry the member (new parameters and a restore instead)', () => {
    const lapsed = key('r', { replicaOf: 'p', issued: [issuedWith(T1, '2026-12-08T09:59:59.000Z')] });
    expect(holderBundleCarrying(lapsed, holder, { parametersBundlesOfToken: bundles }, entries, now)).toBeUndefined();
    const other = key('s', { replicaOf: 'p', issued: [issuedWith(T1, '2026-12-08T12:00:00.000Z')] });
    expect(holderBundleCarrying(other, holder, { parametersBundlesOfToken: bundles }, entries, now)).toBeUndefined();
  });

  it('names none once the KMS refused that token as expired (KMS.2601), whatever this computer’s clock says', () => {
    const member = key('r', { replicaOf: 'p', issued: [issuedWith(T1, '2026-12-08T12:00:00.000Z')] });
    const refused = journalEntries([
      ...entries.map((e) => [e.event, e.data] as const),
      ['step.failed', { step: 'import-key-material', keyId: 'r', code: 'KMS.2601' }],
    ]);
    expect(holderBundleCarrying(member, holder, { parametersBundlesOfToken: bundles }, refused, now)).toBeUndefined();
  });

  it('names none once the KMS refused as expired the token of another key of that fetch: the tokens lapse together', () => {
    const member = key('r', { replicaOf: 'p', issued: [issuedWith(T1, '2026-12-08T12:00:00.000Z')] });
    const withSibling = entries.map((e) => {
      const keys = (e.data as { keys: unknown[] }).keys;
      return [
        e.event,
        { ...e.data, keys: [...keys, { keyId: 'x', publicKeyFingerprint: null, keyCheckValue: '123456' }] },
      ] as const;
    });
    const siblingRefused = journalEntries([
      ...withSibling,
      ['step.failed', { step: 'import-key-material', keyId: 'x', code: 'KMS.2601' }],
    ]);
    expect(
      holderBundleCarrying(member, holder, { parametersBundlesOfToken: bundles }, siblingRefused, now),
    ).toBeUndefined();
    // Another failure of that key is not the KMS's word on the tokens.
    const otherFailure = journalEntries([
      ...withSibling,
      ['step.failed', { step: 'import-key-material', keyId: 'x', code: 'KMS.0101' }],
    ]);
    expect(holderBundleCarrying(member, holder, { parametersBundlesOfToken: bundles }, otherFailure, now)).toEqual(
      expect.objectContaining({ manifestSha256: W1 }),
    );
  });
});
