/**
 * The online key table's order for replica groups (src-renderer/screens/online/replica-groups.ts):
 * each primary, then its replicas, whatever order the journal recorded them in; a key alone stays
 * where it was; a replica whose primary is not in the list is not dropped.
 */
import { describe, expect, it } from 'vitest';
import { groupedByReplica } from '../../src-renderer/screens/online/replica-groups';

const id = (n: number) => `0d0466b0-e727-4d9c-b35d-f84bb474a3${String(n).padStart(2, '0')}`;
const key = (n: number, replicaOf: number | null) => ({
  keyId: id(n),
  replicaOf: replicaOf === null ? null : id(replicaOf),
});

describe('groupedByReplica', () => {
  it('puts each replica under its primary, in the order the keys came', () => {
    // Created as the online side does: primaries first, then each replica (of both groups, interleaved).
    const keys = [key(1, null), key(2, null), key(3, null), key(4, 1), key(5, 3), key(6, 1)];
    expect(groupedByReplica(keys).map((k) => k.keyId)).toEqual([id(1), id(4), id(6), id(2), id(3), id(5)]);
  });

  it('keeps every key: a replica whose primary is missing stays, nothing is listed twice', () => {
    const keys = [key(4, 1), key(2, null), key(5, 2)];
    const grouped = groupedByReplica(keys);
    expect(grouped.map((k) => k.keyId)).toEqual([id(4), id(2), id(5)]);
    expect(new Set(grouped).size).toBe(keys.length);
  });
});
