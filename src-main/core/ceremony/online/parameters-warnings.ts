/**
 * What writing an import-parameters bundle warns of (parameters-steps.ts): earlier bundles of the
 * same keys whose tokens may still be accepted (two wraps would make two versions of the material),
 * and material expiries the KMS's clock has already passed (the imports would be refused, KMS.2602).
 */
import { groupHex } from '../../hex-groups';
import type { OnlineStepContext } from './step-context';
import { keysWaiting, type OnlineKeyState } from './state';
import { namedKeysValue } from '../shared/named-keys';
import { newestBundlesOf } from './newest-parameters-bundles';
import { warningOf, type Warning } from '../../../i18n/warning';
import { listValue } from '../../../i18n/list';

/** A refusal that recorded material as exposed: its entry, and the keys of the bundle it refused. */
interface ExposureOfKeys {
  readonly seq: number;
  readonly keyIds: readonly string[];
}

/**
 * The import-parameters bundles this ceremony wrote before whose import tokens may still be
 * accepted at the KMS's time `kmsNow` (ms): bundles for the same keys, each of which the air-gapped
 * side could wrap (the KMS does not say whether a new fetch ends an earlier token; the simulator
 * keeps them all). Only one should be carried over; a wrap of two makes two versions of the material.
 * A bundle written before a wrap of its keys was refused as exposed (`exposures`: made from a copy
 * changed on the media) is said apart: no wrap of it is to be imported, so it is only destroyed.
 * Nor is an earlier bundle simply destroyed when it also holds keys still waiting that the new one
 * (fetched for some keys only) does not: it is their only bundle (…_FOR_OTHERS names them).
 */
export function earlierBundlesStillLive(
  state: Pick<OnlineStepContext['state'], 'parametersBundlesOfToken' | 'keys'>,
  keys: readonly OnlineKeyState[],
  kmsNow: number,
  exposures: readonly ExposureOfKeys[] = [],
): Warning[] {
  const live = new Map<string, { folder: string; until: number; exposedAt?: number }>();
  // A key bound to material (imported before: a re-import after a deletion or a lapse) takes only
  // that material again, so an earlier bundle cannot give it a second version.
  const unbound = keys.filter((k) => !k.firstImport);
  for (const key of unbound) {
    for (const issued of key.issued.slice(0, -1)) {
      const until = Date.parse(issued.tokenExpiresAt);
      if (!(until > kmsNow)) continue;
      // A token fetched and never written into a bundle is on no media: nothing to wrap.
      for (const bundle of state.parametersBundlesOfToken.get(issued.importTokenSha256) ?? []) {
        const seen = live.get(bundle.manifestSha256);
        const exposedAt = exposures.find((e) => e.seq > bundle.seq && e.keyIds.includes(key.keyId))?.seq;
        live.set(bundle.manifestSha256, {
          folder: bundle.folder,
          until: Math.max(seen?.until ?? 0, until),
          ...((seen?.exposedAt ?? exposedAt) !== undefined ? { exposedAt: seen?.exposedAt ?? exposedAt } : {}),
        });
      }
    }
  }
  const bundles = [...live.entries()];
  const said = (list: typeof bundles) => ({
    count: list.length,
    bundlesList: listValue(list.map(([digest, b]) => `${b.folder} (${groupHex(digest)})`)),
    at: Math.max(...list.map(([, b]) => b.until)),
  });
  // Keys still waiting whose parameters an earlier bundle holds and the new one does not (it was
  // fetched for some keys only): that bundle is not simply to be destroyed, it is their only one.
  // Only while it is their newest: a key given a bundle of its own since (params for it alone) has that one.
  const inNew = new Set(keys.map((k) => k.keyId));
  // Keys still waiting outside the new bundle that a bundle written before serves.
  const outside = keysWaiting(state.keys).filter((k) => !inNew.has(k.keyId) && newestBundlesOf(state, k).length > 0);
  const keysBeyond = (list: typeof bundles) => {
    const digests = new Set(list.map(([digest]) => digest));
    return outside.filter((k) => newestBundlesOf(state, k).some((b) => digests.has(b.manifestSha256)));
  };
  // None of those in the earlier bundles: the advice is for the new bundle's keys only, and the
  // bundles the others wait on are named to be kept (not set aside as "not the new bundle").
  const keptFor = (): ScopeOfAdvice | undefined => {
    if (outside.length === 0) return undefined;
    const kept = new Map(
      outside.flatMap((k) => newestBundlesOf(state, k).map((b) => [b.manifestSha256, b.folder] as const)),
    );
    return {
      keys: keys.length,
      keysList: namedKeysValue(keys),
      otherKeys: outside.length,
      otherKeysList: namedKeysValue(outside),
      otherBundles: kept.size,
      otherBundlesList: listValue([...kept].map(([digest, folder]) => `${folder} (${groupHex(digest)})`)),
    };
  };
  const changed = bundles.filter(([, b]) => b.exposedAt !== undefined);
  const others = bundles.filter(([, b]) => b.exposedAt === undefined);
  return [
    ...(others.length > 0 ? [liveWarning(said(others), keysBeyond(others), keptFor())] : []),
    ...(changed.length > 0
      ? [
          warningOf('EARLIER_PARAMETERS_BUNDLE_EXPOSED', {
            ...said(changed),
            seq: Math.min(...changed.map(([, b]) => b.exposedAt ?? 0)),
          }),
        ]
      : []),
  ];
}

