/**
 * A journal lock's owner (core/journal/lock.ts): what its lock file says of it, and whether it still
 * runs. A lock records the
 * boot it was taken in and, within that boot, when its process started: pids are given again, after
 * a reboot and, on a workstation that runs long enough, within one boot too, when they wrap around.
 * A dead writer's lock whose pid another process carries now was refused as "open for writing by
 * process N" (and deleting it by hand lost the killed session's trace). No clock is compared: an
 * air-gapped workstation's clock is set by hand.
 */
import { readFileSync, readlinkSync } from 'node:fs';

/** What a lock records of its process beside its pid, where the system names it (Linux). */
interface ProcessMark {
  /** The boot the lock was taken in: /proc/sys/kernel/random/boot_id, new at every boot. */
  readonly boot?: string;
  /** When its process started, in clock ticks since that boot (/proc/<pid>/stat, field 22). */
  readonly started?: number;
  /**
   * The pid namespace its pid is a number of (/proc/self/ns/pid): a container's or a sandbox's pid
   * names another process here, or none. A lock taken in another says nothing this process can check.
   */
  readonly pidNs?: string;
  /**
   * The time namespace its start was read in (/proc/self/ns/time): /proc gives each process's start
   * moved by the reader's own namespace's boot offset, so a start read in another is not comparable.
   */
  readonly timeNs?: string;
}

/** A writer that is gone: its pid and since when it held the journal. */
interface GoneWriter {
  readonly pid: number;
  readonly since: string;
}

/** A writer's lock a process that is gone left behind (JournalLock.leftBehind). */
export interface LeftBehindLock extends GoneWriter {
  /**
   * The writers gone before it whose locks that writer took over (newest first), in case it was
   * killed before it said their sessions: a writer killed right after taking over a dead writer's
   * lock left only its own, and the first killed session was said by no one.
   */
  readonly earlier?: readonly GoneWriter[];
}

/** How many writers gone one after another a lock names (tookOver): a kill in every one of them is not looked for. */
export const GONE_WRITERS_NAMED = 4;

/**
 * Why the lock is held: `write`, by a ceremony step (and by lock files of versions that did not
 * say); `read`, by `journal verify`, which holds it for the moment it reads the file.
 */
export type LockPurpose = 'write' | 'read';

export interface LockOwner extends ProcessMark {
  pid: number;
  hostname: string;
  since: string;
  purpose: LockPurpose;
  /**
   * A reader's lock: the writer's lock left behind that this reader took over and puts back at its
   * release. A reader killed before it (verify killed mid-way) leaves it here, for the next opener.
   */
  over?: LeftBehindLock & ProcessMark;
  /** A writer's lock: the writers gone whose locks it took over (LeftBehindLock.earlier), newest first. */
  tookOver?: GoneWriter[];
}

/** A lock's `boot`, `started`, `pidNs` and `timeNs` (ProcessMark), those it names. */
export function markIn(mark: { boot?: unknown; started?: unknown; pidNs?: unknown; timeNs?: unknown }): ProcessMark {
  return {
    ...(typeof mark.boot === 'string' ? { boot: mark.boot } : {}),
    ...(typeof mark.started === 'number' && Number.isSafeInteger(mark.started) ? { started: mark.started } : {}),
    ...(typeof mark.pidNs === 'string' ? { pidNs: mark.pidNs } : {}),
    ...(typeof mark.timeNs === 'string' ? { timeNs: mark.timeNs } : {}),
  };
}

/** The gone writers a lock names (`tookOver`, `over.earlier`): each with a pid and a time, at most GONE_WRITERS_NAMED. */
function goneWritersIn(value: unknown): GoneWriter[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (w): w is GoneWriter =>
        typeof (w as Partial<GoneWriter> | null)?.pid === 'number' &&
        typeof (w as GoneWriter).since === 'string' &&
        Number.isFinite(Date.parse((w as GoneWriter).since)),
    )
    .slice(0, GONE_WRITERS_NAMED)
    .map((w) => ({ pid: w.pid, since: w.since }));
}

