/**
 * A `--receipt-dir` that does not exist, refused before the journal opens (PREFLIGHT_FOLDER_MISSING,
 * the words the preflight uses): a mistyped folder must not cost the witnesses a round of typing,
 * nor create the journal a mistyped `--journal` names (a trial's `--receipt-dir ../reciepts`). The
 * preflight checks the folder fully later (a file in its place, room, writable).
 */
import path from 'node:path';
import { KeyferryError } from '../core/errors';
import { pathExists } from '../core/fs/path-exists';

export async function refuseMissingReceiptFolder(cwd: string, given: string | undefined): Promise<void> {
  if (given === undefined) return;
  const folder = path.resolve(cwd, given);
  if (!(await pathExists(folder)))
    throw new KeyferryError('PREFLIGHT_FOLDER_MISSING', { role: 'receipt', index: 0, folder });
}
