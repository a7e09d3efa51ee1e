/**
 * What the "two folders as two machines" integration tests share: the package's `keyferry` bin, a
 * free loopback port, the two machines' folders, a persisted simulator started through that bin, a pasted line run in bash with
 * `keyferry` on PATH, the command a "Next…: keyferry …" hint suggests, and the air-gapped command
 * followed by the import it prints.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect } from 'vitest';
import { airgapConfirmations } from '../cli/commands/witness-args';
import { keyferry, type InProcessRun } from './cli-in-process';
import { KEYFERRY_BIN } from './cli-process';

export { KEYFERRY_BIN };

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The first line `keyferry kms-sim --json` prints. */
export interface SimulatorInfo {
  endpoint: string;
  region: string;
  projectId: string;
  ak: string;
  sk: string;
}

/** Starts `keyferry kms-sim --state sim-state.json --json` in `cwd`; `ready` is its first line. */
export function startSimulatorProcess<T extends SimulatorInfo>(
  cwd: string,
  port: number,
  extra: readonly string[] = [],
): { child: ChildProcess; ready: Promise<T> } {
  const child = spawn(
    KEYFERRY_BIN,
    ['kms-sim', '--state', 'sim-state.json', '--port', String(port), ...extra, '--json'],
    {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const ready = new Promise<T>((resolve, reject) => {
    let buffer = '';
    child.stdout?.on('data', (d: Buffer) => {
      buffer += d.toString('utf8');
      const end = buffer.indexOf('\n');
      if (end >= 0) resolve(JSON.parse(buffer.slice(0, end)) as T);
    });
    child.once('exit', () => reject(new Error('the simulator exited')));
  });
  return { child, ready };
}

/**
 * Stops a simulator process started above and waits until it has exited: it writes its state file
 * as it stops, so removing its folder before then races that write (ENOTEMPTY).
 */
export async function stopSimulatorProcess(child: ChildProcess | undefined): Promise<void> {
  if (child?.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Runs one pasted line in bash in `cwd`, with the `keyferry` in `binDir` first on PATH. */
export function paste(
  line: string,
  cwd: string,
  binDir: string,
  env: NodeJS.ProcessEnv = {},
): { code: number | null; out: string; err: string } {
  const run = spawnSync('bash', ['-c', line], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env, PATH: `${binDir}:${process.env.PATH ?? ''}` },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** The command a "Next…: keyferry …" (or Chinese "下一步…：keyferry …") line suggests, as printed. */
export function hint(out: string): string {
  // Chinese: a line, or a sentence after another, that starts with 下一步.
  const line = out.split('\n').find((l) => /(\bNext\b.*?: |(?:^|。)下一步.*?：)keyferry /.test(l));
  expect(line, `no Next hint in:\n${out}`).toBeDefined();
  return (line as string).slice((line as string).indexOf('keyferry '));
}

/**
 * `out` with the removable media's placeholder in its Next lines (`MEDIA/…`) replaced by `media`,
 * as the officer types it: this machine's fact, like the witnesses' typed digest.
 */
export function onMedia(out: string, media: string): string {
  return out.replace(/(^|\s)MEDIA\//g, `$1${media}/`);
}

/** The folder the line after a Next line names as MEDIA on the workstation that printed it ("MEDIA: the folder that holds the bundle (… on this workstation)"). */
export function printedMediaFolder(out: string): string {
  const folder = /^MEDIA[:：][^(（]*[(（](?:在本工作站上为 )?(.+?)(?: on this workstation)?[)）]/m.exec(out)?.[1];
  expect(folder, `no MEDIA line in:\n${out}`).toBeDefined();
  return folder as string;
}

/**
 * `out` (of `online params` or `airgap wrap`) with MEDIA replaced by the folder its own MEDIA line
 * names: the tests' two machines share one file system, so both mount the media at that path.
 */
export function onPrintedMedia(out: string): string {
  return onMedia(out, printedMediaFolder(out));
}

/** The words after `keyferry` of the command a hint suggests, as a POSIX shell splits them ('…' quoting undone). */
export function nextCommand(out: string): string[] {
  return shellWords(hint(out).slice('keyferry '.length));
}

/** Splits `line` into words as a shell does for what cli/command-line.ts writes: blanks apart, '…' literal, \x as x. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === "'") quoted = false;
      else word += ch;
    } else if (ch === "'") {
      quoted = true;
      word ??= '';
    } else if (ch === '\\') {
      i += 1;
      word = (word ?? '') + (line[i] ?? '');
    } else if (/\s/.test(ch)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** Two folders as two machines in the new folder `dir`: online/ and airgap/, and bin/ holding `keyferry` for PATH. */
export async function twoMachines(dir: string): Promise<{ online: string; airgap: string }> {
  const online = path.join(dir, 'online');
  const airgap = path.join(dir, 'airgap');
  await mkdir(online);
  await mkdir(airgap);
  await mkdir(path.join(dir, 'bin'));
  await symlink(KEYFERRY_BIN, path.join(dir, 'bin', 'keyferry'));
  return { online, airgap };
}

/**
 * A test file's two machines and its one persisted simulator process: `machines()` makes online/,
 * airgap/ and bin/ in a new temp folder named from `prefix`; `startSimulator(cwd, port)` starts
 * `keyferry kms-sim` (with `simulatorArgs`) there; `paste(line, cwd, env)` runs a pasted line with
 * that bin/ on PATH. After the file, the simulator is stopped (its state written) and the folder removed.
 */
export function pastedCeremony<T extends SimulatorInfo = SimulatorInfo>(
  prefix: string,
  simulatorArgs: readonly string[] = [],
) {
  let dir: string | undefined;
  let sim: ChildProcess | undefined;
  afterAll(async () => {
    await stopSimulatorProcess(sim);
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    async machines(): Promise<{ online: string; airgap: string }> {
      dir = await mkdtemp(path.join(os.tmpdir(), prefix));
      return twoMachines(dir);
    },
    startSimulator(cwd: string, port: number): Promise<T> {
      const started = startSimulatorProcess<T>(cwd, port, simulatorArgs);
      sim = started.child;
      return started.ready;
    },
    stopSimulator: (): Promise<void> => stopSimulatorProcess(sim),
    paste(line: string, cwd: string, env: NodeJS.ProcessEnv = {}): ReturnType<typeof paste> {
      return paste(line, cwd, path.join(dir as string, 'bin'), env);
    },
  };
}

/** The first command an officer types: `online create-key` from plan.json into online.jsonl, against the simulator `info`. */
export function createKeyLine(info: SimulatorInfo): string {
  return `keyferry online create-key --journal online.jsonl --plan plan.json --endpoint ${info.endpoint} --region ${info.region} --project-id ${info.projectId}`;
}

/** The shell line `line` without the custody options an `online params` hint leaves to fill in (the caller adds --no-backup). */
export function lineWithoutCustodyToFillIn(line: string): string {
  return line.replace(' --custody M/N --custodian NAME --custodian-folder DIR', '');
}

/** `words` without the custody options an `online params` hint leaves to fill in (the caller gives its own, or --no-backup). */
export function withoutCustodyToFillIn(words: readonly string[]): string[] {
  const at = words.indexOf('M/N');
  return at > 0 && words[at - 1] === '--custody' ? [...words.slice(0, at - 1), ...words.slice(at + 5)] : [...words];
}

/**
 * The air-gapped command `command` (e.g. the `airgap wrap` or `custody restore` that `online params`
 * printed) run in `sides.airgap` with no environment, every witness confirming the digest
 * `paramsOutput` printed, `--allow-network` and `extra`; then the `online import` it printed, run in
 * `sides.online` with `sides.env`. Each must succeed with nothing on stderr.
 */
export async function airGappedThenImport(
  command: readonly string[],
  paramsOutput: string,
  sides: { readonly online: string; readonly airgap: string; readonly env: NodeJS.ProcessEnv },
  extra: readonly string[] = [],
): Promise<{ airGapped: InProcessRun; imported: InProcessRun }> {
  const airGapped = await keyferry(
    [...withoutCustodyToFillIn(command), ...airgapConfirmations(paramsOutput, ['Ben']), '--allow-network', ...extra],
    { cwd: sides.airgap, env: {} },
  );
  expect(airGapped.stderr).toBe('');
  expect(airGapped.code).toBe(0);
  const imported = await keyferry(nextCommand(onPrintedMedia(airGapped.stdout)), { cwd: sides.online, env: sides.env });
  expect(imported.stderr).toBe('');
  expect(imported.code).toBe(0);
  return { airGapped, imported };
}
