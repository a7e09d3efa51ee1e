/**
 * A rehearsal of all six key specs, both sides, from a cold CLI: `keyferry rehearse --specs …`
 * spawned as a new process (module loading, simulator start, its wrapping keys, material, both
 * sides, receipts). The `keyferry` command runs the CLI bundled by esbuild (bin/keyferry.js); the
 * bundle is made before the first timed run, as any start after a change makes it (its time is
 * printed on its own). Wall time per run, median and spread, and the machine's load average,
 * printed, never asserted.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { KEY_SPECS } from '../src-main/core/crypto/key-spec';

export const name = 'cold six-spec rehearsal (keyferry rehearse --specs <all six>, a new process each run)';

const exec = promisify(execFile);
const RUNS = 5;

export async function run(print: (line: string) => void): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-bench-rehearse-'));
  const bin = path.join(__dirname, '..', 'bin', 'keyferry.js');
  try {
    const bundling = performance.now();
    await exec(process.execPath, [bin, '--version']);
    print(
      `first start (bundles the CLI only if a source changed since the last start): ${((performance.now() - bundling) / 1000).toFixed(2)} s`,
    );
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await exec(process.execPath, [
        bin,
        'rehearse',
        '--specs',
        KEY_SPECS.join(','),
        '--out',
        path.join(dir, `run-${i}`),
      ]);
      times.push(performance.now() - started);
      print(
        `run ${i + 1}: ${(times[i]! / 1000).toFixed(2)} s   (load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')})`,
      );
    }
    const sorted = [...times].sort((a, b) => a - b);
    print(
      `median ${((sorted[Math.floor(RUNS / 2)] ?? 0) / 1000).toFixed(2)} s (${((sorted[0] ?? 0) / 1000).toFixed(2)}-${((sorted[RUNS - 1] ?? 0) / 1000).toFixed(2)} s) on ${os.availableParallelism()} cores, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
