/**
 * One temporary folder for the whole test run. The run's global setup makes it and points TMPDIR at
 * it before any test process, CLI, simulator or Chromium starts, so every `os.tmpdir()` folder they
 * make lands inside it (the child processes inherit TMPDIR); the teardown removes it whole. Before,
 * every run of the suite left about 250 folders in /tmp, among them the tests' plaintext key
 * material (PlaintextKeyMaterial.bin), share files and journals, since many tests remove only what
 * their own last step made or nothing when they fail.
 *
 * A folder some test left a file system mounted under (a tmpfs, an exFAT image) is never walked
 * into: the teardown unmounts what it finds first, and leaves the folder (saying so) if that fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SYSTEM_TMPDIR } from './system-temp-dir';

/** The mount points at or under `folder`, deepest first (from /proc/self/mountinfo; none off Linux). */
function mountsUnder(folder: string): string[] {
  let table: string;
  try {
    table = readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return [];
  }
  // Field 5 is the mount point, with spaces and the like written as octal escapes (\040).
  const points = table
    .split('\n')
    .map((line) => line.split(' ')[4])
    .filter((point): point is string => point !== undefined)
    .map((point) => point.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8))));
  return points
    .filter((point) => point === folder || point.startsWith(`${folder}${path.sep}`))
    .sort((a, b) => b.length - a.length);
}

/**
 * Makes the run's temporary folder under the system's one and sets TMPDIR to it for this process
 * and every process started after; returns the teardown, which removes it and gives TMPDIR back.
 */
export function useRunTempFolder(): () => void {
  const before = process.env.TMPDIR;
  const system = os.tmpdir();
  const folder = mkdtempSync(path.join(system, 'keyferry-tests-'));
  process.env.TMPDIR = folder;
  process.env[SYSTEM_TMPDIR] = system;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    delete process.env[SYSTEM_TMPDIR];
    const mounted = mountsUnder(folder);
    for (const point of mounted) {
      try {
        execFileSync('umount', ['-l', point], { stdio: 'ignore' });
      } catch {
        // Said below: the folder stays.
      }
    }
    const still = mountsUnder(folder);
    if (still.length > 0) {
      process.stderr.write(
        `The test run's temporary folder ${folder} was left: a file system is still mounted under it (${still.join(', ')}).\n`,
      );
      return;
    }
    rmSync(folder, { recursive: true, force: true });
  };
}
