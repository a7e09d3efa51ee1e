/**
 * Turning what a PKCS#11 module throws into Keyferry problems: a stable code, what happened in
 * the HSM's own terms (the CKR_ name) and the operation, rendered from the catalogue. Never
 * includes a PIN: the binding's messages carry only the function name and the return value.
 */
import { KeyferryError } from '../errors';

/** What Keyferry was doing when the HSM failed (a select value of the catalogue texts). */
type HsmOperation =
  | 'module'
  | 'slots'
  | 'token'
  | 'mechanisms'
  | 'session'
  | 'login'
  | 'logout'
  | 'generate'
  | 'attributes'
  | 'find'
  | 'import'
  | 'wrap'
  | 'kcv'
  | 'trial'
  | 'destroy'
  | 'discard';

/** The CKR_ name of a thrown PKCS#11 error, or null when it was not one. */
export function ckrName(error: unknown): string | null {
  const source = error instanceof KeyferryError ? error.cause : error;
  if (!(source instanceof Error)) return null;
  const match = /^(CKR_[A-Z0-9_]+)/.exec(source.message);
  return match ? match[1]! : null;
}

const MECHANISM_REFUSALS = new Set(['CKR_MECHANISM_INVALID', 'CKR_MECHANISM_PARAM_INVALID', 'CKR_ARGUMENTS_BAD']);
const WRAP_REFUSALS = new Set(['CKR_KEY_UNEXTRACTABLE', 'CKR_KEY_NOT_WRAPPABLE']);
const TOKEN_GONE = new Set(['CKR_TOKEN_NOT_PRESENT', 'CKR_DEVICE_REMOVED', 'CKR_SESSION_HANDLE_INVALID']);

/** Wraps a PKCS#11 failure during `operation` as a KeyferryError with its own code. */
export function hsmFailure(operation: HsmOperation, error: unknown): KeyferryError {
  if (error instanceof KeyferryError) return error;
  const ckr = ckrName(error) ?? (error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : 'an error');
  const options = { cause: error };
  if (TOKEN_GONE.has(ckr)) return new KeyferryError('HSM_TOKEN_GONE', { ckr }, options);
  if (WRAP_REFUSALS.has(ckr)) return new KeyferryError('HSM_KEY_WRAP_REFUSED', { ckr }, options);
  if (MECHANISM_REFUSALS.has(ckr)) return new KeyferryError('HSM_MECHANISM_REFUSED', { operation, ckr }, options);
  return new KeyferryError('HSM_OPERATION_FAILED', { operation, ckr }, options);
}

/** Runs one PKCS#11 call; a failure becomes a KeyferryError naming the operation. */
export function hsmCall<T>(operation: HsmOperation, call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw hsmFailure(operation, error);
  }
}
