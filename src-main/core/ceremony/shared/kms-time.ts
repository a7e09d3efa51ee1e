/**
 * The KMS's time as far as the import tokens prove it. Both air-gapped ceremonies decide by it: the
 * wrap (which earlier bundles can still be imported, airgap/earlier-wraps.ts) and the custody
 * restore (which material expiry can still be kept, restore/workflow.ts and the CLI's restore); so
 * does the online import (whether a plan's moment had passed, so a restore's new expiry replaces it).
 */
import type { ImportParameters } from '../../bundle';
import { TOKEN_LIFETIME_MS } from '../../bundle/bundle-limits';

/**
 * The latest moment the KMS's own clock is known to have reached: the issue time of the newest token
 * among `parameters` (its expiry less the 24 hours tokens live), or `now` when that is later. In a
 * real ceremony the two agree; when the air-gapped clock lags the KMS's (or a rehearsal moved the
 * simulator's clock forward), the fresh parameters themselves show that earlier tokens have lapsed.
 */
export function kmsTimeAtLeast(now: Date, parameters: readonly ImportParameters[]): Date {
  return kmsTimeFromTokens(
    now,
    parameters.map((p) => p.importToken?.expiry?.expiresAt),
  );
}

/**
 * The same from the tokens' expiry times ("the online side's journal records each issued token's
 * expiry"): the online import decides by it whether a plan's moment has passed for the KMS.
 */
export function kmsTimeFromTokens(now: Date, tokenExpiries: readonly (string | undefined)[]): Date {
  const issued = tokenExpiries
    .filter((at): at is string => at !== undefined)
    .map((at) => Date.parse(at) - TOKEN_LIFETIME_MS)
    .filter((at) => !Number.isNaN(at));
  return new Date(Math.max(now.getTime(), ...issued));
}
