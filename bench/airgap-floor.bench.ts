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
const ROUNDS = 5;
const exec = promisify(execFile);

interface Round {
  keyferryMs: number;
  floorMs: number;
  /** label, wall ms, longest stall (wall ms), CPU ms, longest stall (CPU ms) */
  steps: [string, number, number, number, number][];
  files: number;
  folders: number;
  bytes: number;
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
    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const out = await mkdtemp(path.join(dir, 'round-'));
      const { stdout } = await exec(process.execPath, [side, params, out]);
      rounds.push(JSON.parse(stdout) as Round);
      await rm(out, { recursive: true, force: true });
    }
    const [first] = rounds as [Round];
    print(
      `${first.files} files (${(first.bytes / 1024).toFixed(0)} KiB) in ${first.folders} folders; ${ROUNDS} rounds, median (lowest-highest)`,
    );
    print(`  ${'step'.padEnd(40)} ${'time'.padStart(8)} ${'CPU'.padStart(8)}  longest event-loop stall: wall, CPU`);
    for (const [i, [label]] of first.steps.entries()) {
      const column = (c: 1 | 2 | 3 | 4) => rounds.map((r) => r.steps[i]?.[c] ?? 0);
      const stall = (c: 2 | 4) => `${median(column(c)).toFixed(1)} (${spread(column(c), 1)}) ms`.padStart(20);
      print(`  ${label.padEnd(40)} ${ms(median(column(1)))} ${ms(median(column(3)))}  ${stall(2)}, ${stall(4)}`);
    }
    const keyferry = rounds.map((r) => r.keyferryMs);
    const floor = rounds.map((r) => r.floorMs);
    const ratios = rounds.map((r) => r.keyferryMs / r.floorMs);
    print(`Keyferry, the whole air-gapped side:      ${ms(median(keyferry))}   (${spread(keyferry)} ms)`);
    print(`fsync floor (same files, plain writes):   ${ms(median(floor))}   (${spread(floor)} ms)`);
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
