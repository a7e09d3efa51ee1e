/**
 * A wrapped-material bundle offered once every key of the ceremony holds imported material (the
 * ceremony finished, or imported and not yet verified). The step guard refuses it as out of order,
 * which is right when it is the bundle imported (check the keys instead), but says nothing of what
 * matters when the digest typed names ANOTHER bundle: the keys hold the imported bundle's material
 * and the KMS takes no other into them (KMS.2606), so another wrap's material (a wrap again on the
 * air-gapped side, or an older wrap carried over by mistake) can never replace it, and the receipt
 * and custody set that back the keys up are those of the wrap whose bundle was imported, not those
 * of the bundle in hand. The refusal names both digests; nothing is read from the bundle.
 */
import { groupHex } from '../../hex-groups';
import { KeyferryError } from '../../errors';
import { parseTypedDigest } from '../../crypto/typed-digest';
import { holdsImportedMaterial, type OnlineCeremonyState, type OnlineKeyState } from './state';

/**
 * `refusal` (the step guard's), or WRAPPED_OTHER_THAN_IMPORTED when every key holds imported
 * material and `typed` is a well-formed digest of another bundle than the one last checked.
 */
export function otherBundleAfterImport(
  state: {
    readonly keys: ReadonlyMap<string, Pick<OnlineKeyState, 'imported' | 'materialDeleted'>>;
    readonly wrappedBundle?: OnlineCeremonyState['wrappedBundle'];
  },
  typed: string | undefined,
  dir: string,
  refusal: unknown,
): unknown {
  const imported = state.wrappedBundle?.manifestSha256;
  const keys = [...state.keys.values()];
  if (!imported || typeof typed !== 'string' || keys.length === 0 || !keys.every(holdsImportedMaterial)) return refusal;
  let digest: string;
  try {
    digest = parseTypedDigest(typed, 'wrapped');
  } catch {
    return refusal;
  }
  if (digest === imported) return refusal;
  return new KeyferryError('WRAPPED_OTHER_THAN_IMPORTED', {
    dir,
    typed: groupHex(digest),
    imported: groupHex(imported),
    count: keys.length,
  });
}
