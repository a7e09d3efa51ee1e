/**
 * A `--receipt-dir` that is not an existing folder, refused before the journal opens with the
 * preflight's own check and words (media/preflight.ts `locate`): a mistyped folder must not cost the
 * witnesses a round of typing, nor create the journal a mistyped `--journal` names (a trial's
 * `--receipt-dir ../reciepts`). An empty one (an unset shell variable) is refused too, not taken for
 * the current folder. The preflight checks the folder again later, fully (room, writable).
 */
import path from 'node:path';
import { locate } from '../core/media/preflight';
import { missingOption } from './args';

export async function refuseMissingReceiptFolder(cwd: string, given: string | undefined): Promise<void> {
  if (given === undefined) return;
  if (given.trim() === '') throw missingOption({ reason: 'empty', option: '--receipt-dir' });
  await locate({ role: 'receipt', folder: path.resolve(cwd, given), expect: 'existing' });
}
