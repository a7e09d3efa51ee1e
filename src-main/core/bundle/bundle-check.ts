/**
 * The checks of a bundle that need no disk: the manifest's file list against the format's layout
 * and against what is present, the hashes, and the per-kind contents. The reader runs them on
 * what it found on the media; the writer runs them on what it is about to write.
 */
import { sha256Hex } from '../fs/durable-file';
import { BUNDLE_LIMITS, IMPORT_PARAMETERS_FORMAT, MANIFEST_FILE } from './bundle-limits';
import {
  assertSafeRelativeName,
  foldersOf,
  importParametersFileNames,
  wrappedMaterialFileNames,
} from './bundle-layout';
import { KeyferryError } from '../errors';
import type { BundleWarning } from './bundle-problem';
import type { ImportParameters } from './import-parameters';
import { verifyImportParametersContents } from './import-parameters-verify';
import type { BundleManifest } from './manifest-codec';
import type { ImportParametersManifest } from './import-parameters-manifest';
import type { WrappedKeyMaterial } from './wrapped-material';
import type { WrappedMaterialManifest } from './wrapped-material-manifest';
import { verifyWrappedMaterialContents } from './wrapped-material-verify';
import { listValue } from '../../i18n/list';

/** How many missing files BUNDLE_FILE_MISSING names; the rest are counted. */
const MISSING_NAMED = 10;

/** BUNDLE_FILE_MISSING for the listed files `missing` (one or more), naming the first MISSING_NAMED. */
export function missingFiles(missing: readonly string[]): KeyferryError {
  return new KeyferryError('BUNDLE_FILE_MISSING', {
    where: 'listed',
    file: missing[0] ?? '',
    count: missing.length,
    filesList: listValue(missing.slice(0, MISSING_NAMED)),
    more: Math.max(0, missing.length - MISSING_NAMED),
  });
}

/** What is present in a bundle folder (or about to be written to one). */
interface PresentFiles {
  readonly files: ReadonlyMap<string, { readonly size: number }>;
  readonly folders: ReadonlySet<string>;
}

export type BundleContents =
  | {
      kind: 'import-parameters';
      manifest: ImportParametersManifest;
      keys: ImportParameters[];
      warnings: BundleWarning[];
    }
  | {
      kind: 'wrapped-material';
      manifest: WrappedMaterialManifest;
      keys: WrappedKeyMaterial[];
      warnings: BundleWarning[];
    };

function assertUnique(values: readonly string[], onDuplicate: (value: string) => never): void {
  const seen = new Set<string>();
  for (const value of values) {
    // Case-insensitive: FAT and exFAT media would fold two such names into one file.
    const folded = value.toLowerCase();
    if (seen.has(folded)) onDuplicate(value);
    seen.add(folded);
  }
}

function expectedNames(manifest: BundleManifest): string[] {
  return manifest.format === IMPORT_PARAMETERS_FORMAT
    ? importParametersFileNames(manifest.keys.map((k) => k.keyId))
    : wrappedMaterialFileNames(manifest.keys);
}

/** Checks the manifest's names, keys, layout and sizes, and that exactly the listed files are present. */
export function checkListing(manifest: BundleManifest, present: PresentFiles): void {
  const listed = manifest.files.map((f) => f.name);
  listed.forEach(assertSafeRelativeName);
  assertUnique(
    manifest.keys.map((k) => k.keyId),
    (id) => {
      throw new KeyferryError('BUNDLE_DUPLICATE_KEY', { keyId: id });
    },
  );
  assertUnique(listed, (name) => {
    throw new KeyferryError('BUNDLE_DUPLICATE_FILE', { file: name });
  });
  const expected = new Set(expectedNames(manifest));
  for (const name of listed) {
    if (!expected.has(name)) {
      throw new KeyferryError('BUNDLE_LAYOUT_MISMATCH', { listing: 'extra', file: name });
    }
  }
  const listedSet = new Set(listed);
  for (const name of expected) {
    if (!listedSet.has(name)) throw new KeyferryError('BUNDLE_LAYOUT_MISMATCH', { listing: 'missing', file: name });
  }
  // Every missing file named at once (a copy that did not finish misses several; one a run would take too long).
  const missing = listed.filter((name) => !present.files.has(name));
  if (missing.length > 0) throw missingFiles(missing);
  const folders = new Set(foldersOf(listed));
  for (const name of present.files.keys()) {
    if (name !== MANIFEST_FILE && !listedSet.has(name)) {
      throw new KeyferryError('BUNDLE_UNEXPECTED_FILE', { entry: 'file', name });
    }
  }
  for (const name of present.folders) {
    if (!folders.has(name)) throw new KeyferryError('BUNDLE_UNEXPECTED_FILE', { entry: 'folder', name });
  }
  let total = present.files.get(MANIFEST_FILE)?.size ?? 0;
  for (const entry of manifest.files) {
    const size = present.files.get(entry.name)?.size ?? 0;
    if (size > BUNDLE_LIMITS.fileMaxBytes || entry.size > BUNDLE_LIMITS.fileMaxBytes) {
      throw new KeyferryError('BUNDLE_FILE_TOO_LARGE', { file: entry.name, limit: BUNDLE_LIMITS.fileMaxBytes });
    }
    if (size !== entry.size) {
      throw new KeyferryError('BUNDLE_SIZE_MISMATCH', { file: entry.name, size, expected: entry.size });
    }
    total += size;
  }
  if (total > BUNDLE_LIMITS.totalMaxBytes) {
    throw new KeyferryError('BUNDLE_TOO_LARGE', { total, limit: BUNDLE_LIMITS.totalMaxBytes });
  }
}

/** Checks every listed file's bytes against its size and SHA-256 in the manifest. */
export function checkHashes(manifest: BundleManifest, files: ReadonlyMap<string, Buffer>): void {
  for (const entry of manifest.files) {
    const data = files.get(entry.name);
    if (!data)
      throw new KeyferryError('BUNDLE_FILE_MISSING', {
        where: 'unread',
        file: entry.name,
        count: 1,
        filesList: '',
        more: 0,
      });
    if (data.length !== entry.size) {
      throw new KeyferryError('BUNDLE_SIZE_MISMATCH', { file: entry.name, size: data.length, expected: entry.size });
    }
    if (sha256Hex(data) !== entry.sha256) {
      throw new KeyferryError('BUNDLE_HASH_MISMATCH', { file: entry.name });
    }
  }
}

/** Runs the kind's own content checks (a key at a time, see core/yield.ts) and returns the typed keys. */
export async function checkContents(
  manifest: BundleManifest,
  files: ReadonlyMap<string, Buffer>,
  now: Date,
): Promise<BundleContents> {
  if (manifest.format === IMPORT_PARAMETERS_FORMAT) {
    return { kind: 'import-parameters', manifest, ...(await verifyImportParametersContents(manifest, files, now)) };
  }
  return { kind: 'wrapped-material', manifest, ...(await verifyWrappedMaterialContents(manifest, files, now)) };
}
