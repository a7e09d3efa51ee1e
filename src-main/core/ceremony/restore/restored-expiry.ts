/**
 * The material expiry a restored bundle requests: never a silent change of policy. When the fresh
 * import-parameters bundle says the material had an expiry, the person restoring must choose:
 * the original expiry (refused once past), a new date-time or duration, or "never" said
 * explicitly. The CLI (`custody restore --expires`) and the app's restore screen both ask here.
 * Each key has its own original (bundle format 4; older bundles one for every key): "original"
 * restores each key's own, any other choice is requested for every AES key.
 */
import { isAsymmetric } from '../../crypto/key-spec';
import { KeyferryError } from '../../errors';
import type { Journal } from '../../journal';
import { phraseOf } from '../../../i18n/phrase';
import type { PlanExpiryOverride } from '../airgap/preflight';
import { parseMaterialExpiry, type MaterialExpiry } from '../shared/ceremony-plan';
import {
  expiryOfText,
  expiryText,
  plannedExpiryOf,
  type KeyExpiry,
  type KeyWithPlannedExpiry,
} from '../shared/planned-expiry';

/**
 * `given`: what was chosen ("original", "never", a date-time or a duration), or undefined when
 * nothing was; `recorded`: the bundle's `ceremony.materialExpiry` ("never", an ISO time, or
 * undefined / null when an older Keyferry wrote none); `where` words the refusal for the CLI or the app.
 */
export function restoredExpiry(
  given: string | undefined,
  recorded: string | null | undefined,
  now: Date,
  where: 'cli' | 'app',
): MaterialExpiry {
  const had = recorded && recorded !== 'never' ? new Date(recorded) : undefined;
  if (given === undefined) {
    if (!had) return { kind: 'never' };
    throw new KeyferryError('CUSTODY_RESTORE_EXPIRY_REQUIRED', {
      at: had.getTime(),
      past: had.getTime() <= now.getTime() ? 'yes' : 'no',
      where,
    });
  }
  if (given.trim() !== 'original') return parseMaterialExpiry(given, now);
  if (recorded === 'never') return { kind: 'never' };
  if (!had) throw new KeyferryError('CUSTODY_RESTORE_EXPIRY_UNKNOWN', { where });
  if (had.getTime() <= now.getTime())
    throw new KeyferryError('CUSTODY_RESTORE_EXPIRY_PASSED', { at: had.getTime(), where });
  return { kind: 'at', at: had };
}

/** What a restored bundle requests: `common` for a key without its own, and every key's own request. */
export interface RestoredExpiries {
  /** What every AES key requests when they agree, else the explicit choice or never: the wrapped bundle's one expiry. */
  readonly common: MaterialExpiry;
  /** Every key of the bundle, in its order: its plan, its request, and whether the request overrides the plan. */
  readonly keys: readonly KeyExpiry[];
}

/**
 * restoredExpiry for every key of the fresh bundle: each AES key decided against its own planned
 * expiry (plannedExpiryOf: its format-4 `materialExpiry`, else the bundle's `bundleExpiry`).
 * Nothing chosen while one key had an expiry is refused, naming the earliest; "original" with one
 * key's original past (or unknown) is refused. An explicit choice overrides every AES key whose plan differs.
 */
export function restoredExpiries(
  given: string | undefined,
  keys: readonly KeyWithPlannedExpiry[],
  bundleExpiry: string | null | undefined,
  now: Date,
  where: 'cli' | 'app',
): RestoredExpiries {
  const explicit = given !== undefined && given.trim() !== 'original';
  const common = explicit ? parseMaterialExpiry(given, now) : ({ kind: 'never' } as const);
  const planned = keys.map((key) => ({ key, planned: plannedExpiryOf(key, bundleExpiry) }));
  const moments = planned.flatMap((p) => (p.planned?.kind === 'at' ? [p.planned.at.getTime()] : []));
  // Nothing chosen: the refusal names the earliest expiry any key had.
  const earliest = moments.length > 0 ? new Date(Math.min(...moments)).toISOString() : undefined;
  if (given === undefined && earliest) restoredExpiry(undefined, earliest, now, where);
  const decided = planned.map(({ key, planned: plan }): KeyExpiry => {
    const symmetric = !isAsymmetric(key.keySpec);
    const requested = !symmetric
      ? ({ kind: 'never' } as const)
      : explicit
        ? common
        : restoredExpiry(given, plan === null ? undefined : expiryText(plan), now, where);
    const overridden = symmetric && explicit && plan !== null && expiryText(plan) !== expiryText(common);
    return { keyId: key.keyId, keySpec: key.keySpec, planned: plan, requested, overridden };
  });
  // Every AES key requesting the same (always so for older bundles): that is the bundle's one expiry.
  const requested = new Set(decided.filter((k) => !isAsymmetric(k.keySpec)).map((k) => expiryText(k.requested)));
  const [only] = requested;
  return { common: requested.size === 1 && only !== undefined ? expiryOfText(only) : common, keys: decided };
}

/** The preflight's per-key requests (AirGapDestinations.keyExpiries). */
export function requestedByKey(expiries: RestoredExpiries): ReadonlyMap<string, MaterialExpiry> {
  return new Map(expiries.keys.map((k) => [k.keyId, k.requested]));
}

/*
 * A restore requesting another material expiry than a key's plan is an override, never quiet:
 * journaled `expiry.plan-overridden` (a deviation, listed on the receipt), one entry per planned
 * and requested pair with the keys it concerns (keys of one bundle may have different plans).
 */

/** `never`, an ISO time, or null (no plan recorded). */
export function plannedText(planned: MaterialExpiry | null): string | null {
  return planned === null ? null : expiryText(planned);
}

/** The overrides among `keys` (AES keys with a plan other than their request), grouped by plan and request. */
export function planExpiryOverrides(keys: readonly Omit<KeyExpiry, 'overridden'>[]): PlanExpiryOverride[] {
  const groups = new Map<string, { planned: string; requested: string; keyIds: string[] }>();
  for (const key of keys) {
    const planned = plannedText(key.planned);
    const requested = expiryText(key.requested);
    if (isAsymmetric(key.keySpec) || planned === null || planned === requested) continue;
    const group = groups.get(`${planned} ${requested}`) ?? { planned, requested, keyIds: [] };
    group.keyIds.push(key.keyId);
    groups.set(`${planned} ${requested}`, group);
  }
  return [...groups.values()];
}

/** Journals each override of `keys` (see above); returns them for the screen or terminal. */
export async function journalPlanExpiryOverrides(
  journal: Journal,
  operator: string,
  keys: readonly Omit<KeyExpiry, 'overridden'>[],
): Promise<PlanExpiryOverride[]> {
  const overrides = planExpiryOverrides(keys);
  const moment = (text: string) => (text === 'never' ? 0 : Date.parse(text));
  for (const { planned, requested, keyIds } of overrides)
    await journal.append(operator, 'expiry.plan-overridden', {
      planned,
      requested,
      keyIds: [...keyIds],
      reasonPhrase: {
        ...phraseOf('journal.reason.expiry-plan-overridden', {
          plannedKind: planned === 'never' ? 'never' : 'at',
          planned: moment(planned),
          requestedKind: requested === 'never' ? 'never' : 'at',
          requested: moment(requested),
          count: keyIds.length,
        }),
      },
    });
  return overrides;
}
