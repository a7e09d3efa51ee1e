/** Importing one checked key's wrapped material, with the chosen material expiry. */
import { isAsymmetric } from '../crypto/key-spec';
import { KeyferryError } from '../errors';
import type { ImportOutcome } from '../kms/types';
import type { MaterialExpiry } from './ceremony-plan';
import type { OnlineKms } from './online-kms';
import { FETCH_NEW_PARAMETERS, type CheckedKey } from './wrapped-bundle-check';

/** "never" or an ISO time; asymmetric material never expires whatever was chosen. */
export function effectiveExpiry(checked: CheckedKey, expiry: MaterialExpiry): string {
  return isAsymmetric(checked.key.spec) || expiry.kind === 'never' ? 'never' : expiry.at.toISOString();
}

/** Submits import-key-material for `checked`; refuses an expired token or a past expiry first. */
export async function importCheckedKey(kms: OnlineKms, checked: CheckedKey, expiry: MaterialExpiry, now: Date): Promise<ImportOutcome> {
  const { key, issued, wrapped } = checked;
  const tokenExpiresAt = new Date(issued.tokenExpiresAt);
  if (tokenExpiresAt.getTime() <= now.getTime()) {
    throw new KeyferryError('IMPORT_TOKEN_EXPIRED', `The import token of key ${key.keyId} expired at ${issued.tokenExpiresAt}; the KMS would refuse the import.`, FETCH_NEW_PARAMETERS);
  }
  const expiresAt = effectiveExpiry(checked, expiry);
  if (expiresAt !== 'never' && Date.parse(expiresAt) <= now.getTime()) {
    throw new KeyferryError('EXPIRY_IN_PAST', `The material expiry ${expiresAt} is not in the future.`, 'Choose a later expiry, or "never".');
  }
  return kms.importKeyMaterial({
    keyId: key.keyId,
    importToken: issued.importToken,
    encryptedKeyMaterial: wrapped.encryptedKeyMaterial,
    ...(wrapped.encryptedPrivateKey ? { encryptedPrivateKey: wrapped.encryptedPrivateKey } : {}),
    ...(expiresAt !== 'never' ? { materialExpiresAt: new Date(expiresAt) } : {}),
    tokenExpiresAt,
    ...(wrapped.publicKeyDer ? { expectedPublicKeyDer: wrapped.publicKeyDer } : {}),
  });
}

/** Warnings for AES keys whose bundle asks for another expiry than the plan's (the plan's is used unless overridden). */
export function expiryWarnings(checked: readonly CheckedKey[], planExpiry: string): string[] {
  const plan = planExpiry === 'never' ? null : new Date(planExpiry).toISOString();
  return checked
    .filter((c) => !isAsymmetric(c.key.spec) && c.wrapped.materialExpiresAt !== plan)
    .map((c) => `The air-gapped side asked for material expiry ${c.wrapped.materialExpiresAt ?? 'never'} for key ${c.key.keyId}; the import uses the plan's (${planExpiry}) unless another expiry is chosen.`);
}
