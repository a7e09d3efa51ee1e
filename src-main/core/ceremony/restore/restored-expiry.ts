/**
 * The material expiry a restored bundle requests: never a silent change of policy. When the fresh
 * import-parameters bundle says the material had an expiry, the person restoring must choose:
 * the original expiry (refused once past), a new date-time or duration, or "never" said
 * explicitly. The CLI (`custody restore --expires`) and the app's restore screen both ask here.
 * Each key has its own original (bundle format 4; older bundles one for every key): "original"
 * restores each key's own, any other choice is requested for every AES key.
 *
 * What the auditor sees: a plan moment that had already passed when the restore ran cannot be
 * kept, so the choice that replaces it is not an officer's override (journaled
 * `expiry.lapsed-plan-replaced`, not a deviation); a different choice while a key's planned moment
 * still lies ahead (or its plan says never) is one (`expiry.plan-overridden`, a deviation).
 */
import { isAsymmetric } from '../../crypto/key-spec';
import { KeyferryError } from '../../errors';
import type { JournalEntry } from '../../journal/entry';
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
  if (given.trim() !== 'original') return parseMaterialExpiry(given, now, '--expires', true);
  if (recorded === 'never') return { kind: 'never' };
  if (!had) throw new KeyferryError('CUSTODY_RESTORE_EXPIRY_UNKNOWN', { where });
  if (had.getTime() <= now.getTime())
    throw new KeyferryError('CUSTODY_RESTORE_EXPIRY_PASSED', { at: had.getTime(), where });
  return { kind: 'at', at: had };
}

/** True when `planned` is a moment that has passed by `now`: keeping it is impossible, so replacing it overrides nothing. */
export function planLapsed(planned: MaterialExpiry | null, now: Date): boolean {
  return planned?.kind === 'at' && planned.at.getTime() <= now.getTime();
}

/** What a restored bundle requests: `common` for a key without its own, and every key's own request. */
export interface RestoredExpiries {
  /** What every AES key requests when they agree, else the explicit choice or never: the wrapped bundle's one expiry. */
  readonly common: MaterialExpiry;
  /** Every key of the bundle, in its order: its plan, its request, and whether the request overrides the plan. */
  readonly keys: readonly KeyExpiry[];
  /**
   * What the preflight is asked for (AirGapDestinations.materialExpiry): the explicit choice for
   * every AES key (the preflight journals each override of a key's plan), else 'plan' (each key's own).
   */
  readonly request: MaterialExpiry | 'plan';
}

/**
 * restoredExpiry for every key of the fresh bundle: each AES key decided against its own planned
 * expiry (plannedExpiryOf: its format-4 `materialExpiry`, else the bundle's `bundleExpiry`).
 * Nothing chosen while one key had an expiry is refused, naming the earliest; "original" with one
 * key's original past (or unknown) is refused. An explicit choice overrides every AES key whose plan differs
 * and has not lapsed (planLapsed).
 */
export function restoredExpiries(
  given: string | undefined,
  keys: readonly KeyWithPlannedExpiry[],
  bundleExpiry: string | null | undefined,
  now: Date,
  where: 'cli' | 'app',
): RestoredExpiries {
  const explicit = given !== undefined && given.trim() !== 'original';
  const common = explicit ? parseMaterialExpiry(given, now, '--expires', true) : ({ kind: 'never' } as const);
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
    const overridden =
      symmetric && explicit && plan !== null && !planLapsed(plan, now) && expiryText(plan) !== expiryText(common);
    return { keyId: key.keyId, keySpec: key.keySpec, planned: plan, requested, overridden };
  });
  // Every AES key requesting the same (always so for older bundles): that is the bundle's one expiry.
  const requested = new Set(decided.filter((k) => !isAsymmetric(k.keySpec)).map((k) => expiryText(k.requested)));
  const [only] = requested;
  return {
    common: requested.size === 1 && only !== undefined ? expiryOfText(only) : common,
    keys: decided,
    request: explicit ? common : 'plan',
  };
}

/** `never`, an ISO time, or null (no plan recorded). */
export function plannedText(planned: MaterialExpiry | null): string | null {
  return planned === null ? null : expiryText(planned);
}

/**
 * Each key whose plan moment had passed and was replaced in the journal's last session (its
 * `expiry.lapsed-plan-replaced` entries, one per planned moment naming its keys): key id → that
 * moment, for the restore receipt to print beside the expiry that replaced it.
 */
export function lapsedPlansReplaced(entries: readonly JournalEntry[]): Map<string, Date> {
  const session = entries.slice(entries.findLastIndex((e) => e.event === 'ceremony.session-started') + 1);
  const replaced = new Map<string, Date>();
  for (const entry of session) {
    if (entry.event !== 'expiry.lapsed-plan-replaced') continue;
    const { planned, keyIds } = entry.data;
    const at = typeof planned === 'string' ? new Date(planned) : undefined;
    if (!at || Number.isNaN(at.getTime()) || !Array.isArray(keyIds)) continue;
    for (const keyId of keyIds) if (typeof keyId === 'string') replaced.set(keyId, at);
  }
  return replaced;
}
