/**
 * One writer per journal: `<journal>.lock` is created with O_EXCL and holds the owner's pid,
 * hostname and purpose (a step writing, or `journal verify` reading). A lock left by a process that
 * is gone (same host; its pid runs no more, or runs another process: core/journal/lock-owner.ts) is
 * taken over, and put back at release by a reader, or by a writer that appended nothing, so the next
 * session still says the killed one. Any other lock refuses the second opener with a plain message
 * (an empty one too, once it has stayed empty for about a second: its maker may be alive). So that a
 * stop (Ctrl-C) in the moment between creating the lock and writing its owner does not leave such an
 * empty lock to block the run that resumes, a lock this process created and has not finished
 * writing is removed as the process exits.
 */
import { randomBytes } from 'node:crypto';
import { fstatSync, promises as fs, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { selectedProblem } from '../errors';
import { nodeFileLayer, writeFileExclusive, type FileLayer } from '../fs/durable-file';
import {
  earlierIn,
  GONE_WRITERS_NAMED,
  inOtherPidNamespace,
  ownerIn,
  ownerRuns,
  markIn,
  THIS_PROCESS,
  type LeftBehindLock,
  type LockOwner,
  type LockPurpose,
} from './lock-owner';

export interface JournalLock {
  readonly path: string;
  /**
   * The writer's lock this one took over: left by a process of this host that is gone without
   * releasing it (killed, crashed, or the power cut), its pid and since when it held the journal.
   */
  readonly leftBehind?: LeftBehindLock;
  /**
   * Releases the lock. `keepLeftBehind`: a writer that took over a gone writer's lock (leftBehind)
   * and wrote nothing of it puts that lock back, as a reader does: a run refused at opening (a torn
   * last line), or that appended nothing or only a torn line's set-aside, removed the only sign of
   * the kill, and the killed session was said by no one.
   */
  release(keepLeftBehind?: boolean): Promise<void>;
}

/** How long an opener waits for a reader's lock to go (a verify of 10,000 entries reads in well under a second). */
const READER_WAIT_MS = 5_000;
const READER_POLL_MS = 25;
/**
 * How many times a lock that cannot be read is looked at again (READER_POLL_MS apart, about a second
 * in all) before it is refused as an unknown process's: its owner creates it (O_EXCL) and writes its
 * content right after, so an opener in between finds it empty. Looks are counted, not time, nor the
 * file's age: a pause of this process on a loaded machine (or a clock ahead, or FAT's two-second
 * times) must not take an owner still writing for none.
 */
const BEING_WRITTEN_LOOKS = 40;

async function readOwner(lockPath: string): Promise<LockOwner | undefined> {
  return (await readLock(lockPath)).owner;
}

/** The lock file's text (undefined when it does not read) and the owner it names (undefined when none can be told). */
async function readLock(lockPath: string): Promise<{ text: string | undefined; owner: LockOwner | undefined }> {
  const text = await fs.readFile(lockPath, 'utf8').catch(() => undefined);
  return { text, owner: text === undefined ? undefined : ownerIn(text) };
}

/**
 * Takes away the lock at `lockPath` if it still holds `stale` (the text read from it, naming a process
 * that is gone): moved aside under a name of this process's own, read there, then removed. Removing
 * the path itself could remove a lock another opener made since the stale one was read (two runs
 * started at once after a kill: both then held the journal, a trial found). A lock found aside that
 * is not the stale one is put back (linked where the file system can, else renamed) and this opener
 * looks again. False when nothing was taken away.
 */
async function takeOverStale(lockPath: string, stale: string): Promise<boolean> {
  const aside = `${lockPath}.stale-${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    await fs.rename(lockPath, aside);
  } catch {
    return false; // gone already (another opener took it over): look again
  }
  const moved = await fs.readFile(aside, 'utf8').catch(() => undefined);
  if (moved === stale) {
    await fs.rm(aside, { force: true });
    return true;
  }
  // Another opener's lock: back where it was, never over one made meanwhile where links work.
  await fs
    .link(aside, lockPath)
    .then(
      () => fs.rm(aside, { force: true }),
      (error: NodeJS.ErrnoException) =>
        error.code === 'EEXIST' ? fs.rm(aside, { force: true }) : fs.rename(aside, lockPath),
    )
    .catch(() => undefined);
  return false;
}

/**
 * A reader's release of a lock it took over from a writer that is gone (`stale`, that writer's lock
 * text): the reader's own lock is replaced by that one (written beside, then renamed over it, so no
 * moment is without a lock), and the next writer takes it over as left behind (leftBehind) and says
 * that session's end. A `journal verify` after a kill took the lock away, and with it every word of
 * the killed session.
 */
async function putBack(lockPath: string, stale: string): Promise<void> {
  const beside = `${lockPath}.back-${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    await fs.writeFile(beside, stale, { flag: 'wx' });
    await fs.rename(beside, lockPath);
  } catch {
    // Not put back (the medium went): the reader's lock goes, as any release.
    await fs.rm(beside, { force: true }).catch(() => undefined);
    await fs.rm(lockPath, { force: true });
  }
}

/**
 * A lock being written: what is written, and the file this process created: its device and inode,
 * and its birth time (an inode freed by a deletion is soon given to the next file made there: a lock
 * deleted by hand and made again by another run can carry the same number).
 */
interface LockBeingWritten {
  content: string;
  file?: { readonly dev: number; readonly ino: number; readonly birthtimeMs: number };
}

/**
 * Locks this process created and has not finished writing. A lock is entered once its O_EXCL open
 * succeeded (never one another opener made), with that file's identity, and left when its writing
 * ended, either way.
 */
const locksBeingWritten = new Map<string, LockBeingWritten>();
let removingOnExit = false;

/**
 * At the process's exit (synchronous, as 'exit' listeners must be): removes each lock still being
 * written that is still the file this process created (the same device, inode and birth time: not one another
 * run made after the officer deleted this one, as a refusal advises when no run uses the journal)
 * and whose content is a part of what this process was writing (an empty lock, or a line cut short),
 * so its owner is no one and the next run is not refused for it.
 */
function removeLocksBeingWritten(): void {
  for (const [lockPath, { content, file }] of locksBeingWritten) {
    try {
      const found = statSync(lockPath);
      const same =
        file !== undefined &&
        found.dev === file.dev &&
        found.ino === file.ino &&
        found.birthtimeMs === file.birthtimeMs;
      if (same && content.startsWith(readFileSync(lockPath, 'utf8'))) rmSync(lockPath, { force: true });
    } catch {
      // gone already, or the media with it: nothing to remove
    }
  }
}

/**
 * Lock files being created: the O_EXCL open runs in libuv's thread pool, and until its answer
 * reaches this thread the file may exist unrecorded (a trial's Ctrl-C in that moment left an empty
 * lock). A stop waits for these (lockCreationsSettled) before the process exits.
 */
const lockCreations = new Set<Promise<unknown>>();

/**
 * Resolves once no lock file is being created by this process, or after `maxMs`: a stop that ends
 * the process then knows every lock it created, and the exit removes those not yet written.
 */
export async function lockCreationsSettled(maxMs = 2_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  // Creations begun while waiting are waited for too, until none is left or the time is up.
  while (lockCreations.size > 0 && Date.now() < deadline) {
    const timer = new Promise<void>((resolve) => setTimeout(resolve, deadline - Date.now()).unref());
    await Promise.race([Promise.allSettled([...lockCreations]), timer]);
  }
}

/** `layer` whose open of `lockPath`, once it succeeds, records `writing` (and the file's identity) as the lock being written there. */
function recordingCreation(layer: FileLayer, lockPath: string, writing: LockBeingWritten): FileLayer {
  if (!removingOnExit) {
    removingOnExit = true;
    process.once('exit', removeLocksBeingWritten);
  }
  return {
    ...layer,
    open: async (file, flags, mode) => {
      if (file !== lockPath) return layer.open(file, flags, mode);
      const created = layer.open(file, flags, mode).then((handle) => {
        // Synchronously, at once: a stop in the next moment must find the file's identity.
        const { dev, ino, birthtimeMs } = fstatSync(handle.fd);
        writing.file = { dev, ino, birthtimeMs };
        locksBeingWritten.set(lockPath, writing);
        return handle;
      });
      lockCreations.add(created);
      try {
        return await created;
      } finally {
        lockCreations.delete(created);
      }
    },
  };
}

function isExistsError(error: unknown): boolean {
  return (error as { cause?: NodeJS.ErrnoException }).cause?.code === 'EEXIST';
}

/**
 * Takes the journal's lock for `purpose` or throws KeyferryError JOURNAL_IN_USE. A lock a reader
 * holds is waited for (up to READER_WAIT_MS): a step started while `journal verify` reads is not
 * refused for it.
 */
export async function acquireJournalLock(
  journalPath: string,
  layer?: FileLayer,
  purpose: LockPurpose = 'write',
): Promise<JournalLock> {
  const lockPath = `${journalPath}.lock`;
  const me: LockOwner = {
    pid: process.pid,
    hostname: os.hostname(),
    since: new Date().toISOString(),
    purpose,
    ...THIS_PROCESS,
  };
  let content = `${JSON.stringify(me)}\n`;
  const waitForReaderUntil = Date.now() + READER_WAIT_MS;
  let looksWithoutOwner = 0;
  let tookOver = false;
  let leftBehind: LeftBehindLock | undefined;
  // A writer's lock a reader took over: put back as it was at release (a look is no session's end).
  let writerLeft: string | undefined;
  let takeOverTries = 0;
  const writing: LockBeingWritten = { content };
  const recording = recordingCreation(layer ?? nodeFileLayer, lockPath, writing);
  for (;;) {
    try {
      try {
        await writeFileExclusive(lockPath, content, { layer: recording });
      } finally {
        if (locksBeingWritten.get(lockPath) === writing) locksBeingWritten.delete(lockPath);
      }
      return {
        path: lockPath,
        ...(leftBehind ? { leftBehind } : {}),
        release: async (keepLeftBehind = false) => {
          const owner = await readOwner(lockPath);
          if (owner?.pid !== me.pid || owner.since !== me.since) return;
          if (writerLeft === undefined || (purpose === 'write' && !keepLeftBehind))
            await fs.rm(lockPath, { force: true });
          else await putBack(lockPath, writerLeft);
        },
      };
    } catch (error) {
      if (!isExistsError(error)) throw error;
      const { text, owner } = await readLock(lockPath);
      // One stale lock taken over at most, in a few tries (each lost to another opener's lock).
      if (!tookOver && takeOverTries < 3 && owner && owner.hostname === me.hostname && !ownerRuns(owner)) {
        takeOverTries += 1;
        tookOver = await takeOverStale(lockPath, text as string);
        if (!tookOver) continue;
        // A reader's lock (journal verify) left behind says nothing of a writing session, unless it
        // holds a writer's lock it took over and was killed before it put that one back.
        if (owner.purpose === 'write')
          leftBehind = { pid: owner.pid, since: owner.since, ...earlierIn(owner.tookOver) };
        else if (owner.over)
          leftBehind = { pid: owner.over.pid, since: owner.over.since, ...earlierIn(owner.over.earlier) };
        if (leftBehind) {
          // The writer's own boot, start and namespaces (a killed reader's lock may be of a later boot),
          // so that its lock put back is never taken for a process given its pid since.
          const started = owner.purpose === 'write' ? markIn(owner) : markIn(owner.over ?? {});
          const writer = { pid: leftBehind.pid, since: leftBehind.since, ...started };
          const earlier = leftBehind.earlier ? { earlier: leftBehind.earlier } : {};
          // Put back at a reader's release, and at a writer's that said nothing of it (release).
          writerLeft =
            owner.purpose === 'write'
              ? text
              : `${JSON.stringify({ hostname: owner.hostname, purpose: 'write', ...(owner.boot ? { boot: owner.boot } : {}), ...writer, ...(leftBehind.earlier ? { tookOver: leftBehind.earlier } : {}) })}\n`;
          // Until this writer has said that session, its own lock names the writers gone: killed
          // before it appends, it must not make them unsaid. A reader's own says the writer's lock,
          // until put back.
          const gone = [leftBehind, ...(leftBehind.earlier ?? [])]
            .slice(0, GONE_WRITERS_NAMED)
            .map(({ pid, since }) => ({ pid, since }));
          content =
            purpose === 'write'
              ? `${JSON.stringify({ ...me, tookOver: gone })}\n`
              : `${JSON.stringify({ ...me, over: { ...writer, ...earlier } })}\n`;
        }
        writing.content = content;
        continue;
      }
      if (owner?.purpose === 'read' && Date.now() < waitForReaderUntil) {
        await delay(READER_POLL_MS);
        continue;
      }
      if (!owner && looksWithoutOwner < BEING_WRITTEN_LOOKS) {
        looksWithoutOwner += 1;
        await delay(READER_POLL_MS);
        continue;
      }
      throw selectedProblem(
        'JOURNAL_IN_USE',
        owner
          ? {
              reason: owner.purpose === 'read' ? 'reader' : 'owner',
              // A container's or a sandbox's pid: `ps` here shows another process by it, or none.
              where: inOtherPidNamespace(owner) ? 'namespace' : 'here',
              pid: owner.pid,
              hostname: owner.hostname,
              since: Date.parse(owner.since),
              seconds: READER_WAIT_MS / 1000,
              lockPath,
            }
          : { reason: 'unknown', lockPath },
      );
    }
  }
}

/** Why a folder cannot hold a lock file: read-only media, a folder this user may not write, a full medium (or quota). */
const CANNOT_WRITE_THERE = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT', 'EFBIG']);

/**
 * The folder cannot hold a lock file (CANNOT_WRITE_THERE): a step could not take the lock to append
 * there either. True for acquireJournalLock's refusal to write it (never for a lock held: EEXIST).
 */
export function cannotWriteThere(error: unknown): boolean {
  const code = (error as { cause?: NodeJS.ErrnoException }).cause?.code;
  return code !== undefined && CANNOT_WRITE_THERE.has(code);
}

/**
 * For a reader (`journal verify`): the journal's lock, so it never reads the line a step is
 * appending (a half-written line would read as torn) and refuses JOURNAL_IN_USE while one runs.
 * null when the folder cannot hold a lock file (read-only or full media, an auditor's copy): no step
 * can take its lock to append there either, so the journal is read without one.
 */
export async function acquireJournalLockToRead(journalPath: string): Promise<JournalLock | null> {
  try {
    return await acquireJournalLock(journalPath, undefined, 'read');
  } catch (error) {
    if (cannotWriteThere(error)) return null;
    throw error;
  }
}
