/**
 * An import that goes on (a run stopped part way, run again) gives the keys still to import the
 * expiry the keys of the same bundle imported already took: the same --expires moment, or, when
 * they took what the bundle requests, the bundle's requests again. Otherwise one bundle's import
 * leaves its keys with two expiries, and nothing says so but a line per key (a trial: 30d given,
 * Ctrl-C, run again without --expires, and the keys left to import took "never"). Replica groups
 * have their own, stricter rule (import-one-key.ts groupExpiryRefusal); a duration given again is
 * refused before the import with its own words (resumed-import-expiry.ts).
 */
import { isAsymmetric } from '../../crypto/key-spec';
import { KeyferryError } from '../../errors';
import { holdsImportedMaterial } from './state';
import { heldAndDecidedValues, isoOrNever, type ExpiryDecision } from './import-one-key';
import type { CheckedSession } from './wrapped-check-step';

/**
 * A refusal (EXPIRY_SPLITS_IMPORT) for the first AES key of `decisions` whose expiry is not the one
 * the AES keys of `checked` imported already from it all took; undefined when none were imported
 * from it, or they took different ones (no single expiry to keep).
 */
export function splitExpiryRefusal(
  decisions: readonly ExpiryDecision[],
  checked: CheckedSession,
): { keyId: string; error: KeyferryError } | undefined {
  const before = checked.keys.filter(
    (c) =>
      !isAsymmetric(c.key.spec) &&
      holdsImportedMaterial(c.key) &&
      c.key.imported?.wrappedBundleSha256 === checked.digest,
  );
  const heldSet = new Set(before.map((c) => isoOrNever(c.key.imported?.expiresAt ?? null)));
  const held = heldSet.size === 1 ? [...heldSet][0] : undefined;
  if (held === undefined) return undefined;
  // Some key took another expiry than its bundle requests: the stopped run was given that one.
  const given = before.some((c) => isoOrNever(c.wrapped.materialExpiresAt) !== held);
  const aes = decisions.filter((d) => {
    const key = checked.keys.find((c) => c.key.keyId === d.keyId)?.key;
    return key !== undefined && !isAsymmetric(key.spec);
  });
  // Each imported key took its own request, which was `held` too: the stopped run gave no --expires, or
  // gave that same moment (it cannot be told which). A key still to import may then take its own
  // request or that moment, not a third expiry.
  const differing = aes.filter((d) =>
    given ? d.effective !== held : d.effective !== d.requested && d.effective !== held,
  );
  const first = differing[0];
  if (!first) return undefined;
  return {
    keyId: first.keyId,
    error: new KeyferryError('EXPIRY_SPLITS_IMPORT', {
      keyId: first.keyId,
      count: differing.length,
      imported: before.length,
      how: given ? 'given' : 'bundle',
      ...heldAndDecidedValues(held, first),
    }),
  };
}
