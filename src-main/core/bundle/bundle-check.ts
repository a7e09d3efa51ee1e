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
import { bundleRefused, type BundleWarning } from './bundle-problem';
import type { ImportParameters } from './import-parameters';
import { verifyImportParametersContents } from './import-parameters-verify';
import type { BundleManifest } from './manifest-codec';
import type { ImportParametersManifest } from './import-parameters-manifest';
import type { WrappedKeyMaterial } from './wrapped-material';
import type { WrappedMaterialManifest } from './wrapped-material-manifest';
import { verifyWrappedMaterialContents } from './wrapped-material-verify';

/** What is present in a bundle folder (or about to be written to one). */
export interface PresentFiles {
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
      throw bundleRefused('BUNDLE_DUPLICATE_KEY', `The manifest lists key ${id} more than once.`);
    },
  );
  assertUnique(listed, (name) => {
    throw bundleRefused('BUNDLE_MANIFEST_INVALID', `The manifest lists the file ${name} more than once.`);
  });
  const expected = new Set(expectedNames(manifest));
  for (const name of listed) {
    if (!expected.has(name)) {
      throw bundleRefused(
        'BUNDLE_LAYOUT_MISMATCH',
        `The manifest lists ${name}, which does not belong to any of its keys.`,
      );
    }
  }
  const listedSet = new Set(listed);
  for (const name of expected) {
    if (!listedSet.has(name))
      throw bundleRefused('BUNDLE_LAYOUT_MISMATCH', `The manifest does not list ${name}, which its keys need.`);
  }
  for (const name of listed) {
    if (!present.files.has(name)) {
      throw bundleRefused(
        'BUNDLE_FILE_MISSING',
        `${name} is listed in the manifest but missing from the bundle folder.`,
      );
    }
  }
  const folders = new Set(foldersOf(listed));
  for (const name of present.files.keys()) {
    if (name !== MANIFEST_FILE && !listedSet.has(name)) {
      throw bundleRefused('BUNDLE_UNEXPECTED_FILE', `${name} is in the bundle folder but not in its manifest.`);
    }
  }
  for (const name of present.folders) {
    if (!folders.has(name))
      throw bundleRefused('BUNDLE_UNEXPECTED_FILE', `The folder ${name} is in the bundle but not in its manifest.`);
  }
  let total = present.files.get(MANIFEST_FILE)?.size ?? 0;
  for (const entry of manifest.files) {
    const size = present.files.get(entry.name)?.size ?? 0;
    if (size > BUNDLE_LIMITS.fileMaxBytes || entry.size > BUNDLE_LIMITS.fileMaxBytes) {
      throw bundleRefused(
        'BUNDLE_FILE_TOO_LARGE',
        `${entry.name} is larger than the ${BUNDLE_LIMITS.fileMaxBytes}-byte limit for bundle files.`,
      );
    }
    if (size !== entry.size) {
      throw bundleRefused(
        'BUNDLE_SIZE_MISMATCH',
        `${entry.name} is ${size} bytes but the manifest says ${entry.size}: it was changed or cut short.`,
      );
    }
    total += size;
  }
  if (total > BUNDLE_LIMITS.totalMaxBytes) {
    throw bundleRefused(
      'BUNDLE_TOO_LARGE',
      `The bundle holds ${total} bytes, more than the ${BUNDLE_LIMITS.totalMaxBytes}-byte limit.`,
    );
  }
}

/** Checks every listed file's bytes against its size and SHA-256 in the manifest. */
export function checkHashes(manifest: BundleManifest, files: ReadonlyMap<string, Buffer>): void {
  for (const entry of manifest.files) {
    const data = files.get(entry.name);
    if (!data) throw bundleRefused('BUNDLE_FILE_MISSING', `${entry.name} could not be read.`);
    if (data.length !== entry.size) {
      throw bundleRefused(
        'BUNDLE_SIZE_MISMATCH',
        `${entry.name} is ${data.length} bytes but the manifest says ${entry.size}: it was changed or cut short.`,
      );
    }
    if (sha256Hex(data) !== entry.sha256) {
      throw bundleRefused(
        'BUNDLE_HASH_MISMATCH',
        `${entry.name} does not match its SHA-256 in the manifest: it was changed or damaged.`,
      );
    }
  }
}

/** Runs the kind's own content checks and returns the typed keys. */
export function checkContents(manifest: BundleManifest, files: ReadonlyMap<string, Buffer>, now: Date): BundleContents {
  if (manifest.format === IMPORT_PARAMETERS_FORMAT) {
    return { kind: 'import-parameters', manifest, ...verifyImportParametersContents(manifest, files, now) };
  }
  return { kind: 'wrapped-material', manifest, ...verifyWrappedMaterialContents(manifest, files, now) };
}
