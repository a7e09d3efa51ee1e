/** The journal a ceremony command writes: created when missing, continued (verified) when present. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { KeyferryError } from '../core/errors';
import { openJournal, type Journal } from '../core/journal';

/**
 * Opens `file` (relative to `cwd`): continues an existing journal, or creates it when
 * `mayCreate` (steps that can start a ceremony); otherwise a missing journal is refused.
 */
export async function openCeremonyJournal(cwd: string, file: string | undefined, mayCreate = true): Promise<Journal> {
  if (!file)
    throw new KeyferryError(
      'CLI_MISSING_OPTION',
      'The option --journal FILE is required: every ceremony step is journaled.',
      'Give --journal FILE (created if missing, continued if present).',
    );
  const full = path.resolve(cwd, file);
  const exists = await fs.lstat(full).then(
    () => true,
    () => false,
  );
  if (!exists && !mayCreate) {
    throw new KeyferryError(
      'JOURNAL_MISSING',
      `The journal ${full} does not exist, so there is no ceremony to continue.`,
      'Start the ceremony with "keyferry online create-key", or give the path of its journal.',
    );
  }
  return openJournal(full, { create: !exists });
}
