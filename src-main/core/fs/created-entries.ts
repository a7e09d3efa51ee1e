/**
 * What one write attempt created on the media, and taking exactly that away again. A write that
 * failed part way (a full medium, media pulled out) or a session that stopped leaves the folders as
 * it found them, so the same command runs again and nothing partial is left for someone to take for
 * the whole. Only what the attempt created goes: the files it opened with O_EXCL, then the folders
 * it made, newest first, each only once empty again, so anything someone else put there stays.
 */
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { fsyncDirectory, type FileLayer } from './durable-file';
import { pathExists } from './path-exists';

/** What an attempt created, absolute paths in the order it created them. */
export interface CreatedEntries {
  /** Every file it created (opened with O_CREAT | O_EXCL). */
  readonly files: readonly string[];
  /** Every folder it made (the media had none there before). */
  readonly createdFolders: readonly string[];
}

export interface RemovedEntries {
  /** How many of the files are gone. */
  readonly removedFiles: number;
  /** The created folders that are gone again. */
  readonly removedFolders: readonly string[];
  /** The created folders still there (holding a file left, or one someone else put there), oldest first. */
  readonly keptFolders: readonly string[];
  /** Files that could not be removed (media pulled, made read-only): to delete by hand. */
  readonly leftFiles: readonly string[];
}

/**
 * `layer` noting every file it creates exclusively and every folder it makes into `created`;
 * once `signal` is aborted (a stop), it starts no further file or folder (the write then fails and
 * its caller removes what was created).
 */
export function recordingLayer(
  layer: FileLayer,
  signal?: AbortSignal,
): { readonly layer: FileLayer; readonly created: CreatedEntries } {
  const created = { files: [] as string[], createdFolders: [] as string[] };
  const exclusive = constants.O_CREAT | constants.O_EXCL;
  return {
    created,
    layer: {
      ...layer,
      open: async (file, flags, mode) => {
        signal?.throwIfAborted();
        const handle = await layer.open(file, flags, mode);
        if ((flags & exclusive) === exclusive) created.files.push(path.resolve(file));
        return handle;
      },
      mkdir: async (dir) => {
        signal?.throwIfAborted();
        await layer.mkdir(dir);
        created.createdFolders.push(path.resolve(dir));
      },
    },
  };
}

/** Removes `created.files`, then each created folder left empty, newest first; never throws. */
export async function removeCreatedEntries(created: CreatedEntries): Promise<RemovedEntries> {
  const leftFiles: string[] = [];
  let removedFiles = 0;
  for (const file of created.files) {
    try {
      await fs.rm(file, { force: true });
      if (await pathExists(file)) leftFiles.push(file);
      else removedFiles += 1;
    } catch {
      leftFiles.push(file);
    }
  }
  const touched = [...new Set([...created.files.map((f) => path.dirname(f)), ...created.createdFolders])];
  for (const folder of touched) await fsyncDirectory(folder).catch(() => undefined);
  const removedFolders: string[] = [];
  for (const folder of [...created.createdFolders].reverse()) {
    // rmdir removes only an empty folder: anything someone else put there stays.
    await fs.rmdir(folder).then(
      async () => {
        removedFolders.push(folder);
        await fsyncDirectory(path.dirname(folder)).catch(() => undefined);
      },
      (error: NodeJS.ErrnoException) => {
        // Gone already (the media's folder removed under it): nothing of it is left either.
        if (error.code === 'ENOENT') removedFolders.push(folder);
      },
    );
  }
  const keptFolders = created.createdFolders.filter((folder) => !removedFolders.includes(folder));
  return { removedFiles, removedFolders, keptFolders, leftFiles };
}
