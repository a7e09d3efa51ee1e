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

type ParametersBundle = NonNullable<OnlineCeremonyState['parametersBundle']>;

/** The parameters bundle whose tokens every checked key's import uses; undefined when they do not all come from one the journal records. */
export function parametersBundleWrapped(
  state: Pick<OnlineCeremonyState, 'parametersBundleOfToken'>,
  checked: readonly Pick<CheckedKey, 'issued'>[],
): ParametersBundle | undefined {
  const carriers = checked.map((c) => state.parametersBundleOfToken.get(c.issued.importTokenSha256));
  const [first] = carriers;
  if (!first || carriers.some((b) => b?.manifestSha256 !== first.manifestSha256)) return undefined;
  return first;
}

/** The warning when `wrapped` is not the last parameters bundle this ceremony wrote; none otherwise. */
export function earlierParametersWarning(
  state: Pick<OnlineCeremonyState, 'parametersBundle'>,
  wrapped: ParametersBundle | undefined,
): Warning[] {
  const latest = state.parametersBundle;
  if (!wrapped || !latest || wrapped.manifestSha256 === latest.manifestSha256) return [];
  return [
    warningOf('WRAPPED_FROM_EARLIER_PARAMETERS', {
      dir: wrapped.folder,
      digest: groupHex(wrapped.manifestSha256),
      latestDir: latest.folder,
      latestDigest: groupHex(latest.manifestSha256),
    }),
  ];
}
