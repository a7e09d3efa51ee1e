/** The errors and warnings a bundle reader or writer reports. */
import { KeyferryError } from '../errors';

/** Something a person should see while the bundle is still accepted (e.g. a token about to expire). */
export interface BundleWarning {
  readonly code: string;
  readonly message: string;
}

const REFUSED_NEXT_STEP =
  'Do not use this bundle. Write it again on the machine that made it, into a fresh folder, and check its digest.';

/** A bundle that must not be used: the message names the exact problem. */
export function bundleRefused(code: string, message: string, nextStep: string = REFUSED_NEXT_STEP): KeyferryError {
  return new KeyferryError(code, message, nextStep);
}

/** Input handed to a bundle writer that cannot make a correct bundle; nothing was written. */
export function bundleInputInvalid(message: string, cause?: unknown): KeyferryError {
  return new KeyferryError(
    'BUNDLE_INPUT_INVALID',
    message,
    'Nothing was written. Correct the ceremony input and write the bundle again.',
    cause === undefined ? undefined : { cause },
  );
}
