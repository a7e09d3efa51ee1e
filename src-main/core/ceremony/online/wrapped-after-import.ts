/**
 * A wrapped-material bundle offered while every key of the ceremony holds imported material (the
 * ceremony imported, verified or finished), under a digest that is none of the bundles the keys'
 * material came from. There is nothing to import from it: the keys hold material, and the KMS takes
 * no other into them (KMS.2606). Checking it would only replace what the journal holds as the
 * ceremony's checked bundle (its custody copy, its fingerprints) with a bundle the keys do not
 * hold, so it is refused before anything is read, naming the bundles the keys' material came from.
 * The officer is not told the offered bundle backs up nothing: a custody restore or the original
 * material wrapped anew holds the same material under another digest, and a ceremony may have
 * imported from several bundles (a re-import after a deletion). Only where online import and
 * status name its own custody set as backing nothing (replaced-custody.ts: every key's bound
 * material known to differ from that bundle's; the manifest, proven by the digest typed, is read
 * for it and its keys' check values journaled with the refusal) does the refusal name that set
 * too, as the one to destroy. The bundle imported offered again, or the parameters bundle's digest typed by mistake,
 * goes on to the step guard and the check's own refusals as before. Another ceremony's bundle with its own receipt's digest (the wrong stick and
 * the wrong receipt) is named as another ceremony's (WRAPPED_OTHER_CEREMONY): its manifest alone is
 * read, and its claim believed only when the typed digest proves that manifest.
 */
import path from 'node:path';
import { namedKeysValue } from '../shared/named-keys';
import { groupHex } from '../../hex-groups';
import { KeyferryError } from '../../errors';
import { compareTypedDigest, differenceValues, parseTypedDigest } from '../../crypto/typed-digest';
import { listValue } from '../../../i18n/list';
import { custodySetTag } from '../../custody/set-tag';
import { readBundleClaimedCeremony } from '../../bundle';
import { keysWaiting, holdsImportedMaterial, type OnlineCeremonyState, type OnlineKeyState } from './state';
import { replacedCustodySets } from './replaced-custody';
import type { OnlineStepContext } from './step-context';
import type { CustodyArrangement } from '../../bundle/custody-arrangement';
import type { JsonObject } from '../../journal';

/** The wrapped-bundle digest `typed` names, or undefined when it is none in a well-formed form. */
function wellFormedDigest(typed: string | undefined): string | undefined {
  if (typeof typed !== 'string') return undefined;
  try {
    return parseTypedDigest(typed, 'wrapped');
  } catch {
    return undefined;
  }
}

/**
 * Whether a key holds material imported from the wrapped bundle whose digest is `typed` (a review
 * changed a file of such a bundle on the media after the import: the refusal told the officer to
 * wrap again and let a new custody set replace the old, the only backup of the imported material).
 */
export function importedFromBundle(
  state: { readonly keys: ReadonlyMap<string, Pick<OnlineKeyState, 'imported' | 'materialDeleted'>> },
  typed: string | undefined,
): boolean {
  const digest = wellFormedDigest(typed);
  return (
    digest !== undefined &&
    [...state.keys.values()].some((k) => holdsImportedMaterial(k) && k.imported?.wrappedBundleSha256 === digest)
  );
}

/** WRAPPED_OTHER_THAN_IMPORTED when every key holds imported material and `typed` is a well-formed digest of none of their bundles; else undefined. */
export function otherBundleAfterImport(
  state: {
    readonly keys: ReadonlyMap<string, Pick<OnlineKeyState, 'imported' | 'materialDeleted'>>;
    readonly wrappedBundle?: OnlineCeremonyState['wrappedBundle'];
    readonly parametersBundle?: OnlineCeremonyState['parametersBundle'];
  },
  typed: string | undefined,
  dir: string,
  /** The custody sets no imported material is backed by (replaced-custody.ts): the offered bundle's own is named. */
  replaced: ReturnType<typeof replacedCustodySets> = [],
): KeyferryError | undefined {
  const keys = [...state.keys.values()];
  if (typeof typed !== 'string' || keys.length === 0 || !keys.every(holdsImportedMaterial)) return undefined;
  // Journals written before 2026-12-04 do not say per key: the bundle last checked stands for them.
  const importedFrom = new Set(
    keys
      .map((k) => k.imported?.wrappedBundleSha256 ?? state.wrappedBundle?.manifestSha256)
      .filter((digest): digest is string => digest !== undefined),
  );
  if (importedFrom.size === 0) return undefined;
  const digest = wellFormedDigest(typed);
  if (digest === undefined) return undefined;
  if (importedFrom.has(digest) || digest === state.parametersBundle?.manifestSha256) return undefined;
  // The custody sets of shares recorded at those imports, by the tag in their files' names: the ones to keep.
  const sets = [
    ...new Set(
      keys.flatMap((k) => {
        const arrangement = k.imported?.custody?.arrangement;
        return arrangement?.kind === 'shares' && arrangement.backupDigest
          ? [custodySetTag(arrangement.backupDigest)]
          : [];
      }),
    ),
  ];
  // A typing slip of a digest imported from, said as such (a trial's typo of one group read as another bundle).
  const slip = slipOfImported(digest, importedFrom);
  // The offered bundle's own set, when a later wrap of other material replaced it (the rule online import and status name it by).
  const own = replaced.find((set) => set.manifestSha256 === digest);
  return new KeyferryError('WRAPPED_OTHER_THAN_IMPORTED', {
    dir,
    typed: groupHex(digest),
    importedList: listValue([...importedFrom].map(groupHex)),
    bundles: importedFrom.size,
    count: keys.length,
    sets: sets.length,
    setsList: listValue(sets),
    // A set named by this very refusal (the bundle read now, journaled with it) is said as read, not checked.
    replaced: own ? (own.refused === 'yes' ? 'refused' : 'named') : 'none',
    replacedTag: own?.setTag ?? '',
    replacedThreshold: own?.threshold ?? 0,
    replacedTotal: own?.total ?? 0,
    replacedCustodiansList: listValue(own?.custodians ?? []),
    replacedSeq: own?.seq ?? 0,
    ...slip,
  });
}

