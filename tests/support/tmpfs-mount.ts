/**
 * Test helper: real small tmpfs mounts, read-only or nearly full. Tests run as root, and chmod
 * does not stop root, but a read-only mount (EROFS) and a full file system (ENOSPC) do.
 * Mounting needs CAP_SYS_ADMIN; `MOUNTS_AVAILABLE` says whether this machine allows it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function tryMount(): boolean {
  if (process.platform !== 'linux') return false;
  const probe = mkdtempSync(path.join(os.tmpdir(), 'kf-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmdirSync(probe);
  }
}

/** True where this process may mount a tmpfs (root with CAP_SYS_ADMIN on Linux). */
export const MOUNTS_AVAILABLE = tryMount();

/** Mounts a tmpfs of `sizeKiB` at the new folder `dir`; `readOnly` remounts it read-only after `prepare` ran. */
export function mountTmpfs(
  dir: string,
  options: { sizeKiB: number; readOnly?: boolean; prepare?: (dir: string) => void },
): () => void {
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${options.sizeKiB}k,mode=0755`, 'tmpfs', dir]);
  options.prepare?.(dir);
  if (options.readOnly) execFileSync('mount', ['-o', 'remount,ro', dir]);
  return () => {
    execFileSync('umount', ['-l', dir]);
    rmdirSync(dir);
  };
}

/** Mounts the folder `from` again at the new folder `at` (a bind mount); the function returned unmounts it. */
export function bindMount(from: string, at: string): () => void {
  mkdirSync(at, { recursive: true });
  execFileSync('mount', ['--bind', from, at]);
  return () => {
    execFileSync('umount', ['-l', at]);
    rmdirSync(at);
  };
}

/** Fills the file system holding `dir` until it is full (ENOSPC), leaving `leaveBytes` at most. */
export function fillUp(dir: string): void {
  const chunk = Buffer.alloc(4096, 1);
  for (let i = 0; ; i++) {
    try {
      writeFileSync(path.join(dir, `filler-${i}`), chunk);
    } catch {
      return;
    }
  }
}
