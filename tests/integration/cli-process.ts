/**
 * Test helper: runs the package's `keyferry` bin (bin/keyferry.js: the CLI bundled by esbuild) with
 * the Node running the tests, as a child process, and collects its output. Not `npx tsx`: npx
 * starts npm and a second Node before the CLI's own, seconds per run on a loaded machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import packageJson from '../../package.json';

export const ROOT = path.resolve(__dirname, '../..');
/** The package's `keyferry` command (package.json "bin"). */
export const KEYFERRY_BIN = path.join(ROOT, packageJson.bin.keyferry);

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts the CLI in `cwd` with `env` added to a copy of this process's environment. */
export function spawnCli(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; detached?: boolean } = {},
): ChildProcess {
  return spawn(process.execPath, [KEYFERRY_BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
}

/** Runs the CLI to completion. */
export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliRun> {
  return runOf(spawnCli(args, options));
}

/** A started CLI's exit code and output, once it ends. */
export function runOf(child: ChildProcess): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Runs the CLI in a process group of its own and stops it with Ctrl-C (SIGINT to the group) once
 * `ready()`, polled every 50 ms, says so; `stopped` tells whether the stop was sent before it ended.
 */
export async function runStoppedWhen(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv },
  ready: () => Promise<boolean>,
): Promise<CliRun & { readonly stopped: boolean }> {
  const child = spawnCli(args, { ...options, detached: true });
  let stopped = false;
  let failed: unknown;
  const poll = setInterval(() => {
    if (stopped) return;
    ready().then(
      (now) => {
        if (!now || stopped) return;
        stopped = true;
        process.kill(-(child.pid as number), 'SIGINT');
      },
      (error: unknown) => (failed ??= error),
    );
  }, 50);
  const run = await runOf(child).finally(() => clearInterval(poll));
  if (failed !== undefined) throw failed;
  return { ...run, stopped };
}

/**
 * Runs the CLI (NODE_ENV=test) in a process group of its own and kills it (SIGKILL) once it pauses at
 * the test pause `point` (src-main/cli/test-pause.ts); the process and its run once it ended.
 */
export async function killedAt(
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
  point: string,
): Promise<{ child: ChildProcess; run: CliRun }> {
  const child = spawnCli(args, {
    cwd: options.cwd,
    env: { ...options.env, NODE_ENV: 'test', KEYFERRY_TEST_PAUSE_AT: point },
    detached: true,
  });
  child.stderr?.on('data', (d: Buffer) => {
    if (d.toString('utf8').includes(`test pause: ${point}`)) process.kill(-(child.pid as number), 'SIGKILL');
  });
  return { child, run: await runOf(child) };
}

/** The journal head and entry count a receipt's text twin prints. */
export function receiptJournalSeal(text: string): { head: string; count: number } {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => /Journal head: hash of entry \d+ of \d+/i.test(l));
  const count = Number(/entry (\d+) of/.exec(lines[at] ?? '')?.[1]);
  const head = `${lines[at + 1] ?? ''}${lines[at + 2] ?? ''}`.replace(/\s+/g, '');
  return { head, count };
}
