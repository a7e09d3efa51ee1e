/**
 * Writes a bundle folder durably (DESIGN rule 2): a fresh folder, every file exclusive and
 * fsynced, the manifest last, then everything read back and verified by the same reader used for
 * incoming bundles. A failed write never leaves a folder that verifies as a bundle. A wrapped bundle
 * is staged (everything but its manifest) and completed only once its receipt is on the media.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { causeValues, KeyferryError } from '../errors';
import {
  createFreshFolder,
  fsyncDirectory,
  nodeFileLayer,
  sha256Hex,
  writeFileExclusive,
  type FileLayer,
} from '../fs/durable-file';
import {
  failureOfChangedFolder,
  recordingLayer,
  refuseMovedFolders,
  removeCreatedEntries,
  type RemovedEntries,
} from '../fs/created-entries';
import { listValue } from '../../i18n/list';
import { MANIFEST_FILE } from './bundle-limits';
import { checkContents, checkHashes, checkListing } from './bundle-check';
import { KEYFERRY_CREATOR, type BundleCreator } from './bundle-creator';
import { foldersOf } from './bundle-layout';
import { bundleInputRefused, type BundleWarning } from './bundle-problem';
import { checkManifestSchemaInSlices, sealManifest, serializeManifest, type BundleManifest } from './manifest-codec';
import { yieldToEventLoop } from '../yield';
import { readBundle } from './read-bundle';
import { formatVersionFor } from './replica-groups';
import { forEachConcurrently } from '../concurrency';

export interface WriteBundleOptions {
  /** Clock for the token checks (default: now). */
  readonly now?: Date;
  /** The manifest's creation time (default: `now`). */
  readonly createdAt?: Date;
  /** The manifest's creator (default: this Keyferry). */
  readonly creator?: BundleCreator;
  /** File operations; tests inject faults here. */
  readonly layer?: FileLayer;
  /**
   * A stop (Ctrl-C): once aborted, no further file or folder is started, and what this write created
   * is removed again (the write fails with BUNDLE_WRITE_FAILED, saying what was removed).
   */
  readonly signal?: AbortSignal;
}

export interface WrittenBundle<M extends BundleManifest> {
  readonly dir: string;
  /** SHA-256 of manifest.json's bytes: the bundle's digest, printed on receipts. */
  readonly digest: string;
  readonly manifest: M;
  readonly warnings: BundleWarning[];
}

export interface PlannedFile {
  readonly name: string;
  readonly data: Buffer;
}

export interface BundleDraft {
  readonly format: BundleManifest['format'];
  readonly ceremonyId: string;
  /** Import-parameters bundles: the ceremony facts the air-gapped side starts from (optional). */
  readonly ceremony?: object;
  /** Wrapped-material bundles: the custody arrangement of the material. */
  readonly custody?: object;
  /** Wrapped-material bundles: who made the material on the air-gapped side (format version 3). */
  readonly madeBy?: object;
  readonly keys: readonly object[];
  readonly files: readonly PlannedFile[];
}

/**
 * Builds the manifest and runs every check the reader will run, before anything touches the media
 * (in slices, as the reader does).
 */
async function planManifest(draft: BundleDraft, options: WriteBundleOptions, now: Date): Promise<BundleManifest> {
  try {
    const manifest = sealManifest(
      await checkManifestSchemaInSlices({
        format: draft.format,
        formatVersion: formatVersionFor(
          draft.keys as readonly { replicaOf?: string }[],
          draft.ceremony,
          draft.madeBy,
          draft.custody,
        ),
        ceremonyId: draft.ceremonyId,
        createdBy: { ...(options.creator ?? KEYFERRY_CREATOR) },
        createdAt: (options.createdAt ?? now).toISOString(),
        ...(draft.custody ? { custody: draft.custody } : {}),
        ...(draft.madeBy ? { madeBy: draft.madeBy } : {}),
        ...(draft.ceremony ? { ceremony: draft.ceremony } : {}),
        keys: draft.keys,
        files: draft.files.map((f) => ({ name: f.name, size: f.data.length, sha256: sha256Hex(f.data) })),
        manifestChecksum: '0'.repeat(64),
      }),
    );
    // Sealing (the whole manifest serialized and hashed), the listing and the hashes each take a turn
    // of their own: for 100 keys, together with the schema's last slice, they held the loop for 10 ms.
    await yieldToEventLoop();
    const files = new Map(draft.files.map((f) => [f.name, f.data]));
    const sizes = new Map(draft.files.map((f) => [f.name, { size: f.data.length }]));
    checkListing(manifest, { files: sizes, folders: new Set(foldersOf([...files.keys()])) });
    await yieldToEventLoop();
    checkHashes(manifest, files);
    await yieldToEventLoop();
    await checkContents(manifest, files, now);
    return manifest;
  } catch (error) {
    if (error instanceof KeyferryError && error.code !== 'BUNDLE_INPUT_INVALID') {
      throw bundleInputRefused(error);
    }
    throw error;
  }
}

