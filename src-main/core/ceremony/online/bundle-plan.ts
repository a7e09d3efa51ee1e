/**
 * One plan for the import-parameters bundles of the keys waiting for material, after rounds of
 * `online params` for some keys only: which bundle each waiting key takes, which bundles are then
 * to be destroyed, and which keys need fresh parameters. The warnings of a new bundle
 * (parameters-warnings.ts) and every look at the ceremony (`online status`, the app's key states)
 * say this plan, so they cannot disagree. A wrap covers every key of its bundle, so a bundle is
 * wrapped only when every key it holds takes it: else a key would get two versions of its material,
 * or a key that holds material already would be wrapped again (a wasted wrap, and a custody set of
 * material no key will hold).
 */
import type { JournalEntry } from '../../journal';
import { ONLINE_EVENTS, parametersWrittenData, wrappedCheckedData } from './events';
import { exposureRefusals } from './exposed-material';
import { materialIdOf } from '../../bundle/replica-groups';
import { kmsTimeFromTokens } from '../shared/kms-time';
import { holdsImportedMaterial, keysWaiting, type OnlineCeremonyState, type OnlineKeyState } from './state';

/** A written import-parameters bundle: its folder, manifest digest and the journal entry that wrote it. */
interface WrittenBundle {
  readonly folder: string;
  readonly manifestSha256: string;
  readonly seq: number;
}

/** A bundle some waiting keys take: they are wrapped from it (or imported from its wrap, when one was checked). */
interface TakenBundle extends WrittenBundle {
  readonly keyIds: readonly string[];
  /** When the first of the import tokens of those keys in it expires (ms, the KMS's clock). */
  readonly until: number;
  /** A wrap of it checked here whose import of these keys is not done: that wrap is imported, never a new one. */
  readonly wrap: { readonly folder: string; readonly seq: number } | null;
}

/** A bundle no waiting key takes while it holds import tokens of one that may still be accepted: destroyed, never wrapped. */
interface SupersededBundle extends WrittenBundle {
  /** The last moment any of those tokens may be accepted (ms, the KMS's clock). */
  readonly until: number;
  /** The entry of a refusal of a wrap as exposed that came after it (a copy changed on the media), or null. */
  readonly exposedSeq: number | null;
}

export interface BundlePlan {
  /**
   * The bundles with a wrap checked here first, the newest wrap first (imported in this order, an
   * older wrap's import leaves out a key that took a newer one's material; imported first, it would
   * give its material to every key it holds); then the bundles to wrap, oldest first.
   */
  readonly takes: readonly TakenBundle[];
  /** Oldest bundle first. */
  readonly destroy: readonly SupersededBundle[];
  /** Waiting keys no bundle can carry (none with tokens live, or theirs holds a key taking another): fresh parameters, for them alone. */
  readonly fresh: readonly string[];
}

/**
 * The plan (see above) from the journal `entries` and its `state`, at `now` or the KMS's time as the
 * newest import token proves it, whichever is later (this computer's clock may lag the KMS's):
 * each waiting key takes the newest bundle holding it whose token for it is live, a bundle already
 * wrapped (the wrap checked here, not imported) before any newer one; a bundle written before a
 * wrap of its key was refused as exposed is never taken. A key whose bundle also holds a key that
 * does not take it needs fresh parameters. A key bound to material (imported before: a re-import)
 * takes only that material again, so an earlier bundle of it is neither a second version nor to be
 * destroyed. The members of a replica group whose material is still to make take one bundle together,
 * or are all fetched anew.
 */
