/**
 * What one write attempt created on the media, and taking exactly that away again. A write that
 * failed part way (a full medium, media pulled out) or a session that stopped leaves the folders as
 * it found them, so the same command runs again and nothing partial is left for someone to take for
 * the whole. Only what the attempt created goes: the files it opened with O_EXCL, then the folders
 * it made, newest first, each only once empty again, so anything someone else put there stays.
 *
 * A path is not a file: a folder moved, renamed or swapped for a link while Keyferry wrote into it
 * (something else running on this machine, or the medium taken out) leaves the files where they
 * went, and the same path then names something else or nothing. So the layer also notes what each
 * file and each folder written into was (device and inode, which a rename keeps and a replacement
 * does not), a file is removed only while its path still leads to it, and "nothing there now"
 * counts as removed only while the folder at that path is still the one written into. Otherwise the
 * file is reported as not where it was written, never as removed (a trial: "the 8 files … were
 * removed again" while they stayed in the moved folder).
 */
import { constants, promises as fs, lstatSync, statSync, type BigIntStats } from 'node:fs';
import path from 'node:path';
import { causeValues, KeyferryError } from '../errors';
import { listValue } from '../../i18n/list';
import { fsyncDirectory, nodeFileLayer, removeQuietly, type FileLayer } from './durable-file';

/** What an attempt created, absolute paths in the order it created them. */
export interface CreatedEntries {
  /** Every file it created (opened with O_CREAT | O_EXCL). */
  readonly files: readonly string[];
  /** Every folder it made (the media had none there before). */
  readonly createdFolders: readonly string[];
  /**
   * What each created file, and each folder written into, was when written (device and inode), by
   * absolute path: known when a recordingLayer wrote them; a list of paths alone (a session that
   * crashed) is taken by its paths.
   */
  readonly identities?: ReadonlyMap<string, string>;
  /**
   * The paths Keyferry itself took away again (a failed file write's own partial file, an earlier
   * removal of the same record), filled as it does: gone from there is then removed, not moved.
   */
  readonly unlinked?: Set<string>;
}

/** A CreatedEntries that a recordingLayer fills as it goes (one record may gather several writes). */
export interface CreatedRecord extends CreatedEntries {
  readonly files: string[];
  readonly createdFolders: string[];
  readonly identities: Map<string, string>;
  readonly unlinked: Set<string>;
}

export interface RemovedEntries {
  /** How many of the files are gone from where they were written. */
  readonly removedFiles: number;
  /** The created folders that are gone again. */
  readonly removedFolders: readonly string[];
  /** The created folders still there (holding a file left, or one someone else put there), oldest first. */
  readonly keptFolders: readonly string[];
  /** Files that could not be removed (media pulled, made read-only): to delete by hand. */
  readonly leftFiles: readonly string[];
  /**
   * Files no longer where they were written (moved or renamed away, their folder moved, replaced or
   * deleted, or its medium removed): not removed, to be found and deleted by hand. Named by the paths
   * written; a folder the attempt made that went elsewhere is named once for all it holds.
   */
  readonly movedFiles: readonly string[];
}

/** An empty record for recordingLayer to fill. */
export function newCreatedRecord(): CreatedRecord {
  return { files: [], createdFolders: [], identities: new Map(), unlinked: new Set() };
}

/** Device and inode of what is at `at` (following links: lstat for a file, stat for a folder); undefined when nothing can be looked at. */
function identityOf(stats: BigIntStats | undefined): string | undefined {
  return stats ? `${stats.dev}:${stats.ino}` : undefined;
}

function lookSync(at: string, follow: boolean): string | undefined {
  try {
    return identityOf(follow ? statSync(at, { bigint: true }) : lstatSync(at, { bigint: true }));
  } catch {
    return undefined;
  }
}

/**
 * What the folder at `at` is (device and inode, following links, as noteFolders notes it): one
 * folder however reached (a symbolic link, a bind mount). Undefined where nothing is there, it
 * cannot be looked at, or its file system gives no inode (0: two folders would look one).
 */
export function folderIdentity(at: string): string | undefined {
  const identity = lookSync(at, true);
  return identity?.endsWith(':0') ? undefined : identity;
}

/** 'absent' (ENOENT, ENOTDIR), the identity, or undefined when the look itself failed (EIO, EACCES). */
async function look(at: string, follow: boolean): Promise<string | 'absent' | undefined> {
  try {
    return identityOf(follow ? await fs.stat(at, { bigint: true }) : await fs.lstat(at, { bigint: true }));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'absent' : undefined;
  }
}

/**
 * Notes in `created` what each of `folders` is now (its identity, as recordingLayer notes a folder
 * written into), unless already noted: refuseMovedFolders then refuses a folder that is not that one
 * any more (a stick taken out before its files went in leaves its mount point at the same path).
 */
