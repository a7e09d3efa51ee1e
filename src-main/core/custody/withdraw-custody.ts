/**
 * Withdrawing the custody copy of an air-gapped session that did not finish (Ctrl-C, a failure
 * after the split): its material was wiped and no receipt names its bundle, so the shares, slips
 * and backup it wrote protect nothing that will ever be imported. Left on the custodians' media
 * they would be a second custody set of the ceremony (a custodian could take one away, or bring
 * it to a restore years later), and they would keep the folders from being "new or empty", so the
 * same command could not simply be run again. Exactly the files this session wrote are removed,
 * then each folder this session created, if it is empty again; nothing else is touched.
 */
import path from 'node:path';
import { removeCreatedEntries, type CreatedEntries } from '../fs/created-entries';

/** What one session wrote onto the custodians' media (its files; the custodian folders it created, which the preflight found new). */
export type CustodyWrites = CreatedEntries;

interface WithdrawnCustody {
  /**
   * The custodian folders files of this session were removed from, holding none of them now, and
   * those it created that are gone again; never a folder nothing was taken from (a trial's closing
   * said "removed from 2 custodian folders" with no file removed).
   */
  readonly folders: readonly string[];
  readonly removedFiles: number;
  /** The custodian folders this session created, removed again (empty once its files were removed). */
  readonly removedFolders: readonly string[];
  /** Files that could not be removed (media pulled, made read-only): to delete by hand. */
  readonly leftFiles: readonly string[];
  /** Files no longer where they were written (their folder moved, or its media removed): to find and delete. */
  readonly movedFiles: readonly string[];
}

/** Removes `writes.files`, then the created folders left empty (fs/created-entries.ts); never throws. */
export async function withdrawCustodyWrites(writes: CustodyWrites): Promise<WithdrawnCustody> {
  const { removedFiles, removedFolders, leftFiles, movedFiles } = await removeCreatedEntries(writes);
  const notWithdrawn = [...leftFiles, ...movedFiles];
  // A folder it made that went elsewhere is named itself, for every file in it (created-entries.ts):
  // none of those was removed (a trial's stop said "removed from c1" with all five in the moved c1).
  const stays = (at: string) => notWithdrawn.some((f) => f === at || at.startsWith(f + path.sep));
  const removedFrom = writes.files.filter((f) => !stays(f)).map((f) => path.dirname(f));
  const touched = [...new Set([...removedFrom, ...removedFolders])];
  const folders = touched.filter((folder) => !stays(folder) && !notWithdrawn.some((f) => path.dirname(f) === folder));
  return { folders, removedFiles, removedFolders, leftFiles, movedFiles };
}
