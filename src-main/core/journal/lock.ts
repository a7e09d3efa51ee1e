/**
 * One writer per journal: `<journal>.lock` is created with O_EXCL and holds the owner's pid and
 * hostname. A lock left by a process that is gone (same host, pid no longer running) is taken
 * over; any other lock refuses the second opener with a plain message.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { selectedProblem } from '../errors';
import { writeFileExclusive, type FileLayer } from '../fs/durable-file';

export interface JournalLock {
  readonly path: string;
  release(): Promise<void>;
}

interface LockOwner {
  pid: number;
  hostname: string;
  since: string;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(lockPath: string): Promise<LockOwner | undefined> {
  try {
    const parsed = JSON.parse(await fs.readFile(lockPath, 'utf8')) as Partial<LockOwner>;
    if (
      typeof parsed.pid === 'number' &&
      typeof parsed.hostname === 'string' &&
      typeof parsed.since === 'string' &&
      Number.isFinite(Date.parse(parsed.since))
    ) {
      return { pid: parsed.pid, hostname: parsed.hostname, since: parsed.since };
    }
  } catch {
    // unreadable or half-written lock: treated as held by someone unknown
  }
  return undefined;
}

function isExistsError(error: unknown): boolean {
  return (error as { cause?: NodeJS.ErrnoException }).cause?.code === 'EEXIST';
}

/** Takes the journal's lock or throws KeyferryError JOURNAL_IN_USE. */
export async function acquireJournalLock(journalPath: string, layer?: FileLayer): Promise<JournalLock> {
  const lockPath = `${journalPath}.lock`;
  const me: LockOwner = { pid: process.pid, hostname: os.hostname(), since: new Date().toISOString() };
  const content = `${JSON.stringify(me)}\n`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFileExclusive(lockPath, content, { layer });
      return {
        path: lockPath,
        release: async () => {
          const owner = await readOwner(lockPath);
          if (owner?.pid === me.pid && owner.since === me.since) await fs.rm(lockPath, { force: true });
        },
      };
    } catch (error) {
      if (!isExistsError(error)) throw error;
      const owner = await readOwner(lockPath);
      if (attempt === 0 && owner && owner.hostname === me.hostname && !isRunning(owner.pid)) {
        await fs.rm(lockPath, { force: true });
        continue;
      }
      throw selectedProblem(
        'JOURNAL_IN_USE',
        owner
          ? { reason: 'owner', pid: owner.pid, hostname: owner.hostname, since: Date.parse(owner.since), lockPath }
          : { reason: 'unknown', lockPath },
      );
    }
  }
  throw selectedProblem('JOURNAL_IN_USE', { reason: 'lock', lockPath });
}

/** The folder cannot hold a lock file: read-only media, or a folder this user may not write. */
function cannotWriteThere(error: unknown): boolean {
  const code = (error as { cause?: NodeJS.ErrnoException }).cause?.code;
  return code === 'EROFS' || code === 'EACCES' || code === 'EPERM';
}

/**
 * For a reader (`journal verify`): the journal's lock, so it never reads the line a step is
 * appending (a half-written line would read as torn) and refuses JOURNAL_IN_USE while one runs.
 * null when the folder cannot hold a lock file (read-only media, an auditor's copy): no step can
 * append there either, so the journal is read without one.
 */
export async function acquireJournalLockToRead(journalPath: string): Promise<JournalLock | null> {
  try {
    return await acquireJournalLock(journalPath);
  } catch (error) {
    if (cannotWriteThere(error)) return null;
    throw error;
  }
}