export function noteFolders(created: CreatedRecord, folders: readonly string[]): void {
  for (const folder of folders) {
    if (created.identities.has(folder)) continue;
    const identity = lookSync(folder, true);
    if (identity) created.identities.set(folder, identity);
  }
}

/**
 * `layer` noting every file it creates exclusively and every folder it makes into `created` (a new
 * record, or `into`), with what each was and what the folder written into was; once `signal` is
 * aborted (a stop), it starts no further file or folder (the write then fails and its caller
 * removes what was created).
 */
export function recordingLayer(
  layer: FileLayer,
  signal?: AbortSignal,
  into: CreatedRecord = newCreatedRecord(),
): { readonly layer: FileLayer; readonly created: CreatedRecord } {
  const created = into;
  const exclusive = constants.O_CREAT | constants.O_EXCL;
  // Looked at synchronously (a few microseconds, from the cache the create just filled): a write
  // of a hundred files pays no extra trips through the thread pool.
  const noteFolder = (folder: string) => noteFolders(created, [folder]);
  return {
    created,
    layer: {
      ...layer,
      open: async (file, flags, mode) => {
        signal?.throwIfAborted();
        const handle = await layer.open(file, flags, mode);
        if ((flags & exclusive) === exclusive) {
          const at = path.resolve(file);
          created.files.push(at);
          noteFolder(path.dirname(at));
          const identity = lookSync(at, false);
          if (identity) created.identities.set(at, identity);
        }
        return handle;
      },
      remove: async (file) => {
        await (layer.remove ?? removeQuietly)(file);
        // Taken away only once nothing is there (the removal itself never throws).
        if (lookSync(path.resolve(file), false) === undefined) created.unlinked.add(path.resolve(file));
      },
      mkdir: async (dir) => {
        signal?.throwIfAborted();
        await layer.mkdir(dir);
        created.createdFolders.push(path.resolve(dir));
        noteFolder(path.resolve(dir));
      },
    },
  };
}

/**
 * Refuses (OUTPUT_FOLDER_CHANGED) when a folder `created` wrote into is no longer at its path: it
 * was moved, renamed or replaced (by a link among others), or its medium removed, while the files
 * went in. Called before a write is declared complete, so nothing that went elsewhere is reported
 * as written where it was named.
 */
export async function refuseMovedFolders(created: CreatedEntries): Promise<void> {
  const folder = await changedFolder(created, 'or gone');
  if (folder !== undefined) throw new KeyferryError('OUTPUT_FOLDER_CHANGED', { folder });
}

/**
 * The first folder `created` wrote into that is not at its path any more: another folder (or a
 * link) stands there, or (`'or gone'`) nothing does, or it cannot be looked at.
 */
async function changedFolder(created: CreatedEntries, which: 'replaced' | 'or gone'): Promise<string | undefined> {
  const files = new Set(created.files);
  for (const [at, identity] of created.identities ?? []) {
    if (files.has(at)) continue;
    const now = await look(at, true);
    const replaced = now !== undefined && now !== 'absent' && now !== identity;
    if (replaced || (which === 'or gone' && now !== identity)) return at;
  }
  return undefined;
}

/**
 * What a write that failed for a missing path (ENOENT) failed of, when a folder it wrote into was
 * meanwhile replaced by another that stands at its path now: the folder changed
 * (OUTPUT_FOLDER_CHANGED, as refuseMovedFolders says it), where "the folder no longer exists" would
 * be wrong. A folder gone from its path (removed, its media pulled) leaves the failure as it is.
 * Looked at before anything is removed.
 */
export async function failureOfChangedFolder(error: unknown, created: CreatedEntries): Promise<unknown> {
  // A system error, or a KeyferryError of the file write (its cause the system error).
  const codes = [error, (error as { cause?: unknown } | undefined)?.cause].map(
    (e) => (e as NodeJS.ErrnoException | undefined)?.code,
  );
  if (!codes.includes('ENOENT')) return error;
  const folder = await changedFolder(created, 'replaced');
  return folder === undefined ? error : new KeyferryError('OUTPUT_FOLDER_CHANGED', { folder }, { cause: error });
}

type FileOutcome = 'removed' | 'left' | 'moved';

/** Removes one created file while its path still leads to it; see the module comment. */
async function removeFile(file: string, created: CreatedEntries): Promise<FileOutcome> {
  const written = created.identities?.get(file);
  const now = await look(file, false);
  if (now === undefined) return 'left';
  if (now === 'absent') {
    // Gone, and Keyferry took it away (a failed file write removes its own partial file; an earlier
    // pass of this removal), or nothing says what it was (a list of paths alone): removed. Otherwise
    // it went elsewhere (moved or renamed out of its folder, with its folder, or its media): never
    // called removed.
    return written === undefined || created.unlinked?.has(file) === true ? 'removed' : 'moved';
  }
  // Something else is at that path now: never someone else's file.
  if (written !== undefined && now !== written) return 'moved';
  try {
    await fs.rm(file, { force: true });
  } catch {
    return 'left';
  }
  if ((await look(file, false)) !== 'absent') return 'left';
  created.unlinked?.add(file);
  return 'removed';
}

