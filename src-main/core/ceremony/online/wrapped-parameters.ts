/**
 * Which import-parameters bundle a wrapped-material bundle was made from. After `online params` ran
 * twice, two parameters bundles exist and the air-gapped side may wrap either (the KMS may accept
 * the earlier tokens still). The wrapped bundle's import tokens tell which one it was: the online
 * receipt names that bundle (not simply the last one written, which the air-gapped receipt would
 * contradict), and a bundle wrapped from an earlier one than the last is said at the check.
 */
import { groupHex } from '../../hex-groups';
import { warningOf, type Warning } from '../../../i18n/warning';
import type { OnlineCeremonyState } from './state';
import type { CheckedKey } from './wrapped-bundle-check';
import { kmsTimeFromTokens } from '../shared/kms-time';

type ParametersBundle = NonNullable<OnlineCeremonyState['parametersBundle']>;

/**
 * The parameters bundle that carried the tokens of every checked key (the latest such, should
 * several have carried them all); undefined when no bundle the journal records carried them all.
 */
export function parametersBundleWrapped(
  state: Pick<OnlineCeremonyState, 'parametersBundlesOfToken'>,
  checked: readonly Pick<CheckedKey, 'issued'>[],
): ParametersBundle | undefined {
  const [first, ...rest] = checked.map((c) => state.parametersBundlesOfToken.get(c.issued.importTokenSha256) ?? []);
  const carriedAll = (first ?? []).filter((bundle) =>
    rest.every((carriers) => carriers.some((b) => b.manifestSha256 === bundle.manifestSha256)),
  );
  const last = carriedAll.at(-1);
  return last && { folder: last.folder, manifestSha256: last.manifestSha256 };
}

/**
 * The warning when `wrapped` is not the last parameters bundle this ceremony wrote and that last one
 * carries newer parameters for a key of `checked` (it replaced `wrapped` for them); none otherwise. A
 * last bundle for other keys only (another source of material, material-sources.ts) replaced nothing:
 * it is to be wrapped too, and the warning would tell the officer to destroy it. `bound`: every
 * checked key takes only the material imported before (a re-import after a deletion or a lapse), so a
 * wrap of the other bundle (a second custody restore) holds that same material: no second version,
 * and "do not wrap it as well" may come too late to help; it is destroyed once this import is done.
 */
export function earlierParametersWarning(
  state: Pick<OnlineCeremonyState, 'parametersBundle' | 'parametersBundlesOfToken'>,
  wrapped: ParametersBundle | undefined,
  checked: readonly {
    readonly key: Pick<CheckedKey['key'], 'issued' | 'firstImport'>;
    readonly issued: Pick<CheckedKey['issued'], 'tokenExpiresAt'>;
  }[],
  now: Date,
): Warning[] {
  const latest = state.parametersBundle;
  if (!wrapped || !latest || wrapped.manifestSha256 === latest.manifestSha256) return [];
  const carriedByLatest = (token: string) =>
    (state.parametersBundlesOfToken.get(token) ?? []).some((b) => b.manifestSha256 === latest.manifestSha256);
  if (!checked.some((c) => c.key.issued.some((issued) => carriedByLatest(issued.importTokenSha256)))) return [];
  const tokens = tokensByKmsClock(checked, now);
  // The last bundle's own tokens for these keys: past too (a wrap brought back days later), it is no
  // longer the one to wrap, and fresh parameters are (as online status says).
  const latestAt = Math.min(
    ...checked.flatMap((c) =>
      c.key.issued.flatMap((i) => (carriedByLatest(i.importTokenSha256) ? [Date.parse(i.tokenExpiresAt)] : [])),
    ),
  );
  const latestLapsed = tokens.tokens === 'expired' && latestAt <= Math.max(tokens.kmsAt, now.getTime());
  return [
    warningOf('WRAPPED_FROM_EARLIER_PARAMETERS', {
      dir: wrapped.folder,
      digest: groupHex(wrapped.manifestSha256),
      latestDir: latest.folder,
      latestDigest: groupHex(latest.manifestSha256),
      bound: checked.every((c) => c.key.firstImport !== undefined) ? 'yes' : 'no',
      tokens: tokens.tokens,
      by: tokens.by,
      at: tokens.at,
      latest: latestLapsed ? 'expired' : 'valid',
      latestAt: Number.isFinite(latestAt) ? latestAt : 0,
    }),
  ];
}

/**
 * Whether the wrapped bundle's tokens (`checked`: each key's, the earliest expiry `at`) have expired,
 * judged by the KMS's clock as the newest tokens it issued for these keys show it (the newer bundle's:
 * kms-time.ts): `by` 'kms'. Where that shows no time past this computer's clock, by this computer's
 * (`by` 'computer'), and the warning says so. A trial's warning said "its import tokens have not
 * expired" by this computer's clock while the newer bundle's tokens showed the KMS's a day on.
 */
function tokensByKmsClock(
  checked: readonly {
    readonly key: Pick<CheckedKey['key'], 'issued'>;
    readonly issued: Pick<CheckedKey['issued'], 'tokenExpiresAt'>;
  }[],
  now: Date,
): { tokens: 'expired' | 'valid'; by: 'kms' | 'computer'; at: number; kmsAt: number } {
  const at = Math.min(...checked.map((c) => Date.parse(c.issued.tokenExpiresAt)));
  const kmsAt = kmsTimeFromTokens(
    new Date(0),
    checked.flatMap((c) => c.key.issued.map((i) => i.tokenExpiresAt)),
  ).getTime();
  const by = kmsAt > now.getTime() ? 'kms' : 'computer';
  return { tokens: at <= Math.max(kmsAt, now.getTime()) ? 'expired' : 'valid', by, at, kmsAt };
}

/**
 * The warning when no import-parameters bundle this journal records writing carried the wrapped
 * bundle's tokens, though it records writing one: a trial's `online params` was killed after its
 * bundle was whole on the stick, before `parameters.bundle-written`; that bundle was wrapped and
 * imported, and the online receipt named the next bundle written instead. The receipt now names
 * none for such a wrap (the check journals null), and the officer is told why.
 */
export function unrecordedParametersWarning(
  state: Pick<OnlineCeremonyState, 'parametersBundle'>,
  wrapped: ParametersBundle | undefined,
): Warning[] {
  const latest = state.parametersBundle;
  if (wrapped || !latest) return [];
  return [
    warningOf('WRAPPED_FROM_UNRECORDED_PARAMETERS', {
      latestDir: latest.folder,
      latestDigest: groupHex(latest.manifestSha256),
    }),
  ];
}
