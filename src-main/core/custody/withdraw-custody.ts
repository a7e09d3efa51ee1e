/**
 * Withdrawing the custody copy of an air-gapped session that did not finish (Ctrl-C, a failure
 * after the split): its material was wiped and no receipt names its bundle, so the shares, slips
 * and backup it wrote protect nothing that will ever be imported. Left on the custodians' media
 * they would be a second custody set of the ceremony (a custodian could take one away, or bring
 * it to a restore years later), and they would keep the folders from being "new or empty", so the
 * same command could not simply be run again. Exactly the files this session wrote are removed,
 * then each folder this session created, if it is empty again; nothing else is touched.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fsyncDirectory } from '../fs/durable-file';
import { pathExists } from '../fs/path-exists';

/** What one session wrote onto the custodians' media. */
export interface CustodyWrites {
  /** Every file written, absolute paths. */
  readonly files: readonly string[];
  /** The custodian folders this session created (the preflight found them new), absolute paths. */
  readonly createdFolders: readonly string[];
}

interface WithdrawnCustody {
  /** The custodian folders that held files of this session and hold none now (or were removed). */
  readonly folders: readonly string[];
  readonly removedFiles: number;
  /** Files that could not be removed (media pulled, made read-only): to delete by hand. */
  readonly leftFiles: readonly string[];
}

/** Removes `writes.files`, then the created folders left empty; never throws. */
export async function withdrawCustodyWrites(writes: CustodyWrites): Promise<WithdrawnCustody> {
  const leftFiles: string[] = [];
  let removedFiles = 0;
  for (const file of writes.files) {
    try {
      await fs.rm(file, { force: true });
      if (await pathExists(file)) leftFiles.push(file);
      else removedFiles += 1;
    } catch {
      leftFiles.push(file);
    }
  }
  const touched = [...new Set([...writes.files.map((f) => path.dirname(f)), ...writes.createdFolders])];
  for (const folder of touched) await fsyncDirectory(folder).catch(() => undefined);
  for (const folder of writes.createdFolders) {
    // rmdir removes only an empty folder: anything someone else put there stays.
    await fs.rmdir(folder).then(
      () => fsyncDirectory(path.dirname(folder)).catch(() => undefined),
      () => undefined,
    );
  }
  const folders = touched.filter((folder) => !leftFiles.some((f) => path.dirname(f) === folder));
  return { folders, removedFiles, leftFiles };
}