export function bundlePlanOf(
  state: Pick<OnlineCeremonyState, 'keys' | 'parametersBundlesOfToken'>,
  entries: readonly JournalEntry[],
  now: Date,
): BundlePlan {
  const kmsNow = kmsTimeFromTokens(
    now,
    [...state.keys.values()].flatMap((k) => k.issued.map((i) => i.tokenExpiresAt)),
  ).getTime();
  const exposures = exposureRefusals(entries).map((r) => ({ seq: r.seq, keyIds: r.keys.map((k) => k.keyId) }));
  const held = bundlesWritten(entries);
  const waiting = keysWaiting(state.keys);
  const wraps = wrapsNotImported(entries);
  const exposedAfter = (bundle: WrittenBundle, keyId: string) =>
    exposures.find((e) => e.seq > bundle.seq && e.keyIds.includes(keyId))?.seq;
  const choice = new Map<string, { bundle: WrittenBundle; until: number; wrap: TakenBundle['wrap'] }>();
  for (const key of waiting) {
    const live = liveBundlesOf(state, key, kmsNow).filter(({ bundle }) => !exposedAfter(bundle, key.keyId));
    const wrapOf = (b: WrittenBundle) => wraps.find((w) => w.from === b.manifestSha256 && w.keyIds.has(key.keyId));
    const wrapped = live.findLast(({ bundle }) => wrapOf(bundle));
    const chosen = wrapped ?? live.at(-1);
    if (!chosen) continue;
    const wrap = wrapOf(chosen.bundle);
    choice.set(key.keyId, { ...chosen, wrap: wrap ? { folder: wrap.folder, seq: wrap.seq } : null });
  }
  // A replica group holds one material, made by one wrap: members whose material is still to make
  // take one bundle together, or are all fetched anew together (two wraps would make two materials).
  for (const members of replicaGroupsToMake(waiting, state.keys)) {
    const seqs = new Set(members.map((k) => choice.get(k.keyId)?.bundle.seq));
    if (seqs.size > 1) for (const k of members) choice.delete(k.keyId);
  }
  const groups = new Map<
    number,
    { bundle: WrittenBundle; keyIds: string[]; until: number; wrap: TakenBundle['wrap'] }
  >();
  for (const [keyId, { bundle, until, wrap }] of choice) {
    const group = groups.get(bundle.seq);
    if (group) {
      group.keyIds.push(keyId);
      group.until = Math.min(group.until, until);
    } else groups.set(bundle.seq, { bundle, keyIds: [keyId], until, wrap });
  }
  // A bundle is wrapped for every key it holds: one holding a key that does not take it is not
  // wrapped (a wrap already made is imported: that import takes only the keys still waiting).
  const blocks = (keyId: string, takers: readonly string[]) => {
    const key = state.keys.get(keyId);
    if (!key || takers.includes(keyId)) return false;
    return holdsImportedMaterial(key) || !key.firstImport;
  };
  const takes = [...groups.values()].filter(
    (g) => g.wrap !== null || !(held.get(g.bundle.seq) ?? []).some((id) => blocks(id, g.keyIds)),
  );
  const taken = new Set(takes.flatMap((g) => g.keyIds));
  const takenSeqs = new Set(takes.map((g) => g.bundle.seq));
  const superseded = new Map<number, { bundle: WrittenBundle; until: number; exposedSeq: number | null }>();
  for (const key of waiting.filter((k) => !k.firstImport)) {
    for (const { bundle, until } of liveBundlesOf(state, key, kmsNow)) {
      if (takenSeqs.has(bundle.seq)) continue;
      const seen = superseded.get(bundle.seq);
      const exposedSeq = seen?.exposedSeq ?? exposedAfter(bundle, key.keyId) ?? null;
      superseded.set(bundle.seq, { bundle, until: Math.max(seen?.until ?? 0, until), exposedSeq });
    }
  }
  const bySeq = (a: WrittenBundle, b: WrittenBundle) => a.seq - b.seq;
  const newestWrapFirst = (a: TakenBundle, b: TakenBundle) => (b.wrap?.seq ?? -1) - (a.wrap?.seq ?? -1) || bySeq(a, b);
  return {
    takes: takes.map(({ bundle, keyIds, until, wrap }) => ({ ...bundle, keyIds, until, wrap })).sort(newestWrapFirst),
    destroy: [...superseded.values()].map(({ bundle, ...rest }) => ({ ...bundle, ...rest })).sort(bySeq),
    fresh: waiting.filter((k) => !taken.has(k.keyId)).map((k) => k.keyId),
  };
}

/** The keys each written bundle holds, by the entry that wrote it. */
function bundlesWritten(entries: readonly JournalEntry[]): Map<number, readonly string[]> {
  return new Map(
    entries.flatMap((e) => {
      if (e.event !== ONLINE_EVENTS.parametersWritten) return [];
      const written = parametersWrittenData.safeParse(e.data);
      return written.success ? [[e.seq, written.data.keyIds] as const] : [];
    }),
  );
}

/** The bundles holding a token of `key` the KMS may still accept at `kmsNow`, oldest first, each with that token's expiry. */
function liveBundlesOf(
  state: Pick<OnlineCeremonyState, 'parametersBundlesOfToken'>,
  key: Pick<OnlineKeyState, 'issued'>,
  kmsNow: number,
): { bundle: WrittenBundle; until: number }[] {
  return key.issued
    .flatMap((issued) => {
      const until = Date.parse(issued.tokenExpiresAt);
      if (!(until > kmsNow)) return [];
      return (state.parametersBundlesOfToken.get(issued.importTokenSha256) ?? []).map((bundle) => ({ bundle, until }));
    })
    .sort((a, b) => a.bundle.seq - b.bundle.seq);
}

/**
 * The wraps checked here, each with the parameters bundle it was made from and the keys of it not
 * imported since its check (a key imported since took that wrap's material, or another's).
 */
function wrapsNotImported(
  entries: readonly JournalEntry[],
): { folder: string; seq: number; from: string; keyIds: Set<string> }[] {
  return entries.flatMap((e) => {
    if (e.event !== ONLINE_EVENTS.wrappedChecked) return [];
    const checked = wrappedCheckedData.safeParse(e.data);
    const from = checked.data?.parametersBundle?.manifestSha256;
    if (!checked.success || !from) return [];
    const importedSince = new Set(
      entries.flatMap((later) =>
        later.seq > e.seq && later.event === ONLINE_EVENTS.imported && typeof later.data['keyId'] === 'string'
          ? [later.data['keyId']]
          : [],
      ),
    );
    const keyIds = new Set(checked.data.keys.map((k) => k.keyId).filter((id) => !importedSince.has(id)));
    return [{ folder: checked.data.folder, seq: e.seq, from, keyIds }];
  });
}

/**
 * The replica groups among `waiting` (two or more members) none of whose keys, waiting or not, was
 * ever imported: their one material is still to be made.
 */
function replicaGroupsToMake(
  waiting: readonly OnlineKeyState[],
  keys: ReadonlyMap<string, OnlineKeyState>,
): OnlineKeyState[][] {
  const groups = new Map<string, OnlineKeyState[]>();
  for (const key of waiting) groups.set(materialIdOf(key), [...(groups.get(materialIdOf(key)) ?? []), key]);
  const made = new Set([...keys.values()].filter((k) => k.firstImport).map(materialIdOf));
  return [...groups].filter(([id, members]) => members.length > 1 && !made.has(id)).map(([, members]) => members);
}
