/**
 * Whether something is at a path, without following it: a symbolic link (even a dangling one) is
 * something, so a check before an exclusive write or a "folder already used" refusal sees it too.
 * Only "nothing there" answers false (ENOENT, or ENOTDIR: a component of the path is a file); any
 * other failure (a link loop, a name too long, a medium that went away) is thrown rather than
 * guessed, so a caller never takes "could not look" for "absent".
 */
import { promises as fs } from 'node:fs';

const ABSENT = new Set(['ENOENT', 'ENOTDIR']);

export async function pathExists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch (error) {
    if (ABSENT.has((error as NodeJS.ErrnoException).code ?? '')) return false;
    throw error;
  }
}