/** The new bundle's keys, and the other keys waiting with the bundles they wait on (none in the earlier ones). */
interface ScopeOfAdvice {
  readonly keys: number;
  readonly keysList: string;
  readonly otherKeys: number;
  readonly otherKeysList: string;
  /** How many bundles those keys wait on (one per key at most; keys sharing one count it once). */
  readonly otherBundles: number;
  readonly otherBundlesList: string;
}

/**
 * EARLIER_PARAMETERS_BUNDLE_LIVE; …_FOR_OTHERS when those bundles also hold `beyond`, keys the new
 * one does not; …_FOR_THESE when other keys wait on bundles of their own (`scope`), to be kept.
 */
function liveWarning(
  said: { count: number; bundlesList: string; at: number },
  beyond: readonly OnlineKeyState[],
  scope: ScopeOfAdvice | undefined,
): Warning {
  if (beyond.length > 0) {
    return warningOf('EARLIER_PARAMETERS_BUNDLE_LIVE_FOR_OTHERS', { ...said, beyondKeysList: namedKeysValue(beyond) });
  }
  return scope
    ? warningOf('EARLIER_PARAMETERS_BUNDLE_LIVE_FOR_THESE', { ...said, ...scope })
    : warningOf('EARLIER_PARAMETERS_BUNDLE_LIVE', said);
}

/**
 * The material expiries the bundle requests (`parameters`) that are not ahead of the KMS's clock as
 * the newest import tokens of `keys` prove it (`kmsNow`, kms-time.ts), though ahead of this computer's (`now`;
 * one past by both was refused when the plan was made): the KMS will refuse those imports (KMS.2602)
 * unless given an expiry further ahead. In a rehearsal, the simulator's clock moved forward past a
 * plan's durations counted from this computer's clock at create-key.
 */
export function expiriesPastByKms(
  keys: readonly OnlineKeyState[],
  parameters: readonly { readonly keyId: string; readonly materialExpiry?: string | undefined }[],
  now: Date,
  kmsNow: Date,
): Warning | undefined {
  // A key bound to the material imported before has its own way (a restore given --expires): left out.
  const bound = new Set(keys.filter((k) => k.firstImport !== undefined).map((k) => k.keyId));
  const past = parameters.filter(
    (p) =>
      !bound.has(p.keyId) &&
      p.materialExpiry !== undefined &&
      p.materialExpiry !== 'never' &&
      Date.parse(p.materialExpiry) <= kmsNow.getTime(),
  );
  const first = past[0];
  if (!first) return undefined;
  return warningOf('MATERIAL_EXPIRY_PAST_BY_KMS', {
    count: past.length,
    keyId: first.keyId,
    at: Date.parse(first.materialExpiry ?? ''),
    kmsNow: kmsNow.getTime(),
    now: now.getTime(),
  });
}
