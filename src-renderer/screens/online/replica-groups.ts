/** Replica groups in the online screen's key lists: each primary, then its replicas (pure, no React). */

/** Each primary followed by its replicas, in the ceremony's order (a replica whose primary is absent stays alone). */
export function groupedByReplica<K extends { keyId: string; replicaOf: string | null }>(keys: readonly K[]): K[] {
  const ids = new Set(keys.map((k) => k.keyId));
  const replicasOf = new Map<string, K[]>();
  for (const k of keys) {
    if (k.replicaOf !== null && ids.has(k.replicaOf))
      replicasOf.set(k.replicaOf, [...(replicasOf.get(k.replicaOf) ?? []), k]);
  }
  return keys
    .filter((k) => k.replicaOf === null || !ids.has(k.replicaOf))
    .flatMap((k) => [k, ...(replicasOf.get(k.keyId) ?? [])]);
}

/** Where a key stands in its replica group, for a per-key line: the group's keys share one alias, so lines name region and role. */
export interface ReplicaPlace {
  readonly group: 'none' | 'primary' | 'replica';
  readonly region: string;
  /** The group's alias (a replica's primary's). */
  readonly alias: string;
}

/** A lookup from key id to its place (`group` 'none' for a key outside any group or not in `keys`). */
export function replicaPlaces(
  keys: readonly { keyId: string; alias: string; region: string; replicaOf: string | null }[],
): (keyId: string) => ReplicaPlace {
  const byId = new Map(keys.map((k) => [k.keyId, k]));
  const primaries = new Set(keys.flatMap((k) => (k.replicaOf === null ? [] : [k.replicaOf])));
  return (keyId) => {
    const k = byId.get(keyId);
    if (!k) return { group: 'none', region: '', alias: '' };
    if (k.replicaOf !== null)
      return { group: 'replica', region: k.region, alias: byId.get(k.replicaOf)?.alias ?? k.replicaOf };
    return { group: primaries.has(k.keyId) ? 'primary' : 'none', region: k.region, alias: k.alias };
  };
}
