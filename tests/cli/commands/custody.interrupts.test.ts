/**
 * `keyferry custody split` (the standalone command) stopped by Ctrl-C while it writes the custodian
 * folders, in a real process (the installed bin, SIGINT to its process group as a terminal sends it):
 * the first custodian's folder is complete (share, slips, backup, printout) and the second not yet
 * started; the stop removes what was written, says so in one line, and the same command then
 * makes a fresh split. The two folders sit on two real volumes (the temp folder and /dev/shm),
 * since the command refuses two shares on one volume.
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, spawnCli, type CliRun } from '../../integration/cli-process';

let dir: string;
let folders: string[];
const material = randomBytes(32);

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-split-stop-'));
  const other = await mkdtemp(path.join('/dev/shm', 'kf-split-stop-'));
  folders = [path.join(dir, 'custodian-1'), path.join(other, 'custodian-2')];
  for (const folder of folders) await mkdir(folder);
  // Two volumes, or the command refuses before writing anything (and this test would prove nothing).
  expect(statSync(folders[0] as string).dev).not.toBe(statSync(folders[1] as string).dev);
  await writeFile(path.join(dir, 'material.bin'), material);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(path.dirname(folders[1] as string), { recursive: true, force: true });
});

const SPLIT = [
  ...['custody', 'split', '--material', 'material.bin', '--key-spec', 'AES_256'],
  ...['--ceremony-id', 'KF-20250301-abcdef', '--key-id', '0d0466b0-e727-4d9c-b35d-f84bb474a37f'],
  ...['--m', '2', '--n', '2', '--custodian', 'Dana', '--custodian', 'Eli'],
  // A real process on this networked machine: the override, as a rehearsal would give it.
  '--allow-network',
];

/** Runs the split paused once the first custodian's folder is complete, does `atPause`, then sends Ctrl-C. */
async function stopAtFirstFolder(args: readonly string[], atPause: () => Promise<void>): Promise<CliRun> {
  const child = spawnCli(args, {
    cwd: dir,
    detached: true,
    env: { NODE_ENV: 'test', KEYFERRY_TEST_PAUSE_AT: 'custody-split-first-folder' },
  });
  let stdout = '';
  let stderr = '';
  let sent = false;
  return new Promise<CliRun>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
      if (!sent && stderr.includes('test pause: custody-split-first-folder')) {
        sent = true;
        void atPause().then(() => process.kill(-(child.pid as number), 'SIGINT'), reject);
      }
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('custody split stopped by Ctrl-C while writing the custodian folders', () => {
  it('names the files its folder took away when moved meanwhile, never "removed", and touches the new folder in its place', async () => {
    const first = folders[0] as string;
    const moved = `${first}-moved`;
    const run = await stopAtFirstFolder([...SPLIT, ...folders.flatMap((f) => ['--out', f])], async () => {
      // Something beside Keyferry moves the complete folder away and puts an empty one in its place.
      await rename(first, moved);
      await mkdir(first);
      await writeFile(path.join(first, 'theirs.txt'), 'not a share');
    });
    expect(run.code).toBe(130);
    const line = run.stderr.split('\n').find((l) => l.includes('Stopped by')) ?? '';
    expect(line).toContain('none of the files it had written was removed');
    expect(line).not.toContain('nothing had been written');
    expect(line).toContain('NOT WHERE THEY WERE WRITTEN (their folder moved, or its media removed)');
    const written = (await readdir(moved)).sort();
    expect(written).toHaveLength(5);
    for (const name of written) expect(line).toContain(path.join(first, name));
    expect(await readdir(first)).toEqual(['theirs.txt']);
  }, 120_000);

  it('removes the files it wrote, says so once, leaves the material; the same command then splits afresh', async () => {
    const args = [...SPLIT, ...folders.flatMap((f) => ['--out', f])];
    let firstFolder: string[] = [];
    const run = await stopAtFirstFolder(args, async () => {
      firstFolder = await readdir(folders[0] as string);
    });
    // Stopped mid-write: custodian 1's folder was complete, custodian 2's not begun.
    expect(firstFolder).toHaveLength(5);
    expect(run.code).toBe(130);
    const lines = run.stderr.split('\n').filter((l) => l.includes('Stopped by'));
    expect(lines).toEqual([
      `Stopped by Ctrl-C (SIGINT) before the custody split finished: the 5 files it had written (shares, slips, backup) were removed again from ${folders[0]}. The material file is unchanged; run the same command again to make a fresh split.`,
    ]);
    expect(run.stdout + run.stderr).not.toMatch(/Unexpected failure|report it|could not|CUSTODY_SHARES_WRITE_FAILED/i);
    for (const folder of folders) expect(await readdir(folder)).toEqual([]);
    expect((await readFile(path.join(dir, 'material.bin'))).equals(material)).toBe(true);

    const again = await runCli(args, { cwd: dir });
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    for (const folder of folders) expect((await readdir(folder)).filter((n) => n.endsWith('.json'))).toHaveLength(1);
  }, 120_000);
});