const folderDepth = (folder: string) => folder.split('/').length;

/** Files written at once: their fsyncs overlap on libuv's thread pool (and in the file system's journal). */
const FILE_WRITE_CONCURRENCY = 8;

/**
 * Creates every folder, writes every file (each exclusive and fsynced, several at once), then
 * fsyncs every folder once and the bundle folder last: when this resolves every file and every
 * folder entry is on the media, with one fsync per folder instead of one per file and folder.
 */
async function writeContents(dir: string, draft: BundleDraft, layer: FileLayer) {
  const folders = foldersOf(draft.files.map((f) => f.name));
  // A folder's parent first (foldersOf lists them by depth); the folders of one depth at once.
  for (const depth of new Set(folders.map(folderDepth))) {
    await forEachConcurrently(
      folders.filter((folder) => folderDepth(folder) === depth),
      FILE_WRITE_CONCURRENCY,
      (folder) => createFreshFolder(path.join(dir, folder), layer, { syncParent: false }),
    );
  }
  await forEachConcurrently(draft.files, FILE_WRITE_CONCURRENCY, (file) =>
    writeFileExclusive(path.join(dir, file.name), file.data, { layer, syncFolder: false }),
  );
  await forEachConcurrently(folders, FILE_WRITE_CONCURRENCY, (folder) => fsyncDirectory(path.join(dir, folder), layer));
  await fsyncDirectory(dir, layer);
}

/**
 * A bundle whose every file is written and fsynced except manifest.json, the file that makes the
 * folder a bundle: until `complete()` no reader takes it for one (BUNDLE_MANIFEST_MISSING). Its
 * digest is known already, so a receipt naming it can be written first.
 */
export interface StagedBundle<M extends BundleManifest> {
  readonly dir: string;
  /** SHA-256 of the manifest that `complete()` writes: the bundle's digest. */
  readonly digest: string;
  readonly manifest: M;
  /** Writes manifest.json (exclusive, fsynced) and verifies the whole bundle from disk. */
  complete(): Promise<WrittenBundle<M>>;
}

/** Writes every file of `draft` except its manifest into the new folder `dir`; see StagedBundle. */
export function stageBundleFolder<M extends BundleManifest>(
  dir: string,
  draft: BundleDraft,
  options: WriteBundleOptions = {},
): Promise<StagedBundle<M>> {
  return stageFolder<M>(dir, draft, options, false);
}

/**
 * Stages `draft` in `dir`; a failed write removes what this attempt created there again
 * (fs/created-entries.ts), and so does a failed `complete()` when `whole` (the bundle is written in
 * one go). A staged bundle whose manifest then fails is withdrawn by its session instead: its
 * receipt already names the digest (airgap/session-stop.ts).
 */
