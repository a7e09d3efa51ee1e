/**
 * The air-gapped side of a 100-key AES_256 ceremony (read the bundle, confirm, preflight, generate,
 * wrap, write the wrapped bundle, receipt, journal) against its own fsync floor, measured in the
 * same run: the same number of files of the same sizes in the same folders, each written and
 * fsynced plainly, every folder fsynced once (bench/support/airgap-side.ts). Each round runs in a
 * fresh process, as on the air-gapped workstation. Figures are printed, never asserted.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { KmsClient } from '../src-main/core/kms/client';
import { AkSkCredentials } from '../src-main/core/kms/credentials';
import { startKmsSimulator } from '../src-main/core/kms-simulator/index';
import { aesPlan, onlineDayOne } from './support/ceremony-sides';

export const name = 'air-gapped side, 100 AES_256 keys, against its fsync floor (same run)';

const KEYS = 100;
const ROUNDS = 3;
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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const ms = (value: number) => `${value.toFixed(0)} ms`.padStart(8);

export async function run(print: (line: string) => void): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-bench-floor-'));
  try {
    const params = await parametersBundle(dir);
    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const out = await mkdtemp(path.join(dir, 'round-'));
      const { stdout } = await exec(process.execPath, [
        '--import',
        'tsx',
        path.join(__dirname, 'support', 'airgap-side.ts'),
        params,
        out,
      ]);
      rounds.push(JSON.parse(stdout) as Round);
      await rm(out, { recursive: true, force: true });
    }
    const [first] = rounds as [Round];
    print(
      `${first.files} files (${(first.bytes / 1024).toFixed(0)} KiB) in ${first.folders} folders; ${ROUNDS} rounds, medians`,
    );
    print(`  ${'step'.padEnd(40)} ${'time'.padStart(8)} ${'CPU'.padStart(8)}  longest event-loop stall: wall, CPU`);
    for (const [i, [label]] of first.steps.entries()) {
      const column = (c: 1 | 2 | 3 | 4) => median(rounds.map((r) => r.steps[i]?.[c] ?? 0));
      print(
        `  ${label.padEnd(40)} ${ms(column(1))} ${ms(column(3))}  ${column(2).toFixed(1).padStart(6)} ms, ${column(4).toFixed(1).padStart(5)} ms`,
      );
    }
    const keyferry = median(rounds.map((r) => r.keyferryMs));
    const floor = median(rounds.map((r) => r.floorMs));
    const ratios = rounds.map((r) => r.keyferryMs / r.floorMs).sort((a, b) => a - b);
    print(`Keyferry, the whole air-gapped side:      ${ms(keyferry)}`);
    print(`fsync floor (same files, plain writes):   ${ms(floor)}`);
    print(
      `ratio Keyferry / floor:                   ${(keyferry / floor).toFixed(1)}x   (per round ${ratios
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
