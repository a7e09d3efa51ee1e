/** The errors and warnings a bundle reader or writer reports. */
import path from 'node:path';
import { causeValues, KeyferryError } from '../errors';
import type { ProblemValues } from '../../i18n/catalogue';
import type { Warning } from '../../i18n/warning';

/** Something a person should see while the bundle is still accepted (e.g. a token about to expire). */
export type BundleWarning = Warning;

/** Why a wrapped-material key's manifest fields do not fit its key spec. */
export type SpecProblem =
  'kcvOnAsymmetric' | 'noFingerprint' | 'expiryOnAsymmetric' | 'noKcv' | 'fingerprintOnSymmetric';

/** The ways a manifest can be invalid, each with the values its sentence names. */
type ManifestInvalid =
  | { readonly reason: 'notJson' | 'notObject' | 'formatVersion'; readonly file: string }
  | {
      readonly reason: 'schema';
      readonly file: string;
      readonly format: string;
      readonly fieldCount: number;
      readonly fieldsList: string;
    }
  | { readonly reason: 'spec'; readonly keyId: string; readonly keySpec: string; readonly problem: SpecProblem };

/** BUNDLE_MANIFEST_INVALID: one code (callers and tests match it), one sentence per `reason`. */
export function manifestInvalid(values: ManifestInvalid): KeyferryError {
  return new KeyferryError('BUNDLE_MANIFEST_INVALID', values as unknown as ProblemValues<'BUNDLE_MANIFEST_INVALID'>);
}

/** The ways bundle input can be unusable, each with the values its sentence names. */
type InputInvalid =
  | {
      readonly reason: 'consoleFiles' | 'noToken' | 'wrappingKeyBase64';
      readonly keyId: string;
    }
  | { readonly reason: 'privateKeyMissing' | 'symmetricExtra'; readonly keyId: string; readonly keySpec: string }
  | { readonly reason: 'tokenExpiry' | 'notKeyId'; readonly value: string }
  | { readonly reason: 'importToken' }
  | {
      readonly reason: 'keyUnusable';
      readonly keyId: string;
      readonly fieldCount: number;
      readonly fieldsList: string;
    };

/** Input handed to a bundle writer that cannot make a correct bundle; nothing was written. */
export function bundleInputInvalid(values: InputInvalid): KeyferryError {
  return new KeyferryError('BUNDLE_INPUT_INVALID', values as unknown as ProblemValues<'BUNDLE_INPUT_INVALID'>);
}

/** BUNDLE_INPUT_INVALID because a check refused `error` (a bundle being written, a KMS answer). */
export function bundleInputRefused(
  error: KeyferryError,
  reason: 'wouldBeRefused' | 'kmsAnswerRefused' = 'wouldBeRefused',
): KeyferryError {
  return new KeyferryError(
    'BUNDLE_INPUT_INVALID',
    { reason, ...causeValues(error) } as unknown as ProblemValues<'BUNDLE_INPUT_INVALID'>,
    { cause: error },
  );
}

/** What a reader was doing when the file system refused it. */
type UnreadableAction = 'open' | 'read' | 'look' | 'list';

/**
 * BUNDLE_UNREADABLE for the file-system failure `error` while `action` on `name`. A refusal of
 * permission (EACCES, EPERM) is its own cause, with its own advice: reconnecting the media, the
 * advice for an input/output error or a vanished file, cannot help a folder this account may not read.
 */
export function bundleUnreadable(action: UnreadableAction, name: string, error: unknown): KeyferryError {
  const errno = (error as NodeJS.ErrnoException | undefined)?.code ?? 'error';
  const cause = errno === 'EACCES' || errno === 'EPERM' ? 'denied' : 'media';
  return new KeyferryError('BUNDLE_UNREADABLE', { action, name, errno, cause }, { cause: error });
}

/**
 * The value naming a file inside the bundle, per problem that names one: a file changed, cut short,
 * missing or added (the manifest's own file too). Names the manifest merely lists (a duplicate, an
 * unsafe name) and folders named whole are left as they are.
 */
const FILE_IN_BUNDLE: Readonly<Record<string, 'file' | 'name'>> = {
  BUNDLE_SIZE_MISMATCH: 'file',
  BUNDLE_HASH_MISMATCH: 'file',
  BUNDLE_FILE_MISSING: 'file',
  BUNDLE_FILE_TOO_LARGE: 'file',
  BUNDLE_CHANGED_WHILE_READING: 'file',
  BUNDLE_TOKEN_FILE_MISMATCH: 'file',
  BUNDLE_PUBLIC_KEY_MISMATCH: 'file',
  BUNDLE_MANIFEST_INVALID: 'file',
  BUNDLE_MANIFEST_NOT_CANONICAL: 'file',
  BUNDLE_MANIFEST_CHECKSUM_MISMATCH: 'file',
  BUNDLE_UNKNOWN_FORMAT: 'file',
  BUNDLE_UNEXPECTED_FILE: 'name',
  BUNDLE_SPECIAL_FILE: 'name',
};

/**
 * `error` naming its file with the bundle's folder `shownAs` in front (`../usb/params-1/keys/…/PublicKey.b64`,
 * not `keys/…/PublicKey.b64`): on a stick with several bundles the path inside one names none of them.
 * Any other error is returned as it is.
 */
export function namedWithBundleFolder(error: unknown, shownAs: string): unknown {
  if (!(error instanceof KeyferryError) || !error.values) return error;
  const field = FILE_IN_BUNDLE[error.code];
  const inside = field === undefined ? undefined : error.values[field];
  if (typeof inside !== 'string' || inside === '' || path.isAbsolute(inside)) return error;
  const values = { ...error.values, [field as string]: path.join(shownAs, inside) };
  return new KeyferryError(error.code, values as never, { cause: error });
}
