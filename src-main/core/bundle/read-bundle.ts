/**
 * Reads and fully verifies a transfer bundle from removable media (DESIGN rule 3): nothing in it
 * is used unless every check passes. The same reader verifies what the writer just wrote.
 */
import { z } from 'zod';
import { compareTypedDigest, differenceValues, parseTypedDigest } from '../crypto/typed-digest';
import { KeyferryError } from '../errors';
import { warningOf } from '../../i18n/warning';
import { stepsInSlices, yieldToEventLoop } from '../yield';
import { sha256Hex } from '../fs/durable-file';
import { refuseAbandonedBundle } from './abandoned-bundle';
import {
  BUNDLE_FORMATS,
  BUNDLE_LIMITS,
  IMPORT_PARAMETERS_FORMAT,
  MANIFEST_FILE,
  WRAPPED_MATERIAL_FORMAT,
  type BundleFormat,
} from './bundle-limits';
import { journalFileNameSchema, keyIdSchema, sha256HexSchema } from './manifest-common';
import { custodyArrangementSchema } from './custody-arrangement';
import { checkContents, checkHashes, checkListing, missingFiles, type BundleContents } from './bundle-check';
import { readBundleFileSteps } from './bundle-file-reader';
import { namedWithBundleFolder, type BundleWarning } from './bundle-problem';
import { scanBundleFolder, scanOneFile, type FolderScan, type ScannedFile } from './bundle-scan';
import { parseManifestInSlices, type BundleManifest } from './manifest-codec';
import { listValue } from '../../i18n/list';
import { ceremonyIdSchema } from '../identifiers';

interface ReadBundleOptions {
  /** The clock to check token expiry against. */
  readonly now: Date;
  /** When given (e.g. read aloud from a receipt), the manifest's SHA-256 must equal it. */
  readonly expectedDigest?: string;
  /**
   * Called with the manifest's SHA-256 before anything else in the bundle is looked at or used, to
   * refuse it in the caller's own words (throw); `claimedFormat()` names the format the manifest
   * claims, unchecked (parsed only when called): only to name a refusal, never to let anything in.
   * The manifest is read once for this and for the rest of the checks.
   */
  readonly proveDigest?: (digest: string, claimedFormat: () => BundleFormat | undefined) => void;
  /**
   * The bundle's folder as the person gave it (`../usb/params-1`): a refused file is then named with
   * it in front (several bundles on one stick); without it, by its path inside the bundle.
   */
  readonly shownAs?: string;
  /**
   * Called with the manifest once it is parsed and its digest proven, before the files it lists are
   * read and checked: what it says is known even of a bundle whose files are then refused.
   */
  readonly onManifest?: (manifest: BundleManifest) => void;
}

/** A verified bundle; `kind` tells which. `digest` is the SHA-256 of manifest.json's bytes. */
export type TransferBundle = BundleContents & { readonly dir: string; readonly digest: string };
export type ImportParametersBundle = Extract<TransferBundle, { kind: 'import-parameters' }>;
export type WrappedMaterialBundle = Extract<TransferBundle, { kind: 'wrapped-material' }>;

/** The listed files, one after the other, a step per chunk read (run in slices). */
function* readListedFilesSteps(
  dir: string,
  names: readonly string[],
  scan: FolderScan,
): Generator<void, Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  // Every missing file named at once, before any is read (a copy that did not finish misses several).
  const missing = names.filter((name) => !scan.files.has(name));
  if (missing.length > 0) throw missingFiles(missing);
  for (const name of names) {
    const scanned = scan.files.get(name);
    if (!scanned) throw missingFiles([name]);
    files.set(name, yield* readBundleFileSteps(dir, name, scanned, BUNDLE_LIMITS.fileMaxBytes));
    yield;
  }
  return files;
}

/** manifest.json of the bundle in `dir`, looked at and read alone, as safely as every bundle file is read. */
async function readManifestAlone(dir: string): Promise<{ scanned: ScannedFile; bytes: Buffer }> {
  await refuseAbandonedBundle(dir);
  const scanned = scanOneFile(dir, MANIFEST_FILE);
  if (!scanned) {
    throw new KeyferryError('BUNDLE_MANIFEST_MISSING', { dir, file: MANIFEST_FILE });
  }
  return {
    scanned,
    bytes: await stepsInSlices(readBundleFileSteps(dir, MANIFEST_FILE, scanned, BUNDLE_LIMITS.manifestMaxBytes)),
  };
}

