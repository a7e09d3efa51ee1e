/**
 * The online side's check of a wrapped-material bundle against what the KMS issued (as the
 * online journal recorded it): same ceremony, keys of this ceremony, the spec they were created
 * with, a token the KMS issued for that key (by SHA-256), the wrapping key issued with that
 * token, the algorithm, and a token that has not expired. Any mismatch refuses the whole bundle.
 */
import type { WrappedKeyMaterial, WrappedMaterialBundle } from '../../bundle';
import { groupHex } from '../../hex-groups';
import { KeyferryError } from '../../errors';
import { holdsImportedMaterial, type IssuedParameters, type OnlineCeremonyState, type OnlineKeyState } from './state';

export interface CheckedKey {
  readonly key: OnlineKeyState;
  readonly issued: IssuedParameters;
  readonly wrapped: WrappedKeyMaterial;
}

const REFUSED =
  'Do not import this bundle. Bring the wrapped-material bundle written on the air-gapped workstation for these parameters, unchanged.';
export const FETCH_NEW_PARAMETERS =
  'Fetch new parameters (keyferry online params), carry them to the air-gapped workstation and wrap again.';

function refuse(code: string, message: string, nextStep = REFUSED): never {
  throw new KeyferryError(code, message, nextStep);
}

function checkKey(state: OnlineCeremonyState, w: WrappedKeyMaterial, now: Date): CheckedKey {
  const key = state.keys.get(w.keyId);
  if (!key) refuse('WRAPPED_KEY_UNKNOWN', `The bundle holds key ${w.keyId}, which this ceremony did not create.`);
  if (w.keySpec !== key.spec)
    refuse(
      'WRAPPED_SPEC_MISMATCH',
      `Key ${w.keyId} was created as ${key.spec} but the bundle holds ${w.keySpec} material.`,
    );
  if (w.importTokenSha256 === null) {
    refuse(
      'WRAPPED_TOKEN_MISSING',
      `The bundle names no import token for key ${w.keyId}; the online import needs the token the KMS issued.`,
      FETCH_NEW_PARAMETERS,
    );
  }
  const issued = key.issued.find((i) => i.importTokenSha256 === w.importTokenSha256);
  if (!issued) {
    refuse(
      'WRAPPED_TOKEN_NOT_ISSUED',
      `The import token cited for key ${w.keyId} is not one the KMS issued to this ceremony.`,
    );
  }
  if (issued.wrappingKeyFingerprint !== w.wrappingKeyFingerprint) {
    refuse(
      'WRAPPED_FINGERPRINT_MISMATCH',
      `Key ${w.keyId} was wrapped under the key with fingerprint ${groupHex(w.wrappingKeyFingerprint)}, not the wrapping key the KMS issued with its token (${groupHex(issued.wrappingKeyFingerprint)}).`,
    );
  }
  if (issued.wrappingAlgorithm !== w.wrappingAlgorithm) {
    refuse(
      'WRAPPED_ALGORITHM_MISMATCH',
      `Key ${w.keyId} was wrapped with ${w.wrappingAlgorithm}, but its parameters were issued for ${issued.wrappingAlgorithm}.`,
    );
  }
  if (Date.parse(issued.tokenExpiresAt) <= now.getTime()) {
    refuse(
      'IMPORT_TOKEN_EXPIRED',
      `The import token of key ${w.keyId} expired at ${issued.tokenExpiresAt}; the KMS would refuse the import.`,
      FETCH_NEW_PARAMETERS,
    );
  }
  if (holdsImportedMaterial(key) && key.imported?.importTokenSha256 !== w.importTokenSha256) {
    refuse(
      'WRAPPED_KEY_ALREADY_IMPORTED',
      `Key ${w.keyId} was already imported with other parameters.`,
      'Check it with "keyferry online status" instead of importing again.',
    );
  }
  return { key, issued, wrapped: w };
}

/** Checks every key of `bundle` (already read and verified by the bundle reader) against `state`. */
export function checkWrappedBundleAgainstIssued(
  state: OnlineCeremonyState,
  bundle: WrappedMaterialBundle,
  now: Date,
): CheckedKey[] {
  if (bundle.manifest.ceremonyId !== state.ceremonyId) {
    refuse(
      'WRAPPED_OTHER_CEREMONY',
      `The bundle belongs to ceremony ${bundle.manifest.ceremonyId}, not to ${state.ceremonyId}.`,
    );
  }
  return bundle.keys.map((w) => checkKey(state, w, now));
}