async function stageFolder<M extends BundleManifest>(
  dir: string,
  draft: BundleDraft,
  options: WriteBundleOptions,
  whole: boolean,
): Promise<StagedBundle<M>> {
  const now = options.now ?? new Date();
  const manifest = (await planManifest(draft, options, now)) as M;
  const manifestBytes = serializeManifest(manifest);
  const digest = sha256Hex(manifestBytes);
  // What this attempt creates, so a failed write takes exactly that away again.
  const { layer, created } = recordingLayer(options.layer ?? nodeFileLayer, options.signal);
  const failed = async (error: unknown) => {
    const failure = await failureOfChangedFolder(error, created);
    return writeFailed(dir, failure, await removeCreatedEntries(created));
  };
  try {
    await createFreshFolder(dir, layer);
  } catch (error) {
    // An existing folder is left untouched and reported as such, unless it is empty (the preflight's
    // "new or empty": the files go in exclusively all the same); anything else is a failed write.
    if (((error as Error).cause as NodeJS.ErrnoException | undefined)?.code === 'EEXIST') {
      if (!(await isEmptyFolder(dir))) throw error;
    } else throw await failed(error);
  }
  try {
    await writeContents(dir, draft, layer);
  } catch (error) {
    throw await failed(error);
  }
  let completing: Promise<WrittenBundle<M>> | undefined;
  const complete = async (): Promise<WrittenBundle<M>> => {
    try {
      // The folder named must still be the one the files went into, before the manifest makes it a
      // bundle and again once it verified (what was verified is what is at that path).
      await refuseMovedFolders(created);
      // Fsynced, and the bundle folder after it (writeFileExclusive), before it is read back.
      await writeFileExclusive(path.join(dir, MANIFEST_FILE), manifestBytes, { layer });
      const read = await readBundle(dir, { now, expectedDigest: digest });
      await refuseMovedFolders(created);
      return { dir, digest, manifest, warnings: read.warnings };
    } catch (error) {
      if (whole) throw await failed(error);
      await fs.rm(path.join(dir, MANIFEST_FILE), { force: true }).catch(() => undefined);
      throw writeFailed(dir, error);
    }
  };
  return {
    dir,
    digest,
    manifest,
    complete: () => (completing ??= complete()),
  };
}

/** Whether `dir` is a folder (not a link to one) holding nothing. */
async function isEmptyFolder(dir: string): Promise<boolean> {
  const stat = await fs.lstat(dir).catch(() => undefined);
  if (!stat?.isDirectory()) return false;
  return (await fs.readdir(dir).catch(() => ['?'])).length === 0;
}

/** Writes `draft` into the new folder `dir`, manifest last, and verifies it from disk. */
export async function writeBundleFolder<M extends BundleManifest>(
  dir: string,
  draft: BundleDraft,
  options: WriteBundleOptions = {},
): Promise<WrittenBundle<M>> {
  const staged = await stageFolder<M>(dir, draft, options, true);
  return staged.complete();
}

/**
 * What went wrong, as values: a refusal of the written bundle is its cause, else the system's error
 * code. `removed`: what this attempt had created was taken away again ('removed': the folder is as
 * it was before, the same write can run again; 'partial': `leftoversList` is to be deleted by hand; 'moved': files are
 * no longer where they were written, `leftoversList` names them first, to be found and deleted).
 */
function writeFailed(dir: string, error: unknown, removed?: RemovedEntries): KeyferryError {
  const failure =
    error instanceof KeyferryError
      ? { errno: 'refused', ...causeValues(error) }
      : { errno: (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown', cause: '' };
  // The media full (a file write's own refusal names it): the way out is room on it.
  const code = error instanceof KeyferryError ? error.values?.['errno'] : failure.errno;
  const full = code === 'ENOSPC' ? 'yes' : 'no';
  return new KeyferryError(
    'BUNDLE_WRITE_FAILED',
    { dir, ...failure, full, ...removalValues(removed) },
    { cause: error },
  );
}

/** The values a failed write names its clean-up with (none after the manifest: the stop withdraws the whole bundle). */
function removalValues(removed: RemovedEntries | undefined) {
  if (!removed) return { cleanup: 'withdraw', removedFiles: 0, leftoversList: listValue([]) };
  if (removed.movedFiles.length > 0)
    return {
      cleanup: 'moved',
      removedFiles: removed.removedFiles,
      leftoversList: listValue([...removed.movedFiles, ...removed.leftFiles]),
    };
  // The files left, else the outermost created folder still there (it holds something someone else put there).
  const leftovers = removed.leftFiles.length > 0 ? removed.leftFiles : removed.keptFolders.slice(0, 1);
  return {
    cleanup: leftovers.length > 0 ? 'partial' : 'removed',
    removedFiles: removed.removedFiles,
    leftoversList: listValue(leftovers),
  };
}
