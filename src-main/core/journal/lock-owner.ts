/**
 * Whether the process a journal lock names still runs (core/journal/lock.ts). A lock records the
 * boot it was taken in and, within that boot, when its process started: pids are given again, after
 * a reboot and, on a workstation that runs long enough, within one boot too, when they wrap around.
 * A dead writer's lock whose pid another process carries now was refused as "open for writing by
 * process N" (and deleting it by hand lost the killed session's trace). No clock is compared: an
 * air-gapped workstation's clock is set by hand.
 */
import { readFileSync } from 'node:fs';

/** What a lock records of its process beside its pid, where the system names it (Linux). */
export interface ProcessMark {
  /** The boot the lock was taken in: /proc/sys/kernel/random/boot_id, new at every boot. */
  readonly boot?: string;
  /** When its process started, in clock ticks since that boot (/proc/<pid>/stat, field 22). */
  readonly started?: number;
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

/** This process's mark, read once: what a lock it takes records. */
export const THIS_PROCESS: ProcessMark = (() => {
  const started = BOOT_ID === undefined ? undefined : startedTicks(process.pid);
  return { ...(BOOT_ID === undefined ? {} : { boot: BOOT_ID }), ...(started === undefined ? {} : { started }) };
})();

/**
 * Whether the lock's owner still runs: a lock taken in an earlier boot has no owner left, whatever
 * process carries its pid now; within this boot, its pid must run and, where the lock says when its
 * process started, the process with that pid must have started then (not one given the pid since).
 * A lock that does not say (older builds, other systems) is owned by whatever runs with its pid.
 */
export function ownerRuns(owner: ProcessMark & { readonly pid: number }): boolean {
  if (owner.boot !== undefined && BOOT_ID !== undefined && owner.boot !== BOOT_ID) return false;
  if (!isRunning(owner.pid)) return false;
  if (owner.boot === undefined || owner.boot !== BOOT_ID || owner.started === undefined) return true;
  const started = startedTicks(owner.pid);
  return started === undefined || started === owner.started;
}
