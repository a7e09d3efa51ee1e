/** The journal a ceremony command writes: created when missing, continued (verified) when present. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { KeyferryError } from '../core/errors';
import { openJournal, type Journal } from '../core/journal';

/** Opens `file` (relative to `cwd`) as a new journal or continues the existing one. */
export async function openCeremonyJournal(cwd: string, file: string | undefined, flag = '--journal'): Promise<Journal> {
  if (!file) throw new KeyferryError('CLI_MISSING_OPTION', `The option ${flag} FILE is required: every ceremony step is journaled.`, `Give ${flag} FILE (created if missing, continued if present).`);
  const full = path.resolve(cwd, file);
  const exists = await fs.lstat(full).then(() => true, () => false);
  return openJournal(full, { create: !exists });
}
