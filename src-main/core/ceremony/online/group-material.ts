/**
 * A replica group holds one material. A key of a parameters round never imported itself (its import
 * refused, or its token lapsed, while another member's took) whose group holds material imported
 * before by a member outside the round: the KMS took the group's material into that member, so this
 * key takes that same material, never fresh material. A replica whose primary took it, and as much a
 * primary whose replica took it (its own import refused): fresh material for either would leave the
 * group holding two materials. The parameters bundle binds it to the holder's material, and the next
 * step named after the round (the CLI's line, the app's) restores that material from custody.
 *
 * A group with a member in the round that was imported before needs nothing here: that member is
 * bound to its own first import, and the air-gapped side gives its whole group that material.
 */
import { materialIdOf } from '../../bundle/replica-groups';
import type { JournalEntry } from '../../journal';
import { ONLINE_EVENTS, wrappedCheckedData } from './events';
import { kmsRefusedTokensOf } from './refused-imports';
import type { OnlineCeremonyState, OnlineKeyState } from './state';

/** A key of the round that takes its group's material, and the member outside the round that holds or held it. */
interface GroupMaterialTaker {
  readonly member: OnlineKeyState;
  readonly holder: OnlineKeyState;
}

/**
 * The keys of the round `round` (the keys one parameters bundle carries) that take their group's
 * material (see above), in the round's order, each with its holder: the group's primary when it was
 * imported, else its first replica that was; `keys`: every key of the ceremony, primaries first.
 */
export function membersTakingGroupMaterial(
  round: readonly OnlineKeyState[],
  keys: ReadonlyMap<string, OnlineKeyState>,
): GroupMaterialTaker[] {
  const inRound = new Set(round.map((k) => k.keyId));
  const membersOf = (k: OnlineKeyState) =>
    [...keys.values()].filter((other) => materialIdOf(other) === materialIdOf(k));
  return round.flatMap((member) => {
    if (member.firstImport) return [];
    const group = membersOf(member);
    if (group.length < 2 || group.some((k) => inRound.has(k.keyId) && k.firstImport)) return [];
    const holder = firstHolder(group.filter((k) => k.firstImport && !inRound.has(k.keyId)));
    return holder ? [{ member, holder }] : [];
  });
}

/** Of a group's members that were imported, the one its material is named by: the primary, else the first. */
function firstHolder(holders: readonly OnlineKeyState[]): OnlineKeyState | undefined {
  return holders.find((k) => k.replicaOf === undefined) ?? holders[0];
}

/**
 * The member of `key`'s replica group whose first import bound the group's material, when `key` was
 * never imported itself (its own first import binds it otherwise): the group's primary when it was
 * imported, else its first replica that was; undefined when no other member was ever imported.
 * The online import compares what a bundle gives `key` with that material (wrapped-bundle-check.ts).
 */
export function groupMaterialHolder(
  key: OnlineKeyState,
  keys: ReadonlyMap<string, OnlineKeyState>,
): OnlineKeyState | undefined {
  if (key.firstImport) return undefined;
  return firstHolder(
    [...keys.values()].filter((k) => k.keyId !== key.keyId && k.firstImport && materialIdOf(k) === materialIdOf(key)),
  );
}

/**
 * Of the keys `keyIds`, those a next round of them would bind to their group's material
 * (membersTakingGroupMaterial, the keys of that round being these): each key's id and its holder's.
 * What the key states say of a key never imported whose import token lapsed, in the app and the CLI.
 */
export function groupMaterialHolders(
  keyIds: readonly string[],
  keys: ReadonlyMap<string, OnlineKeyState>,
): { readonly memberId: string; readonly holderId: string }[] {
  const round = keyIds.flatMap((id) => keys.get(id) ?? []);
  return membersTakingGroupMaterial(round, keys).map(({ member, holder }) => ({
    memberId: member.keyId,
    holderId: holder.keyId,
  }));
}

/**
 * The wrapped bundle `holder` was last imported from, when it also carries `member` (never imported)
 * with an import token the KMS may still accept at `now` (the KMS's time as far as its tokens show)
 * and has not refused as expired (KMS.2601, its own clock), for it or any key of that bundle: `member`'s own import of it was refused or
 * never done, and importing that bundle again gives `member` its group's material, with no new
 * parameters and no restore (what `online status` says too). Its folder and digest as its check
 * recorded them, and when that token expires (ms); undefined otherwise.
 */
export function holderBundleCarrying(
  member: OnlineKeyState,
  holder: OnlineKeyState,
  state: Pick<OnlineCeremonyState, 'parametersBundlesOfToken'>,
  entries: readonly JournalEntry[],
  now: Date,
): { readonly folder: string; readonly manifestSha256: string; readonly until: number } | undefined {
  const digest = holder.imported?.wrappedBundleSha256;
  const check = entries
    .flatMap((e) => {
      const checked = e.event === ONLINE_EVENTS.wrappedChecked ? wrappedCheckedData.safeParse(e.data).data : undefined;
      return checked ? [checked] : [];
    })
    .findLast((c) => c.manifestSha256 === digest && c.keys.some((k) => k.keyId === member.keyId));
  const from = check?.parametersBundle?.manifestSha256;
  // The KMS's refusal of any key's token of that fetch (the bundle's keys) says this one lapsed too (jo).
  if (!check || !from || kmsRefusedTokensOf(entries, from, [member.keyId, ...check.keys.map((k) => k.keyId)]))
    return undefined;
  const token = member.issued.find((i) =>
    (state.parametersBundlesOfToken.get(i.importTokenSha256) ?? []).some((b) => b.manifestSha256 === from),
  );
  const until = token ? Date.parse(token.tokenExpiresAt) : NaN;
  return until > now.getTime() ? { folder: check.folder, manifestSha256: check.manifestSha256, until } : undefined;
}