/**
 * The values that say `typed` (a well-formed digest) is most likely a typing slip of a digest of
 * `importedFrom` (at least half its groups as they are, as every digest refusal takes a slip): which,
 * the groups that differ and what was typed there; `slip: 'no'` when it is none's.
 */
function slipOfImported(typed: string, importedFrom: ReadonlySet<string>) {
  for (const imported of importedFrom) {
    const comparison = compareTypedDigest(typed, imported);
    if (comparison.matches || !comparison.slip) continue;
    const { count, groupsList, typedList } = differenceValues(comparison);
    return {
      slip: 'yes',
      slipOf: groupHex(imported),
      slipCount: count,
      slipGroupsList: groupsList,
      slipTypedList: typedList,
    };
  }
  return { slip: 'no', slipOf: '', slipCount: 0, slipGroupsList: listValue([]), slipTypedList: listValue([]) };
}

/**
 * What the manifest of the bundle in `dir` claims (read alone) when it is the manifest `typed` (a
 * well-formed digest) names; else undefined (none readable there, or another). Only to name a
 * refusal (its ceremony, its custody set), never to let anything in.
 */
async function offeredManifest(
  typed: string,
  dir: string,
): Promise<Awaited<ReturnType<typeof readBundleClaimedCeremony>> | undefined> {
  try {
    const claimed = await readBundleClaimedCeremony(dir);
    return claimed.digest === parseTypedDigest(typed, 'wrapped') ? claimed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * WRAPPED_OTHER_CEREMONY when the manifest `claimed` (offeredManifest: proven by the digest typed)
 * claims another ceremony than `ceremonyId`; else undefined (nothing readable there says so).
 */
function otherCeremonyOffered(
  ceremonyId: string,
  claimed: { readonly ceremonyId?: string } | undefined,
): KeyferryError | undefined {
  if (claimed?.ceremonyId === undefined || claimed.ceremonyId === ceremonyId) return undefined;
  return new KeyferryError('WRAPPED_OTHER_CEREMONY', {
    bundleCeremony: claimed.ceremonyId,
    ceremonyId,
    journalOf: 'none',
  });
}

/**
 * The refusal of a bundle offered once every key holds imported material (`other`): another
 * ceremony's, when its manifest (read alone, proven by the digest `typed`) says so; else `other`,
 * with what the manifest says for the refusal's journal entry (its digest, custody set and keys'
 * check values), and its set named when this refusal shows it backs nothing (replaced-custody.ts:
 * every key holds other material than the bundle's).
 */
export async function afterImportRefusal(
  ctx: Pick<OnlineStepContext, 'state' | 'journalEntries'>,
  dir: string,
  typed: string,
  other: KeyferryError,
): Promise<{
  refusal: KeyferryError;
  read?: { digest: string; custody: CustodyArrangement | null; keys: readonly JsonObject[] };
}> {
  const claimed = await offeredManifest(typed, dir);
  const elsewhere = otherCeremonyOffered(ctx.state.ceremonyId, claimed);
  const material = claimed?.material;
  if (elsewhere || !claimed || !material) return { refusal: elsewhere ?? other };
  const entries = ctx.journalEntries();
  const pending = {
    seq: (entries.at(-1)?.seq ?? 0) + 1,
    data: { folder: path.resolve(dir), manifestSha256: claimed.digest, custody: material.custody, keys: material.keys },
  };
  const sets = replacedCustodySets(entries, pending);
  return {
    refusal: otherBundleAfterImport(ctx.state, typed, path.resolve(dir), sets) ?? other,
    read: { digest: claimed.digest, custody: material.custody, keys: material.keys },
  };
}

/**
 * WRAPPED_BRINGS_NOTHING when every key of a wrapped bundle (`keyIds`) already holds imported
 * material while other keys of the ceremony wait for theirs: an earlier round's bundle brought
 * again (say the replica's restore, while its primary waits for its own). Refused before the check
 * is journaled as passed, so no warning says it would be "imported as any other".
 */
export function refuseBundleBringingNothing(
  state: {
    readonly keys: ReadonlyMap<string, OnlineKeyState>;
    readonly parametersBundle?: OnlineCeremonyState['parametersBundle'];
  },
  keyIds: readonly string[],
  dir: string,
  digest: string,
): void {
  const held = (id: string) => {
    const key = state.keys.get(id);
    return key !== undefined && holdsImportedMaterial(key);
  };
  const waiting = keysWaiting(state.keys);
  if (keyIds.length === 0 || !keyIds.every(held) || waiting.length === 0) return;
  throw new KeyferryError('WRAPPED_BRINGS_NOTHING', {
    dir,
    digest: groupHex(digest),
    count: waiting.length,
    waitingList: namedKeysValue(waiting),
    known: state.parametersBundle ? 'yes' : 'no',
    parameters: state.parametersBundle?.folder ?? '',
  });
}
