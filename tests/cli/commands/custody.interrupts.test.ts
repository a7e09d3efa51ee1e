/**
 * `keyferry custody split` (the standalone command) stopped by Ctrl-C while it writes the custodian
 * folders, in a real process (the installed bin, SIGINT to its process group as a terminal sends it):
 * the first custodian's folder is complete (share, slips, backup, printout) and the second not yet
 * started; the stop removes what was written, says so in one line, and the same command then
 * makes a fresh split. The two folders sit on two real volumes (two tmpfs sticks), apart
 * from the material's (the temp folder's), since the command refuses two shares on one volume and a
 * share on the material's. A folder moved away meanwhile is named, never
 * called emptied. `custody restore --out` stopped while it writes key material in plain form takes
 * away what it wrote, or names what it could not; stopped once all is written, it prints the files
 * and the WARNING and ends 0 (a trial's stop left 41 such files with no word about them).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, spawnCli, type CliRun } from '../../integration/cli-process';
import { runRehearsal } from '../../../src-main/core/ceremony/rehearsal/rehearsal';
import { shareFileIn } from '../../helpers/custody-files';
import { MOUNTS_AVAILABLE, mountTmpfs } from '../../support/tmpfs-mount';

let dir: string;
let folders: string[];
let unmountSticks: (() => void)[] = [];
const material = randomBytes(32);

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-split-stop-'));
  // Each custodian's stick is a real tmpfs (never /dev/shm: the workstation's memory is refused);
  // the material stays on the temp folder's disk. Three volumes, or the command refuses before
  // writing anything (a folder on the material's volume, or two on one) and these tests would prove nothing.
  const sticks = [path.join(dir, 'stick-1'), path.join(dir, 'stick-2')];
  unmountSticks = MOUNTS_AVAILABLE ? sticks.map((stick) => mountTmpfs(stick, { sizeKiB: 1024 })) : [];
  folders = sticks.map((stick, i) => path.join(stick, `custodian-${i + 1}`));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  await writeFile(path.join(dir, 'material.bin'), material);
  if (unmountSticks.length > 0) {
    const volumes = [path.join(dir, 'material.bin'), ...folders].map((f) => statSync(f).dev);
    expect(new Set(volumes).size).toBe(3);
  }
});
afterEach(async () => {
  for (const unmount of unmountSticks.splice(0)) unmount();
  await rm(dir, { recursive: true, force: true });
});

const SPLIT = [
  ...['custody', 'split', '--material', 'material.bin', '--key-spec', 'AES_256'],
  ...['--ceremony-id', 'KF-20250301-abcdef', '--key-id', '0d0466b0-e727-4d9c-b35d-f84bb474a37f'],
  ...['--m', '2', '--n', '2', '--custodian', 'Dana', '--custodian', 'Eli'],
  // A real process on this networked machine: the override, as a rehearsal would give it.
  '--allow-network',
];

/** Runs the command paused at `point` (by default once the split's first custodian folder is complete), does `atPause`, then sends Ctrl-C. */
async function stopAtFirstFolder(
  args: readonly string[],
  atPause: () => Promise<void>,
  point = 'custody-split-first-folder',
): Promise<CliRun> {
  const child = spawnCli(args, {
    cwd: dir,
    detached: true,
    env: { NODE_ENV: 'test', KEYFERRY_TEST_PAUSE_AT: point },
  });
  let stdout = '';
  let stderr = '';
  let sent = false;
  return new Promise<CliRun>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
      if (!sent && stderr.includes(`test pause: ${point}`)) {
        sent = true;
        void atPause().then(() => process.kill(-(child.pid as number), 'SIGINT'), reject);
      }
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(!MOUNTS_AVAILABLE)('custody split stopped by Ctrl-C while writing the custodian folders', () => {
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

describe('custody restore --out stopped by Ctrl-C while it writes the key material in plain form', () => {
  /** A rehearsal's custody set of two keys, 2-of-2; returns `custody restore` of both shares into `out`. */
  async function restoreArgs(out: string): Promise<string[]> {
    const rehearsal = await runRehearsal({
      outDir: path.join(dir, 'ceremony'),
      specs: ['AES_256', 'EC_P256'],
      app: { version: '0.1.0-test', build: 'test' },
      custody: { m: 2, n: 2, custodians: ['Dana', 'Eli'] },
    });
    expect(rehearsal.ok).toBe(true);
    const shares = [1, 2].map((i) => shareFileIn(`ceremony/custodian-${i}`, i, dir));
    return ['custody', 'restore', ...shares.flatMap((s) => ['--share', s]), '--out', out, '--allow-network'];
  }

  it('takes away the key file it had written, with its folder, and says so', async () => {
    const out = path.join(dir, 'restored');
    const run = await stopAtFirstFolder(await restoreArgs(out), async () => undefined, 'custody-restore-first-key');
    expect(run.code).toBe(130);
    expect(run.stderr).toContain(
      'Stopped by Ctrl-C (SIGINT) before the restored key material was all written: what it had written was taken away again, with the folder it made; nothing of it is left.',
    );
    expect(run.stderr).not.toContain('nothing it was doing counts as done');
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it('stopped once every key file is written: prints them with the WARNING and ends 0', async () => {
    const out = path.join(dir, 'restored');
    const args = await restoreArgs(out);
    const run = await stopAtFirstFolder(args, async () => undefined, 'custody-restore-written');
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).toContain('WARNING');
    expect(run.stderr).toContain(
      'Stopped by Ctrl-C (SIGINT) after the restored key material was written: the files above hold it in plain form',
    );
    expect((await readdir(out)).filter((n) => n.endsWith('.key'))).toHaveLength(2);
  }, 120_000);

  it('names the key material it could not take away when its folder was moved meanwhile', async () => {
    const out = path.join(dir, 'restored');
    const run = await stopAtFirstFolder(
      await restoreArgs(out),
      () => rename(out, `${out}-moved`),
      'custody-restore-first-key',
    );
    expect(run.code).toBe(130);
    expect(run.stderr).toContain(
      `before the restored key material was all written, and files of it could not be taken away again: ${out}. They hold key material in plain form: destroy them now, wherever they are.`,
    );
    expect((await readdir(`${out}-moved`)).filter((n) => n.endsWith('.key'))).toHaveLength(1);
  }, 120_000);
});