/**
 * The digest of the bundle in `dir` (SHA-256 of its manifest's bytes), read without checking
 * anything else: for comparing it with a digest typed from a receipt before the bundle is used
 * (readBundle then scans and checks everything). Only the manifest is looked at and read, as
 * safely as readBundle reads it.
 */
export async function readBundleDigest(dir: string): Promise<string> {
  return sha256Hex((await readManifestAlone(dir)).bytes);
}

/**
 * The bundle in `dir`'s digest and the ceremony its manifest claims (undefined when it names none
 * readable), read as readBundleDigest reads: nothing else is checked; for a wrapped-material bundle
 * also its custody copy and its keys' check values (`material`, when they parse). The claim is the
 * manifest's only when the digest is one the officer vouched for (typed from a receipt); use it only
 * to name a refusal, never to let anything in.
 */
export async function readBundleClaimedCeremony(dir: string): Promise<{
  digest: string;
  ceremonyId?: string;
  material?: z.output<typeof claimedMaterialSchema>;
}> {
  const { bytes } = await readManifestAlone(dir);
  const claims = manifestClaims(bytes);
  const material =
    claims.format === WRAPPED_MATERIAL_FORMAT ? claimedMaterialSchema.safeParse(parsedJson(bytes)).data : undefined;
  return { ...claims, ...(material ? { material } : {}) };
}

/** The air-gapped journal a wrapped bundle's `madeBy` names for a wrap (not a custody restore): its file, first entry and session. */
export interface ClaimedWrapJournal {
  readonly file: string;
  readonly firstEntrySha256: string;
  readonly lastWrap?: { readonly seq: number; readonly sha256: string };
}

/**
 * The digest of the manifest `bytes`, the ceremony they claim (none when not JSON or naming no
 * valid id), the bundle format (none when not one Keyferry knows) and, for a wrapped-material
 * bundle made by a wrap, the journal it names (`wrappedIn`); unchecked: only to name a refusal or a
 * folder, never to let anything in.
 */
export function manifestClaims(bytes: Buffer): {
  digest: string;
  ceremonyId?: string;
  format?: BundleFormat;
  wrappedIn?: ClaimedWrapJournal;
} {
  const json = parsedJson(bytes);
  const claim = claimedCeremonySchema.safeParse(json);
  const format = claimedFormat(json);
  const wrap = format === WRAPPED_MATERIAL_FORMAT ? claimedWrapSchema.safeParse(json) : undefined;
  const made = wrap?.success ? wrap.data.madeBy : undefined;
  return {
    digest: sha256Hex(bytes),
    ...(claim.success ? { ceremonyId: claim.data.ceremonyId } : {}),
    ...(format ? { format } : {}),
    ...(made
      ? {
          wrappedIn: {
            file: made.journalFile,
            firstEntrySha256: made.journalFirstEntrySha256,
            ...(made.wrapEntry ? { lastWrap: { seq: made.wrapEntry.seq, sha256: made.wrapEntry.sha256 } } : {}),
          },
        }
      : {}),
  };
}

/**
 * The digest of the bundle in `dir` and the air-gapped session its manifest claims made it (its
 * journal's first entry and the entry that started the session; none when it names none readable),
 * read as readBundleDigest reads: nothing else is checked. Only to refuse or name, never to let
 * anything in.
 */
export async function readBundleClaimedMaker(
  dir: string,
): Promise<{ digest: string; madeBy?: z.output<typeof claimedMakerSchema>['madeBy'] }> {
  const { bytes } = await readManifestAlone(dir);
  const claim = claimedMakerSchema.safeParse(parsedJson(bytes));
  return { digest: sha256Hex(bytes), ...(claim.success ? { madeBy: claim.data.madeBy } : {}) };
}

/**
 * The key ids the manifest of the bundle in `dir` lists (none when it lists none readable), read as
 * readBundleDigest reads: nothing else is checked. Only to name a way on after a refusal (which
 * bundle read before holds the same keys), never to let anything in.
 */
export async function readBundleClaimedKeyIds(dir: string): Promise<string[]> {
  const claim = claimedKeysSchema.safeParse(parsedJson((await readManifestAlone(dir)).bytes));
  return claim.success ? claim.data.keys.map((k) => k.keyId) : [];
}

