/**
 * A rehearsal of all six key specs, both sides, from a cold CLI: `keyferry rehearse --specs …`
 * spawned as a new process (module loading, simulator start, its wrapping keys, material, both
 * sides, receipts). Wall time per run and the machine's load average, printed, never asserted.
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
const RUNS = 3;

export async function run(print: (line: string) => void): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-bench-rehearse-'));
  const bin = path.join(__dirname, '..', 'bin', 'keyferry.js');
  try {
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
      `median ${((sorted[Math.floor(RUNS / 2)] ?? 0) / 1000).toFixed(2)} s, best ${((sorted[0] ?? 0) / 1000).toFixed(2)} s on ${os.availableParallelism()} cores`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
