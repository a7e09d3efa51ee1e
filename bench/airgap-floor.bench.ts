/**
 * The air-gapped side of a 100-key AES_256 ceremony (read the bundle, confirm, preflight, generate,
 * wrap, write the wrapped bundle, receipt, journal) against its own fsync floor, measured in the
 * same run: the same number of files of the same sizes in the same folders, each written and
 * fsynced plainly, every folder fsynced once (bench/support/airgap-side.ts). Each round runs in a
 * fresh process, as on the air-gapped workstation, from one bundle of the side's code made by
 * esbuild (a declared devDependency; tsx and vite bring the same version), as electron-vite bundles the app's main process: not through
 * tsx, whose upkeep of its disk cache walks the cache folder on the main thread while the steps run
 * (tens of thousands of entries on a machine that runs the tests) and whose run-time is not the
 * app's. Medians over the rounds with their spread
 * (lowest-highest) and the load average, since the machine may be shared. Printed, never asserted.
 * The ratio's runs carry no stall monitor (the floor does not either); the longest event-loop
 * stall per step comes from as many runs of their own under the monitors, alternated with them.
 * Beside the ratio it prints a read floor, which the floor leaves out: the input
 * bundle's files read plainly (listed, opened, stat'ed, read, closed), and the ratio against both.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { KmsClient } from '../src-main/core/kms/client';
import { AkSkCredentials } from '../src-main/core/kms/credentials';
import { startKmsSimulator } from '../src-main/core/kms-simulator/index';
import { aesPlan, onlineDayOne } from './support/ceremony-sides';

export const name = 'air-gapped side, 100 AES_256 keys, against its fsync floor (same run)';

const KEYS = 100;
const ROUNDS = 7;
const exec = promisify(execFile);

/** A timed run (bench/support/airgap-side.ts `timed`): the side, then its floor, no monitor running. */
interface Round {
  keyferryMs: number;
  floorMs: number;
  /** The same files written with synchronous calls (support/airgap-side.ts floorSync): not the floor. */
  floorSyncMs: number;
  /** The input bundle's files read plainly (support/airgap-side.ts readFloor): not in the floor. */
  readFloorMs: number;
  /** label, wall ms, CPU ms */
  steps: [string, number, number][];
  files: number;
  folders: number;
  bytes: number;
}

/** A run under the stall monitors (`stalls`): the side's time there, and per step label, longest stall in wall ms, in CPU ms. */
interface Stalls {
  keyferryMs: number;
  steps: [string, number, number][];
}

async function parametersBundle(dir: string): Promise<string> {
  const sim = await startKmsSimulator({ wrappingKeyPoolSize: KEYS, refillWrappingKeys: false });
  const kms = new KmsClient({
    endpoint: sim.endpoint,
    projectId: sim.projectId,
    credentials: new AkSkCredentials({ accessKeyId: sim.ak, secretKey: sim.sk }),
  });
  try {
    const { params, journal } = await onlineDayOne(dir, kms, sim.region, aesPlan(KEYS));
    await journal.close();
    return params;
  } finally {
    kms.close();
    await sim.close();
  }
}