const claimedKeysSchema = z.object({ keys: z.array(z.object({ keyId: z.string() })) });
/** A wrapped manifest's custody copy (null: it names none) and each key's check value, as the online journal keeps them. */
const claimedMaterialSchema = z.object({
  custody: custodyArrangementSchema.nullable().default(null),
  keys: z.array(
    z.object({
      keyId: keyIdSchema,
      publicKeyFingerprint: sha256HexSchema.nullable(),
      keyCheckValue: z
        .string()
        .regex(/^[0-9A-F]{6}$/)
        .nullable(),
    }),
  ),
});
const claimedMakerSchema = z.object({
  madeBy: z.object({
    journalFirstEntrySha256: z.string(),
    wrapEntry: z.object({ seq: z.number(), sha256: z.string() }),
  }),
});
const claimedFormatSchema = z.object({ format: z.enum(BUNDLE_FORMATS) });
const claimedWrapSchema = z.object({
  madeBy: z.object({
    purpose: z.literal('wrap'),
    journalFile: journalFileNameSchema,
    journalFirstEntrySha256: sha256HexSchema,
    wrapEntry: z.object({ seq: z.number().int().positive(), sha256: sha256HexSchema }).optional(),
  }),
});
const claimedCeremonySchema = z.object({ ceremonyId: ceremonyIdSchema });

/** `bytes` as JSON, or undefined when they are not. */
function parsedJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** The format manifest bytes read as `json` (parsedJson) claim (undefined when none Keyferry knows, or not JSON); unchecked. */
function claimedFormat(json: unknown): BundleFormat | undefined {
  const claim = claimedFormatSchema.safeParse(json);
  return claim.success ? claim.data.format : undefined;
}

/**
 * Reads the bundle in `dir`, refusing it with a KeyferryError naming the exact problem (a file with
 * the bundle's folder in front when `options.shownAs` gives it).
 */
export async function readBundle(dir: string, options: ReadBundleOptions): Promise<TransferBundle> {
  const { shownAs } = options;
  if (shownAs === undefined) return readBundleUnnamed(dir, options);
  try {
    return await readBundleUnnamed(dir, options);
  } catch (error) {
    throw namedWithBundleFolder(error, shownAs);
  }
}

async function readBundleUnnamed(dir: string, options: ReadBundleOptions): Promise<TransferBundle> {
  const { scanned: manifestFile, bytes: manifestBytes } = await readManifestAlone(dir);
  const digest = sha256Hex(manifestBytes);
  // The manifest is parsed as JSON once (when first needed): for the format it claims and for its checks.
  let json: { readonly value: unknown } | undefined;
  const manifestJson = () => (json ??= { value: parsedJson(manifestBytes) }).value;
  options.proveDigest?.(digest, () => claimedFormat(manifestJson()));
  // Whose digest was typed: the parameters' the online workstation shows, a wrap's the receipt
  // prints; a mistyped one is refused saying where to read it (the manifest claims which, unchecked).
  const format = claimedFormat(manifestJson());
  const kind = format === IMPORT_PARAMETERS_FORMAT ? 'parameters' : format === undefined ? 'unknown' : 'wrapped';
  const expected =
    options.expectedDigest === undefined
      ? undefined
      : parseTypedDigest(options.expectedDigest, kind === 'unknown' ? 'bundle' : kind);
  const comparison = expected === undefined ? undefined : compareTypedDigest(expected, digest);
  if (comparison && !comparison.matches) {
    const values = differenceValues(comparison);
    throw comparison.slip
      ? new KeyferryError('BUNDLE_DIGEST_SLIP', { dir, kind, ...values })
      : new KeyferryError('BUNDLE_DIGEST_MISMATCH', { dir, kind, count: values.count });
  }
  // The whole folder is looked at only now; its manifest must still be the very file read above.
  const scan = await scanBundleFolder(dir);
  const listed = scan.files.get(MANIFEST_FILE);
  if (!listed || listed.dev !== manifestFile.dev || listed.ino !== manifestFile.ino) {
    throw new KeyferryError('BUNDLE_CHANGED_WHILE_READING', { file: MANIFEST_FILE });
  }
  // Every check below runs in slices or yields after it: a 100-key bundle never holds the event loop for a frame.
  const manifest = await parseManifestInSlices(manifestBytes, manifestJson());
  options.onManifest?.(manifest);
  checkListing(manifest, scan);
  const files = await stepsInSlices(
    readListedFilesSteps(
      dir,
      manifest.files.map((f) => f.name),
      scan,
    ),
  );
  checkHashes(manifest, files);
  await yieldToEventLoop();
  const contents = await checkContents(manifest, files, options.now);
  const warnings: BundleWarning[] = [...contents.warnings];
  if (scan.ignored.length > 0) {
    warnings.unshift(warningOf('OS_METADATA_IGNORED', { filesList: listValue(scan.ignored) }));
  }
  return { ...contents, warnings, dir, digest };
}
