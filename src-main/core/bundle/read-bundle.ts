/**
 * Reads and fully verifies a transfer bundle from removable media (DESIGN rule 3): nothing in it
 * is used unless every check passes. The same reader verifies what the writer just wrote.
 */
import { z } from 'zod';
import { compareTypedDigest, differenceValues, parseTypedDigest } from '../crypto/typed-digest';
import { KeyferryError } from '../errors';
import { warningOf } from '../../i18n/warning';
import { yieldToEventLoop } from '../yield';
import { sha256Hex } from '../fs/durable-file';
import { refuseAbandonedBundle } from './abandoned-bundle';
import { BUNDLE_FORMATS, BUNDLE_LIMITS, MANIFEST_FILE, type BundleFormat } from './bundle-limits';
import { checkContents, checkHashes, checkListing, type BundleContents } from './bundle-check';
import { readBundleFile } from './bundle-file-reader';
import type { BundleWarning } from './bundle-problem';
import { scanBundleFolder, scanOneFile, type FolderScan } from './bundle-scan';
import { parseManifestInSlices } from './manifest-codec';

export interface ReadBundleOptions {
  /** The clock to check token expiry against. */
  readonly now: Date;
  /** When given (e.g. read aloud from a receipt), the manifest's SHA-256 must equal it. */
  readonly expectedDigest?: string;
}

/** A verified bundle; `kind` tells which. `digest` is the SHA-256 of manifest.json's bytes. */
export type TransferBundle = BundleContents & { readonly dir: string; readonly digest: string };
export type ImportParametersBundle = Extract<TransferBundle, { kind: 'import-parameters' }>;
export type WrappedMaterialBundle = Extract<TransferBundle, { kind: 'wrapped-material' }>;

const READ_CONCURRENCY = 8;

async function readListedFiles(dir: string, names: readonly string[], scan: FolderScan): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < names.length) {
      const name = names[next++] as string;
      const scanned = scan.files.get(name);
      if (!scanned) throw new KeyferryError('BUNDLE_FILE_MISSING', { where: 'listed', file: name });
      files.set(name, await readBundleFile(dir, name, scanned, BUNDLE_LIMITS.fileMaxBytes));
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, names.length) }, worker));
  return files;
}

async function readManifestBytes(dir: string): Promise<{ scan: FolderScan; manifestBytes: Buffer }> {
  await refuseAbandonedBundle(dir);
  const scan = await scanBundleFolder(dir);
  const manifestFile = scan.files.get(MANIFEST_FILE);
  if (!manifestFile) {
    throw new KeyferryError('BUNDLE_MANIFEST_MISSING', { dir, file: MANIFEST_FILE });
  }
  return {
    scan,
    manifestBytes: await readBundleFile(dir, MANIFEST_FILE, manifestFile, BUNDLE_LIMITS.manifestMaxBytes),
  };
}

/** manifest.json of the bundle in `dir`, looked at and read alone, as safely as readBundle reads it. */
async function readManifestAlone(dir: string): Promise<Buffer> {
  await refuseAbandonedBundle(dir);
  const manifestFile = await scanOneFile(dir, MANIFEST_FILE);
  if (!manifestFile) {
    throw new KeyferryError('BUNDLE_MANIFEST_MISSING', { dir, file: MANIFEST_FILE });
  }
  return readBundleFile(dir, MANIFEST_FILE, manifestFile, BUNDLE_LIMITS.manifestMaxBytes);
}

/**
 * The digest of the bundle in `dir` (SHA-256 of its manifest's bytes), read without checking
 * anything else: for comparing it with a digest typed from a receipt before the bundle is used
 * (readBundle then scans and checks everything). Only the manifest is looked at and read, as
 * safely as readBundle reads it.
 */
export async function readBundleDigest(dir: string): Promise<string> {
  return (await readBundleDigestAndFormat(dir)).digest;
}

const claimedFormat = z.object({ format: z.enum(BUNDLE_FORMATS) });

/**
 * The digest of the bundle in `dir`, and the format its manifest claims (undefined when it claims
 * none Keyferry knows or is not JSON). The claim is unchecked: it may only name a refusal (a bundle
 * of the other kind brought by mistake), never let anything in.
 */
export async function readBundleDigestAndFormat(
  dir: string,
): Promise<{ digest: string; claimedFormat: BundleFormat | undefined }> {
  const manifestBytes = await readManifestAlone(dir);
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifestBytes.toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const claim = claimedFormat.safeParse(parsed);
  return { digest: sha256Hex(manifestBytes), claimedFormat: claim.success ? claim.data.format : undefined };
}

/** Reads the bundle in `dir`, refusing it with a KeyferryError naming the exact problem. */
export async function readBundle(dir: string, options: ReadBundleOptions): Promise<TransferBundle> {
  const expected =
    options.expectedDigest === undefined ? undefined : parseTypedDigest(options.expectedDigest, 'bundle');
  const { scan, manifestBytes } = await readManifestBytes(dir);
  const digest = sha256Hex(manifestBytes);
  const comparison = expected === undefined ? undefined : compareTypedDigest(expected, digest);
  if (comparison && !comparison.matches) {
    const values = differenceValues(comparison);
    throw comparison.slip
      ? new KeyferryError('BUNDLE_DIGEST_SLIP', { dir, ...values })
      : new KeyferryError('BUNDLE_DIGEST_MISMATCH', { dir, count: values.count });
  }
  // Every check below runs in slices or yields after it: a 100-key bundle never holds the event loop for a frame.
  const manifest = await parseManifestInSlices(manifestBytes);
  checkListing(manifest, scan);
  const files = await readListedFiles(
    dir,
    manifest.files.map((f) => f.name),
    scan,
  );
  checkHashes(manifest, files);
  await yieldToEventLoop();
  const contents = await checkContents(manifest, files, options.now);
  const warnings: BundleWarning[] = [...contents.warnings];
  if (scan.ignored.length > 0) {
    warnings.unshift(warningOf('OS_METADATA_IGNORED', { files: scan.ignored.join(', ') }));
  }
  return { ...contents, warnings, dir, digest };
}