/** bench/support/airgap-side.ts and everything it imports as one CommonJS file in `dir`. */
async function bundledSide(dir: string): Promise<string> {
  const outfile = path.join(dir, 'airgap-side.cjs');
  await build({
    entryPoints: [path.join(__dirname, 'support', 'airgap-side.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0]}`,
    // The PKCS#11 addon is native (the packaged app unpacks it too); the air-gapped side here does not load it.
    external: ['pkcs11js'],
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const ms = (value: number) => `${value.toFixed(0)} ms`.padStart(8);
/** The lowest and highest of `values`, as `low-high` with `digits` decimals. */
const spread = (values: number[], digits = 0) =>
  `${Math.min(...values).toFixed(digits)}-${Math.max(...values).toFixed(digits)}`;

export async function run(print: (line: string) => void): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-bench-floor-'));
  try {
    const params = await parametersBundle(dir);
    const side = await bundledSide(dir);
    const child = async <T>(kind: 'timed' | 'stalls'): Promise<T> => {
      const out = await mkdtemp(path.join(dir, 'round-'));
      try {
        // The bundle lies in a temporary folder: the PKCS#11 addon it leaves out (the air-gapped side
        // loads core/hsm) is found in this checkout's node_modules, as the CLI's bundle finds it.
        const env = { ...process.env, NODE_PATH: path.join(__dirname, '..', 'node_modules') };
        return JSON.parse((await exec(process.execPath, [side, params, out, kind], { env })).stdout) as T;
      } finally {
        await rm(out, { recursive: true, force: true });
      }
    };
    const rounds: Round[] = [];
    const stallRuns: Stalls[] = [];
    // Alternated, so a burst of load elsewhere falls on both kinds alike.
    for (let i = 0; i < ROUNDS; i++) {
      rounds.push(await child<Round>('timed'));
      stallRuns.push(await child<Stalls>('stalls'));
    }
    const [first] = rounds as [Round];
    print(
      `${first.files} files (${(first.bytes / 1024).toFixed(0)} KiB) in ${first.folders} folders; ${ROUNDS} rounds, median (lowest-highest)`,
    );
    print("time and CPU: runs with no monitor (the ratio's); stalls: as many runs of their own under the monitors");
    print(`  ${'step'.padEnd(40)} ${'time'.padStart(8)} ${'CPU'.padStart(8)}  longest event-loop stall: wall, CPU`);
    for (const [i, [label]] of first.steps.entries()) {
      const column = (runs: { steps: [string, number, number][] }[], c: 1 | 2) => runs.map((r) => r.steps[i]?.[c] ?? 0);
      const stall = (c: 1 | 2) =>
        `${median(column(stallRuns, c)).toFixed(1)} (${spread(column(stallRuns, c), 1)}) ms`.padStart(20);
      print(
        `  ${label.padEnd(40)} ${ms(median(column(rounds, 1)))} ${ms(median(column(rounds, 2)))}  ${stall(1)}, ${stall(2)}`,
      );
    }
    const keyferry = rounds.map((r) => r.keyferryMs);
    const floor = rounds.map((r) => r.floorMs);
    const ratios = rounds.map((r) => r.keyferryMs / r.floorMs);
    print(`Keyferry, the whole air-gapped side:      ${ms(median(keyferry))}   (${spread(keyferry)} ms)`);
    print(`fsync floor (same files, plain writes):   ${ms(median(floor))}   (${spread(floor)} ms)`);
    const floorSync = rounds.map((r) => r.floorSyncMs);
    const overSync = rounds.map((r) => r.keyferryMs / r.floorSyncMs);
    print(
      `${'the same writes, synchronous calls:'.padEnd(42)}${ms(median(floorSync))}   (${spread(floorSync)} ms; Keyferry / it ${median(overSync).toFixed(1)}x, ${spread(overSync, 1)})`,
    );
    const monitored = stallRuns.map((r) => r.keyferryMs);
    print(
      `the side under the stall monitors:        ${ms(median(monitored))}   (${spread(monitored)} ms; not in the ratio)`,
    );
    // The floor swings with the disk's fsync time from one second to the next (75-320 ms seen here);
    // what Keyferry adds to it moves far less, and is what a change to Keyferry moves.
    // Not the ratio: the floor counts only what is written, while the side must read its
    // input too (read as Keyferry reads it, with synchronous calls).
    const readFloor = rounds.map((r) => r.readFloorMs);
    const withRead = rounds.map((r) => r.keyferryMs / (r.floorMs + r.readFloorMs));
    print(
      `${'read floor (input bundle, sync reads):'.padEnd(42)}${ms(median(readFloor))}   (${spread(readFloor)} ms; not in the floor)`,
    );
    print(
      `${'ratio Keyferry / (floor + read floor):'.padEnd(42)}${median(withRead).toFixed(1)}x   (${spread(withRead, 1)})`,
    );
    const beyond = rounds.map((r) => r.keyferryMs - r.floorMs);
    print(`Keyferry beyond the floor, per round:     ${ms(median(beyond))}   (${spread(beyond)} ms)`);
    print(
      `ratio Keyferry / floor, per round:        ${median(ratios).toFixed(1)}x   (${spread(ratios, 1)}; rounds ${ratios
        .map((r) => r.toFixed(1))
        .join(', ')}; load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')})`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
