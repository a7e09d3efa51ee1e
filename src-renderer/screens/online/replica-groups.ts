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
