/**
 * groupExpiryRefusal: before an import sends anything, a replica group's member may not get
 * another material expiry than a member of its group already holds (one material, one expiry: at
 * the earlier of two the KMS would delete it from some members only). Keys outside a group, and a
 * group none of whose members holds material yet, are left to their own decisions. The CLI test
 * commands/online-import.stopped.test.ts runs the case end to end (an import stopped part way).
 */
import { describe, expect, it } from 'vitest';
import { groupExpiryRefusal, type ExpiryDecision } from '../../../../src-main/core/ceremony/online/import-one-key';
import type { KeySpec } from '../../../../src-main/core/key-spec-table';

const AT = '2027-01-03T05:34:00.000Z';
const held = (expiresAt: string | null) => ({ expiresAt, importTokenSha256: 'a'.repeat(64) });

function keysOf(
  entries: [
    keyId: string,
    replicaOf: string | null,
    imported?: ReturnType<typeof held>,
    deleted?: boolean,
    spec?: KeySpec,
  ][],
) {
  return new Map(
    entries.map(([keyId, replicaOf, imported, deleted, spec]) => [
      keyId,
      {
        keyId,
        alias: 'app/group',
        spec: spec ?? 'AES_256',
        replicaOf: replicaOf ?? undefined,
        ...(imported ? { imported } : {}),
        ...(deleted ? { materialDeleted: true } : {}),
      },
    ]),
  );
}

const decision = (keyId: string, effective: string): ExpiryDecision => ({
  keyId,
  requested: 'never',
  plan: 'never',
  effective,
  source: effective === 'never' ? 'bundle' : 'override',
  planLapsed: false,
});

describe('groupExpiryRefusal', () => {
  it('refuses a replica whose expiry differs from the one its primary holds, naming both', () => {
    const keys = keysOf([
      ['p', null, held(AT)],
      ['r1', 'p'],
      ['r2', 'p'],
    ]);
    const refusal = groupExpiryRefusal([decision('r1', 'never'), decision('r2', 'never')], keys);
    expect(refusal?.keyId).toBe('r1');
    expect(refusal?.error).toMatchObject({
      code: 'REPLICA_GROUP_EXPIRY_DIFFERS',
      values: { keyId: 'r1', holderKeyId: 'p', held: 'at', heldIso: AT, decided: 'never' },
    });
  });

  it('refuses a primary whose expiry differs from a replica holding the material (never against a date)', () => {
    const keys = keysOf([
      ['p', null],
      ['r1', 'p', held(null)],
    ]);
    expect(groupExpiryRefusal([decision('p', AT)], keys)?.error).toMatchObject({
      values: { held: 'never', heldIso: 'never', decided: 'at' },
    });
  });

  it('lets the same expiry through, and leaves keys outside a group or groups with no material held alone', () => {
    const keys = keysOf([
      ['p', null, held(AT)],
      ['r1', 'p'],
      ['alone', null],
      ['q', null],
      ['q1', 'q'],
      ['d', null, held(AT), true],
      ['d1', 'd'],
    ]);
    expect(
      groupExpiryRefusal(
        [decision('r1', AT), decision('alone', 'never'), decision('q', 'never'), decision('q1', AT)],
        keys,
      ),
    ).toBeUndefined();
    // A member whose material was deleted holds nothing: it does not bind the group.
    expect(groupExpiryRefusal([decision('d1', 'never')], keys)).toBeUndefined();
  });

  it('says where the other expiry came from, and the AES keys outside the group an --expires would move too', () => {
    const keys = keysOf([
      ['p', null, held(AT)],
      ['r1', 'p'],
      ['solo', null],
      ['ec', null, undefined, false, 'EC_P256'],
    ]);
    // A restore bundle requesting a new expiry for the replica, beside a key of its own and an EC key.
    const restored = { ...decision('r1', '2027-03-01T00:00:00.000Z'), source: 'bundle' as const };
    const solo = { ...decision('solo', '2027-03-01T00:00:00.000Z'), source: 'bundle' as const };
    const ec = { ...decision('ec', 'never'), source: 'bundle' as const };
    expect(groupExpiryRefusal([restored, solo, ec], keys)?.error).toMatchObject({
      values: { source: 'bundle', requestedHeld: 'no', others: 'some', othersList: JSON.stringify(['solo']) },
    });
    // --expires given to a run whose bundle requests the held expiry: leaving it out mends it.
    const overridden = { ...decision('r1', 'never'), requested: AT, source: 'override' as const };
    expect(groupExpiryRefusal([overridden], keys)?.error).toMatchObject({
      values: { source: 'override', requestedHeld: 'yes', others: 'none' },
    });
  });
});
