/**
 * A wrapped-material bundle whose manifest is the one the air-gapped receipt names (its digest
 * matched) but whose files are not as written: one removed, added, changed or cut short. The bundle
 * reader's own advice (copy it again whole, else write it again on the machine that wrote it) fits
 * an import-parameters bundle, but the air-gapped side wiped this material after wrapping it: it
 * cannot be written again, only wrapped again. So the online import says what does work.
 */
import { causeValues, KeyferryError } from '../../errors';

/** The bundle reader's refusals of files that differ from a manifest that is itself intact. */
const FILES_NOT_AS_WRITTEN: ReadonlySet<string> = new Set([
  'BUNDLE_FILE_MISSING',
  'BUNDLE_UNEXPECTED_FILE',
  'BUNDLE_HASH_MISMATCH',
  'BUNDLE_SIZE_MISMATCH',
  'BUNDLE_LAYOUT_MISMATCH',
  'BUNDLE_FILE_TOO_LARGE',
  'BUNDLE_TOO_LARGE',
  'BUNDLE_TOO_MANY_FILES',
  'BUNDLE_SPECIAL_FILE',
  'BUNDLE_UNSAFE_PATH',
]);

/**
 * `error` as the online import (`by` import: its manifest is the one the receipt names) or
 * `bundle verify` (its manifest not checked against a receipt) says it for the wrapped bundle in
 * `dir`; other errors as they are.
 */
export function wrappedBundleRefusal(
  dir: string,
  error: unknown,
  by: 'import' | 'verify' = 'import',
  /** A key already holds this bundle's material: never wrapped again, its custody copy kept. */
  imported = false,
): unknown {
  if (!(error instanceof KeyferryError) || !FILES_NOT_AS_WRITTEN.has(error.code)) return error;
  const values = { dir, by, imported: imported ? 'yes' : 'no', ...causeValues(error) };
  return new KeyferryError('WRAPPED_BUNDLE_NOT_AS_WRAPPED', values, { cause: error });
}
