/**
 * A rehearsal of all six key specs, both sides, from a cold CLI: `keyferry rehearse --specs …`
 * spawned as a new process (module loading, simulator start, its wrapping keys, material, both
 * sides, receipts). The `keyferry` command runs the CLI bundled by esbuild (bin/keyferry.js); the
 * bundle is made before the first timed run, as any start after a change makes it (its time is
 * printed on its own). Wall time per run, median and spread, and the machine's load average,
 * printed, never asserted; beside it, the CPU time (user + system) the run's processes used, which
 * a loaded machine does not inflate as it does the wall time (Linux: from /proc/self/stat).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { KEY_SPECS } from '../src-main/core/crypto/key-spec';

export const name = 'cold six-spec rehearsal (keyferry rehearse --specs <all six>, a new process each run)';

const exec = promisify(execFile);
const RUNS = 5;
/** USER_HZ: the unit of /proc's CPU times, 100 on Linux. */
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) of this process's children that have ended; undefined without /proc. */
function endedChildrenCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'latin1');
    // After "pid (name) ", field 3 (state) comes first; cutime and cstime are fields 16 and 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

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
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const cpuBefore = endedChildrenCpuSeconds();
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
      const cpuAfter = endedChildrenCpuSeconds();
      if (cpuBefore !== undefined && cpuAfter !== undefined) cpu.push(cpuAfter - cpuBefore);
      print(
        `run ${i + 1}: ${(times[i]! / 1000).toFixed(2)} s, CPU ${cpu[i]?.toFixed(2) ?? '?'} s   (load average ${os
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
    if (cpu.length === RUNS) {
      const sortedCpu = [...cpu].sort((a, b) => a - b);
      print(
        `CPU time (user + system) per run: median ${(sortedCpu[Math.floor(RUNS / 2)] ?? 0).toFixed(2)} s (${(sortedCpu[0] ?? 0).toFixed(2)}-${(sortedCpu[RUNS - 1] ?? 0).toFixed(2)} s)`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
