/**
 * Turning what a PKCS#11 module throws into Keyferry problems: a stable code, what happened in
 * the HSM's own terms (the CKR_ name), and what the operator can do next. Never includes a PIN:
 * the binding's messages carry only the function name and the return value.
 */
import { KeyferryError } from '../errors';

/** The CKR_ name of a thrown PKCS#11 error, or null when it was not one. */
export function ckrName(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const match = /^(CKR_[A-Z0-9_]+)/.exec(error.message);
  return match ? match[1]! : null;
}

/** What a failed call means for the operator, by CKR_ name. */
const NEXT_STEPS: Readonly<Record<string, { code: string; what: string; next: string }>> = {
  CKR_PIN_INCORRECT: {
    code: 'HSM_PIN_INCORRECT',
    what: 'The HSM refused the user PIN (CKR_PIN_INCORRECT).',
    next: 'Check the PIN and try again; the token locks the PIN after a few wrong tries, so stop if you are unsure.',
  },
  CKR_PIN_LOCKED: {
    code: 'HSM_PIN_LOCKED',
    what: 'The user PIN of this token is locked (CKR_PIN_LOCKED).',
    next: "Have the token's security officer unlock or reset the user PIN, then start this step again.",
  },
  CKR_PIN_LEN_RANGE: {
    code: 'HSM_PIN_INCORRECT',
    what: 'The HSM refused the user PIN: its length is outside what the token accepts (CKR_PIN_LEN_RANGE).',
    next: 'Check the PIN and try again.',
  },
  CKR_USER_PIN_NOT_INITIALIZED: {
    code: 'HSM_PIN_NOT_SET',
    what: 'This token has no user PIN yet (CKR_USER_PIN_NOT_INITIALIZED).',
    next: "Have the token's security officer set the user PIN, then start this step again.",
  },
  CKR_TOKEN_NOT_PRESENT: {
    code: 'HSM_NO_TOKEN',
    what: 'The token is no longer present in its slot (CKR_TOKEN_NOT_PRESENT).',
    next: 'Insert or reconnect the token and start this step again.',
  },
  CKR_DEVICE_REMOVED: {
    code: 'HSM_NO_TOKEN',
    what: 'The HSM was removed during the operation (CKR_DEVICE_REMOVED).',
    next: 'Reconnect the HSM and start this step again; nothing was written.',
  },
  CKR_KEY_UNEXTRACTABLE: {
    code: 'HSM_KEY_NOT_EXTRACTABLE',
    what: 'The HSM will not let this key leave it, even wrapped (CKR_KEY_UNEXTRACTABLE).',
    next: 'Generate a new key for the import (its material must be wrappable), or choose another key.',
  },
  CKR_KEY_NOT_WRAPPABLE: {
    code: 'HSM_KEY_NOT_EXTRACTABLE',
    what: 'The HSM will not wrap this key (CKR_KEY_NOT_WRAPPABLE).',
    next: 'Generate a new key for the import (its material must be wrappable), or choose another key.',
  },
  CKR_MECHANISM_INVALID: {
    code: 'HSM_MECHANISM_MISSING',
    what: 'The HSM does not support a mechanism this step needs (CKR_MECHANISM_INVALID).',
    next: 'Run `keyferry hsm info` to see what the token supports, and use a token that has it.',
  },
  CKR_MECHANISM_PARAM_INVALID: {
    code: 'HSM_MECHANISM_MISSING',
    what: 'The HSM does not accept the mechanism parameters this step needs (CKR_MECHANISM_PARAM_INVALID).',
    next: 'Run `keyferry hsm info` to see what the token supports, and use a token that has it.',
  },
};

/**
 * Wraps a PKCS#11 failure during `doing` (e.g. "logging in to token X") as a KeyferryError.
 * Known CKR_ values get their own codes; the rest keep their CKR_ name.
 */
export function hsmFailure(doing: string, error: unknown): KeyferryError {
  if (error instanceof KeyferryError) return error;
  const ckr = ckrName(error);
  const known = ckr ? NEXT_STEPS[ckr] : undefined;
  if (known) return new KeyferryError(known.code, `While ${doing}: ${known.what}`, known.next, { cause: error });
  const detail = ckr ?? (error instanceof Error ? error.message.split('\n')[0] : String(error));
  return new KeyferryError(
    'HSM_OPERATION_FAILED',
    `While ${doing}, the HSM answered ${detail}.`,
    'Nothing was written. Check the HSM is connected and healthy (`keyferry hsm info`), then try the step again.',
    { cause: error },
  );
}

/** Runs one PKCS#11 call; a failure becomes a KeyferryError saying what was being done. */
export function hsmCall<T>(doing: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw hsmFailure(doing, error);
  }
}
