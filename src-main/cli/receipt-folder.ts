/**
 * A `--receipt-dir` that is not an existing folder, refused before the journal opens
 * (PREFLIGHT_FOLDER_MISSING, the words the preflight uses): a mistyped folder must not cost the witnesses a round of typing,
 * nor create the journal a mistyped `--journal` names (a trial's `--receipt-dir ../reciepts`). The
 * preflight checks the folder fully later (a file in its place, room, writable).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { KeyferryError } from '../core/errors';
import { missingOption } from './args';

export async function refuseMissingReceiptFolder(cwd: string, given: string | undefined): Promise<void> {
  if (given === undefined) return;
  // Empty (an unset shell variable): not taken for the current folder (a trial's receipt landed there).
  if (given.trim() === '') throw missingOption({ reason: 'empty', option: '--receipt-dir' });
  const folder = path.resolve(cwd, given);
  const found = await stat(folder).catch((error: NodeJS.ErrnoException) => error);
  // Under a file (`afile/sub`): no folder can be made there, so not "create the folder" (a trial).
  if (found instanceof Error && found.code === 'ENOTDIR')
    throw new KeyferryError('PREFLIGHT_PARENT_MISSING', {
      role: 'receipt',
      index: 0,
      folder,
      parent: await fileAbove(folder),
    });
  if (found instanceof Error)
    throw new KeyferryError('PREFLIGHT_FOLDER_MISSING', { role: 'receipt', index: 0, folder });
  // A file in its place (a link to a folder is followed; a dangling link is missing, above).
  if (!found.isDirectory()) throw new KeyferryError('PREFLIGHT_NOT_A_FOLDER', { role: 'receipt', index: 0, folder });
}

/** The nearest path above `folder` that exists and is not a folder (what makes `folder` impossible). */
async function fileAbove(folder: string): Promise<string> {
  for (let at = path.dirname(folder); at !== path.dirname(at); at = path.dirname(at)) {
    const found = await stat(at).catch(() => undefined);
    if (found && !found.isDirectory()) return at;
  }
  return path.dirname(folder);
}
