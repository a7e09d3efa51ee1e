import { describe, expect, it } from 'vitest';
import {
  everyKeyHasMaterial,
  materialIdOf,
  refuseReplicaMaterial,
  WrapCountdown,
} from '../../../../src-main/core/ceremony/airgap/replica-groups';
import { materialOwners } from '../../../../src-main/core/bundle';
import { KeyferryError } from '../../../../src-main/core/errors';

// A group (primary p with replicas r1, r2 in other regions) beside a key alone (k).
const keys = [
  { keyId: 'p' },
  { keyId: 'r1', replicaOf: 'p' },
  { keyId: 'k' },
  { keyId: 'r2', replicaOf: 'p' },
] as const;

describe('replica groups on the air-gapped side', () => {
  it('holds a replica under its primary, and produces material only for primaries and keys alone', () => {
    expect(keys.map(materialIdOf)).toEqual(['p', 'p', 'k', 'p']);
    expect(materialOwners(keys).map((k) => k.keyId)).toEqual(['p', 'k']);
  });

  it('counts the material complete when each primary and key alone has it, whatever the replicas hold', () => {
    expect(everyKeyHasMaterial(keys, (id) => id === 'p' || id === 'k')).toBe(true);
    expect(everyKeyHasMaterial(keys, (id) => id === 'p')).toBe(false);
    expect(everyKeyHasMaterial(keys, (id) => id === 'r1' || id === 'r2' || id === 'k')).toBe(false);
  });

  it("says a material's last wrap only after every member of its group was wrapped", () => {
    const countdown = new WrapCountdown(keys);
    expect(keys.map((k) => countdown.wrapped(k))).toEqual([false, false, true, true]);
  });

  it('refuses material handed in for a replica, naming its primary', () => {
    expect(() => refuseReplicaMaterial(keys[0])).not.toThrow();
    let refusal: unknown;
    try {
      refuseReplicaMaterial(keys[1]);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(KeyferryError);
    expect(refusal).toMatchObject({ code: 'REPLICA_MATERIAL_FROM_PRIMARY', values: { keyId: 'r1', primary: 'p' } });
  });
});
