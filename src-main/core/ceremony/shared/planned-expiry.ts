/**
 * Each key's planned material expiry, as an import-parameters bundle carries it, and what an
 * air-gapped ceremony (wrap or custody restore) requests for it. Format 4 bundles carry each key's
 * own `materialExpiry`; older ones one `ceremony.materialExpiry` for every key; console files none.
 * An explicit choice (`--expires`, the screen's) overrides the plan for every AES key, and the keys
 * whose plan it differs from are the ones an `expiry.plan-overridden` entry names.
 * Renderer-safe: no Node imports.
 */
import { isAsymmetric, type KeySpec } from '../../crypto/key-spec';
import type { MaterialExpiry } from './ceremony-plan';

/** `never` or the ISO 8601 time: how journals and manifests write a material expiry. */
export function expiryText(expiry: MaterialExpiry | undefined): string {
  return !expiry || expiry.kind === 'never' ? 'never' : expiry.at.toISOString();
}

/** The expiry `text` ('never' or an ISO 8601 time, as bundles and journals write it) stands for. */
export function expiryOfText(text: string): MaterialExpiry {
  return text === 'never' ? { kind: 'never' } : { kind: 'at', at: new Date(text) };
}

/** What a key of an import-parameters bundle says about its expiry (ImportParameters has both fields). */
export interface KeyWithPlannedExpiry {
  readonly keyId: string;
  readonly keySpec: KeySpec;
  /** Format 4: the key's own planned expiry ('never' or ISO). */
  readonly materialExpiry?: string;
}

/**
 * The expiry planned for `key`: its own (format 4), else the bundle's one (`bundleExpiry`, the
 * manifest's `ceremony.materialExpiry`), else null (no plan: console files, or an older Keyferry
 * wrote none). Asymmetric material never expires (KMS rule).
 */
export function plannedExpiryOf(
  key: Pick<KeyWithPlannedExpiry, 'keySpec' | 'materialExpiry'>,
  bundleExpiry: string | null | undefined,
): MaterialExpiry | null {
  if (isAsymmetric(key.keySpec)) return { kind: 'never' };
  const planned = key.materialExpiry ?? bundleExpiry ?? null;
  return planned === null ? null : expiryOfText(planned);
}

/** One key's expiry: what the plan asks, what the wrapped bundle will request, and whether that is an override. */
export interface KeyExpiry {
  readonly keyId: string;
  readonly keySpec: KeySpec;
  /** Null: no plan (console files). */
  readonly planned: MaterialExpiry | null;
  readonly requested: MaterialExpiry;
  /** An explicit override of an AES key whose plan differs from it (journaled as such). */
  readonly overridden: boolean;
}

/**
 * Every key's expiry: without `override` each key's plan (never where there is none); with it,
 * `override` for every AES key (asymmetric keys: never), `overridden` where a plan said otherwise.
 */
export function keyExpiries(
  keys: readonly KeyWithPlannedExpiry[],
  bundleExpiry: string | null | undefined,
  override?: MaterialExpiry,
): KeyExpiry[] {
  return keys.map((key) => {
    const planned = plannedExpiryOf(key, bundleExpiry);
    const symmetric = !isAsymmetric(key.keySpec);
    const requested = symmetric && override ? override : (planned ?? { kind: 'never' });
    const overridden =
      symmetric && override !== undefined && planned !== null && expiryText(planned) !== expiryText(override);
    return { keyId: key.keyId, keySpec: key.keySpec, planned, requested, overridden };
  });
}
