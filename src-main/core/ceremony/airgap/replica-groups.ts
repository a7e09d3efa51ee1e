/**
 * Replica groups on the air-gapped side. A primary key and its replicas (the same key in other
 * regions) share ONE material: it is produced once, for the primary (generated, loaded from a file
 * or made in the HSM), split for custody once, and wrapped once per member under that member's own
 * wrapping key. This file is the one place that says which keys get material produced and when a
 * material has had its last wrap; under which id a key's material is held, the bundle layer says.
 */
import { materialIdOf, type ImportParameters } from '../../bundle';
import { KeyferryError } from '../../errors';

type GroupMember = Pick<ImportParameters, 'keyId' | 'replicaOf'>;

/** Under which id a key's material is held: the bundle layer's rule (core/bundle/replica-groups.ts), passed on to this side's steps. */
export { materialIdOf };

/** Refuses material handed in for a replica: a replica's material is its primary's (REPLICA_MATERIAL_FROM_PRIMARY). */
export function refuseReplicaMaterial(p: GroupMember): void {
  if (p.replicaOf !== undefined)
    throw new KeyferryError('REPLICA_MATERIAL_FROM_PRIMARY', { keyId: p.keyId, primary: p.replicaOf });
}

/** Whether every key of `parameters` has its material, asking `has` under each key's material id. */
export function everyKeyHasMaterial(parameters: readonly GroupMember[], has: (materialId: string) => boolean): boolean {
  return parameters.every((p) => has(materialIdOf(p)));
}

/**
 * The wraps each material still has before it: one per member of its group. `wrapped(p)` counts
 * one down and answers whether that was the material's last wrap, so the caller disposes of it at once.
 */
export class WrapCountdown {
  readonly #left = new Map<string, number>();

  constructor(parameters: readonly GroupMember[]) {
    for (const p of parameters) this.#left.set(materialIdOf(p), (this.#left.get(materialIdOf(p)) ?? 0) + 1);
  }

  wrapped(p: GroupMember): boolean {
    const id = materialIdOf(p);
    const left = (this.#left.get(id) ?? 1) - 1;
    this.#left.set(id, left);
    return left === 0;
  }
}