/** Whether `at` lies inside `folder`. */
function inside(at: string, folder: string): boolean {
  return at.startsWith(folder + path.sep);
}

/** Removes `created.files`, then each created folder left empty, newest first; never throws. */
export async function removeCreatedEntries(created: CreatedEntries): Promise<RemovedEntries> {
  const leftFiles: string[] = [];
  const movedFiles: string[] = [];
  let removedFiles = 0;
  for (const file of created.files) {
    const outcome = await removeFile(file, created);
    if (outcome === 'removed') removedFiles += 1;
    else (outcome === 'left' ? leftFiles : movedFiles).push(file);
  }
  const touched = [...new Set([...created.files.map((f) => path.dirname(f)), ...created.createdFolders])];
  for (const folder of touched) await fsyncDirectory(folder).catch(() => undefined);
  const removedFolders: string[] = [];
  const kept = new Set<string>();
  const movedFolders = new Set<string>();
  for (const folder of [...created.createdFolders].reverse()) {
    const made = created.identities?.get(folder);
    const now = await look(folder, true);
    if (now === 'absent' || (now !== undefined && made !== undefined && now !== made)) {
      // Gone already where nothing says what it was, or taken away here before: removed. Gone from
      // its path holding nothing this write created (a custodian's stick pulled before their files
      // went in): nothing of it is left to find, and it is called removed from there too (a trial's
      // stop named such an empty folder "delete by hand", and the receipt then told the custodian to
      // clean the folder that held their live share by then). Otherwise the folder made went
      // elsewhere (moved, or its media removed) with whatever it holds, and another may stand at
      // its path now: not ours to remove, named as not where it was made.
      const heldNothing = !created.files.some((file) => inside(file, folder));
      if (now === 'absent' && (made === undefined || created.unlinked?.has(folder) === true || heldNothing))
        removedFolders.push(folder);
      else movedFolders.add(folder);
      continue;
    }
    // rmdir removes only an empty folder: anything someone else put there stays.
    if (
      now !== undefined &&
      (await fs.rmdir(folder).then(
        () => true,
        () => false,
      ))
    ) {
      removedFolders.push(folder);
      created.unlinked?.add(folder);
      await fsyncDirectory(path.dirname(folder)).catch(() => undefined);
    } else kept.add(folder);
  }
  const keptFolders = created.createdFolders.filter((folder) => kept.has(folder));
  // A folder made that went elsewhere is named once, for all it holds (the outermost such folder).
  const outermost = created.createdFolders.filter(
    (folder) => movedFolders.has(folder) && ![...movedFolders].some((other) => inside(folder, other)),
  );
  const moved = [...outermost, ...movedFiles.filter((file) => !outermost.some((folder) => inside(file, folder)))];
  return { removedFiles, removedFolders, keptFolders, leftFiles, movedFiles: moved };
}

/**
 * Runs `write`, which creates its files and folders through the layer it is given, all or nothing:
 * once it is done, the folders written into must still be at their paths (refuseMovedFolders); if
 * it or that check fails, what it created is removed again, and the failure names any file that
 * could not be removed or is no longer where it was written (FILES_LEFT_BEHIND; `plain`: those
 * files hold key material in plain form). Once `signal` is aborted (a stop) no further file is
 * started, and the write fails and is taken away the same way.
 */
export async function writeAllOrNothing<T>(
  write: (layer: FileLayer) => Promise<T>,
  options: { readonly layer?: FileLayer; readonly plain?: boolean; readonly signal?: AbortSignal } = {},
): Promise<T> {
  const { layer, created } = recordingLayer(options.layer ?? nodeFileLayer, options.signal);
  try {
    const result = await write(layer);
    await refuseMovedFolders(created);
    return result;
  } catch (failure) {
    const error = await failureOfChangedFolder(failure, created);
    const { leftFiles, movedFiles } = await removeCreatedEntries(created);
    if (leftFiles.length === 0 && movedFiles.length === 0) throw error;
    throw new KeyferryError(
      'FILES_LEFT_BEHIND',
      {
        ...(error instanceof KeyferryError ? causeValues(error) : { cause: '', causeValues: '{}' }),
        left: leftFiles.length,
        filesList: listValue(leftFiles),
        moved: movedFiles.length,
        movedList: listValue(movedFiles),
        plain: options.plain ? 'yes' : 'no',
      },
      { cause: error },
    );
  }
}
