/**
 * A replica group holds one material. A replica in a parameters round without its primary, never
 * imported itself (its import refused or its token lapsed while the primary's took), whose primary
 * was imported: the KMS took the group's material into the primary, so the replica takes that same
 * material, never fresh material. The parameters bundle binds it to the primary's material, and the
 * next step named after the round (the CLI's line, the app's) restores that material from custody.
 */
import type { OnlineKeyState } from './state';

/** A replica of the round that takes its group's material, and its primary (outside the round) that holds or held it. */
interface GroupMaterialTaker {
  readonly replica: OnlineKeyState;
  readonly primary: OnlineKeyState;
}

/**
 * The replicas of the round `round` (the keys one parameters bundle carries) that take their
 * group's material (see above), in the round's order; `keys`: every key of the ceremony. A replica
 * imported before is not one: it takes its own material again (bound by its own first import).
 */
export function replicasTakingGroupMaterial(
  round: readonly OnlineKeyState[],
  keys: ReadonlyMap<string, OnlineKeyState>,
): GroupMaterialTaker[] {
  const inRound = new Set(round.map((k) => k.keyId));
  return round.flatMap((replica) => {
    if (replica.replicaOf === undefined || inRound.has(replica.replicaOf) || replica.firstImport) return [];
    const primary = keys.get(replica.replicaOf);
    return primary?.firstImport ? [{ replica, primary }] : [];
  });
}
