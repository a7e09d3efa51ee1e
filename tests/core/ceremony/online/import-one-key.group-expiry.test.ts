/**
 * groupExpiryRefusal: before an import sends anything, a replica group's member may not get
 * another material expiry than a member of its group already holds (one material, one expiry: at
 * the earlier of two the KMS would delete it from some members only). Keys outside a group, and a
 * group none of whose members holds material yet, are left to their own decisions. The CLI test
 * commands/online-import.stopped.test.ts runs the case end to end (an import stopped part way).
 */
import { describe, expect, it } from 'vitest';
import { groupExpiryRefusal, type ExpiryDecision } from '../../../../src-main/core/ceremony/online/import-one-key';

const AT = '2027-01-03T05:34:00.000Z';
const held = (expiresAt: string | null) => ({ expiresAt, importTokenSha256: 'a'.repeat(64) });

function keysOf(
  entries: [keyId: string, replicaOf: string | null, imported?: ReturnType<typeof held>, deleted?: boolean][],
) {
  return new Map(
    entries.map(([keyId, replicaOf, imported, deleted]) => [
      keyId,
      {
        keyId,
        alias: 'app/group',
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
});
