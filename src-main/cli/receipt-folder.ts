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
  const found = await stat(folder).catch(() => undefined);
  if (!found) throw new KeyferryError('PREFLIGHT_FOLDER_MISSING', { role: 'receipt', index: 0, folder });
  // A file in its place (a link to a folder is followed; a dangling link is missing, above).
  if (!found.isDirectory()) throw new KeyferryError('PREFLIGHT_NOT_A_FOLDER', { role: 'receipt', index: 0, folder });
}
