/**
 * The keys a custody set backs, read from the journal: its `custody.split` names the material it
 * holds by key id (a replica group's under its primary's id, since 2026-11-30), and each key of its
 * session's `parameters.read` that takes one of those materials (a replica) is backed by it too. The
 * air-gapped side's wrap-again lines (ceremony/airgap/earlier-custody-sets.ts) and the receipt's
 * custodian lines (receipt/custodian-lines.ts) decide by these keys alike: a set is replaced only by
 * new material for every one of them (a trial's receipt called a replica group's set replaced by a
 * later wrap of the primary alone, while the wrap-again lines said to keep it for the replica).
 */
import { z } from 'zod';

const parametersKeysSchema = z.object({
  keys: z.array(z.object({ keyId: z.string(), replicaOf: z.string().nullish(), alias: z.string().optional() })),
});

/**
 * The keys a set split for the material of `materialIds` backs: those ids (a group's primary, or a
 * key alone) and every key of the session's `parameters.read` (`data`) that takes one of them (a replica).
 */
export function keysBacked(materialIds: readonly string[], data: unknown): string[] {
  const read = parametersKeysSchema.safeParse(data);
  const members = read.success
    ? read.data.keys.filter((k) => materialIds.includes(k.replicaOf ?? k.keyId)).map((k) => k.keyId)
    : [];
  return [...new Set([...materialIds, ...members])];
}

/**
 * The alias of each key of the session's `parameters.read` (`data`) that names one other than its
 * key id: what the officer knows the key by, printed beside its id wherever a line names a key.
 */
export function keyAliases(data: unknown): ReadonlyMap<string, string> {
  const read = parametersKeysSchema.safeParse(data);
  const keys = read.success ? read.data.keys : [];
  return new Map(keys.flatMap((k) => (k.alias !== undefined && k.alias !== k.keyId ? [[k.keyId, k.alias]] : [])));
}

/** The keys of the session's `parameters.read` (`data`), each as lines name it: `alias (key id)`, or its id alone when no alias is read. */
export function keysReadNamed(data: unknown): { readonly keyId: string; readonly named: string }[] {
  const read = parametersKeysSchema.safeParse(data);
  return (read.success ? read.data.keys : []).map((k) => ({
    keyId: k.keyId,
    named: k.alias !== undefined && k.alias !== k.keyId ? `${k.alias} (${k.keyId})` : k.keyId,
  }));
}