export function earlierIn(value: unknown): { earlier?: GoneWriter[] } {
  const earlier = goneWritersIn(value);
  return earlier.length > 0 ? { earlier } : {};
}

export function ownerIn(text: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    if (
      typeof parsed.pid === 'number' &&
      typeof parsed.hostname === 'string' &&
      typeof parsed.since === 'string' &&
      Number.isFinite(Date.parse(parsed.since))
    ) {
      const purpose = parsed.purpose === 'read' ? 'read' : 'write';
      const over = parsed.over;
      const left =
        typeof over?.pid === 'number' && typeof over.since === 'string' && Number.isFinite(Date.parse(over.since))
          ? { over: { pid: over.pid, since: over.since, ...markIn(over), ...earlierIn(over.earlier) } }
          : {};
      const tookOver = goneWritersIn(parsed.tookOver);
      return {
        pid: parsed.pid,
        hostname: parsed.hostname,
        since: parsed.since,
        purpose,
        ...left,
        ...markIn(parsed),
        ...(tookOver.length > 0 ? { tookOver } : {}),
      };
    }
  } catch {
    // unreadable or half-written lock: treated as held by someone unknown
  }
  return undefined;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const BOOT_ID: string | undefined = (() => {
  try {
    const id = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return /^[0-9a-f-]{36}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
})();

/** When process `pid` started, in clock ticks since boot; undefined where it cannot be read (gone, or no /proc). */
function startedTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces or parentheses: count after the last one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const started = Number(fields[22 - 3]);
    return Number.isSafeInteger(started) ? started : undefined;
  } catch {
    return undefined;
  }
}

/** The namespace of `kind` this process is in (`pid:[4026531836]`), where the system names it. */
function namespaceOf(kind: 'pid' | 'time'): string | undefined {
  try {
    return readlinkSync(`/proc/self/ns/${kind}`);
  } catch {
    return undefined;
  }
}

/** This process's mark, read once: what a lock it takes records. */
export const THIS_PROCESS: ProcessMark = (() => {
  const started = BOOT_ID === undefined ? undefined : startedTicks(process.pid);
  const pidNs = namespaceOf('pid');
  const timeNs = namespaceOf('time');
  return {
    ...(BOOT_ID === undefined ? {} : { boot: BOOT_ID }),
    ...(started === undefined ? {} : { started }),
    ...(pidNs === undefined ? {} : { pidNs }),
    ...(timeNs === undefined ? {} : { timeNs }),
  };
})();

/** The lock was taken in another pid namespace than this process's (a container's, a sandbox's): its pid is not this one's to look up. */
export function inOtherPidNamespace(owner: ProcessMark): boolean {
  return owner.pidNs !== undefined && THIS_PROCESS.pidNs !== undefined && owner.pidNs !== THIS_PROCESS.pidNs;
}

/**
 * Whether the lock's owner still runs: a lock taken in an earlier boot has no owner left, whatever
 * process carries its pid now. A lock taken in another pid namespace (a container or a sandbox on
 * this host) is held: its pid names another process here, or none, and whether its owner runs
 * cannot be seen from here. Within this boot, its pid must run and, where the lock says when its
 * process started and that start was read in this process's time namespace, the process with that
 * pid must have started then (not one given the pid since). A lock that does not say (older builds,
 * other systems) is owned by whatever runs with its pid.
 */
export function ownerRuns(owner: ProcessMark & { readonly pid: number }): boolean {
  if (owner.boot !== undefined && BOOT_ID !== undefined && owner.boot !== BOOT_ID) return false;
  if (inOtherPidNamespace(owner)) return true;
  if (!isRunning(owner.pid)) return false;
  const comparable =
    owner.boot === BOOT_ID &&
    owner.pidNs === THIS_PROCESS.pidNs &&
    owner.timeNs === THIS_PROCESS.timeNs &&
    THIS_PROCESS.pidNs !== undefined;
  if (owner.boot === undefined || !comparable || owner.started === undefined) return true;
  const started = startedTicks(owner.pid);
  return started === undefined || started === owner.started;
}
