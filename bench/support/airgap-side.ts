/**
 * Run as a child of bench/airgap-floor.bench.ts, bundled (a fresh process, like the air-gapped
 * workstation: nothing the online side computed is cached): the air-gapped side of a ceremony
 * (support/ceremony-sides.ts, the sequence ceremony.bench.ts runs too) from the import-parameters
 * bundle in argv[2] into the new folder argv[3]. Prints one JSON line. Two kinds of run (argv[4]):
 *
 * - `timed`: wall and CPU time per step, then the fsync floor of the same files in the same process.
 *   Nothing else runs beside the steps: the floor pays no monitor, so neither does Keyferry here.
 * - `stalls`: the longest event-loop stall per step (support/stall-monitor.ts: a timer turn and a
 *   read of the main thread's CPU clock 1000 times a second), in a run of its own whose times are
 *   not the ratio's: the monitor costs the steps time the floor, a plain writer, would not pay, and
 *   each step also waits 2 ms for the monitor to see its end.
 *
 * The floor is what any durable writer must pay for those files: the same folders created, the
 * same number of files of the same sizes each written and fsynced one after another, every folder
 * fsynced once. The journal counts as one file of its final size.
 *
 * The longest stall is given both as the event loop's delay (wall: inflated when other processes
 * take the cores) and in the main thread's CPU time (not inflated).
 */
import {
  closeSync,
  constants,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  writeSync,
} from 'node:fs';
import { mkdir, open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { airGapSide } from './ceremony-sides';
import { startStallMonitor } from './stall-monitor';
import { warmUpIntl } from '../../src-main/i18n/intl-warm-up';

interface Written {
  readonly folders: string[];
  readonly files: { name: string; size: number }[];
}

async function listTree(root: string, rel = ''): Promise<Written> {
  const out: Written = { folders: [rel], files: [] };
  for (const entry of await readdir(path.join(root, rel), { withFileTypes: true })) {
    const name = path.join(rel, entry.name);
    if (entry.isDirectory()) {
      const sub = await listTree(root, name);
      out.folders.push(...sub.folders);
      out.files.push(...sub.files);
    } else {
      out.files.push({ name, size: (await stat(path.join(root, name))).size });
    }
  }
  return out;
}

async function fsyncFolder(dir: string): Promise<void> {
  const handle = await open(dir, constants.O_RDONLY);
  await handle.sync();
  await handle.close();
}

/** The same folders and files (sizes), written plainly: exclusive, write, fsync, close; each folder fsynced once. */
async function floor(written: Written, into: string): Promise<number> {
  const started = performance.now();
  for (const folder of written.folders) await mkdir(path.join(into, folder), { recursive: true });
  for (const file of written.files) {
    const handle = await open(
      path.join(into, file.name),
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL,
      0o600,
    );
    await handle.write(Buffer.alloc(file.size, 0x5a));
    await handle.sync();
    await handle.close();
  }
  for (const folder of [...written.folders].reverse()) await fsyncFolder(path.join(into, folder));
  await fsyncFolder(path.dirname(into));
  return performance.now() - started;
}

/**
 * The floor again with synchronous calls (mkdir, open, write, fsync, close; each folder fsynced
 * once): the same disk work without a thread-pool round trip per call, which on a machine with slow
 * thread wake-ups costs more than a small file's fsync. The least any writer pays here; printed
 * beside the floor, not the ratio (the app's main process must not block on removable media
 * like this, so Keyferry writes through the thread pool as the floor does).
 */
function floorSync(written: Written, into: string): number {
  const started = performance.now();
  const fsyncFolder = (dir: string) => {
    const fd = openSync(dir, constants.O_RDONLY);
    fsyncSync(fd);
    closeSync(fd);
  };
  for (const folder of written.folders) mkdirSync(path.join(into, folder), { recursive: true });
  for (const file of written.files) {
    const fd = openSync(path.join(into, file.name), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    writeSync(fd, Buffer.alloc(file.size, 0x5a));
    fsyncSync(fd);
    closeSync(fd);
  }
  for (const folder of [...written.folders].reverse()) fsyncFolder(path.join(into, folder));
  fsyncFolder(path.dirname(into));
  return performance.now() - started;
}

/**
 * What any reader of the input must pay, beside the floor (which counts only what is written): the
 * import-parameters bundle read plainly, as Keyferry reads it (synchronous calls: core/bundle/
 * bundle-scan.ts, bundle-file-reader.ts): each folder listed, each file lstat'ed, opened, read
 * whole and closed. No hashing, no parsing: those are Keyferry's checks, in its time.
 */
function readFloor(bundle: string): number {
  const started = performance.now();
  const readTree = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        readTree(full);
        continue;
      }
      const { size } = lstatSync(full);
      const fd = openSync(full, constants.O_RDONLY);
      readSync(fd, Buffer.allocUnsafe(size + 1), 0, size + 1, 0);
      closeSync(fd);
    }
  };
  readTree(bundle);
  return performance.now() - started;
}

/** Process CPU time (user + system) in ms. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

type Step = [label: string, wallMs: number, cpuMs: number];
type Stall = [label: string, wallMs: number, cpuMs: number];

/** The side with nothing but a clock read at each step's end; then the floor of what it wrote. */
async function timed(params: string, out: string, work: string) {
  const steps: Step[] = [];
  let last = performance.now();
  let lastCpu = cpuMs();
  await airGapSide(params, work, async (label) => {
    const now = performance.now();
    const cpu = cpuMs();
    steps.push([label, now - last, cpu - lastCpu]);
    last = now;
    lastCpu = cpu;
  });
  const keyferryMs = steps.reduce((sum, [, ms]) => sum + ms, 0);
  const written = await listTree(work);
  const floorMs = await floor(written, path.join(out, 'floor'));
  const floorSyncMs = floorSync(written, path.join(out, 'floor-sync'));
  const readFloorMs = readFloor(params);
  return {
    keyferryMs,
    floorMs,
    floorSyncMs,
    readFloorMs,
    steps,
    files: written.files.length,
    folders: written.folders.length,
    bytes: written.files.reduce((n, f) => n + f.size, 0),
  };
}

/** The side under the stall monitor: the longest event-loop stall per step (wall and main-thread CPU). */
async function stalls(params: string, work: string) {
  const steps: Stall[] = [];
  const monitor = startStallMonitor();
  // The side's time under the monitor, its 2 ms waits left out: what the monitor would add to the ratio.
  let keyferryMs = 0;
  let last = performance.now();
  try {
    await airGapSide(params, work, async (label) => {
      keyferryMs += performance.now() - last;
      const stall = await monitor.settle();
      steps.push([label, stall.wallMs, stall.cpuMs]);
      monitor.reset();
      last = performance.now();
    });
  } finally {
    monitor.stop();
  }
  return { keyferryMs, steps };
}

async function main(): Promise<void> {
  // As the CLI and the app's main process do at start-up, before any ceremony step.
  warmUpIntl();
  const [params, out, kind] = process.argv.slice(2) as [string, string, 'timed' | 'stalls'];
  const work = path.join(out, 'keyferry');
  await mkdir(work, { recursive: true });
  const result = kind === 'stalls' ? await stalls(params, work) : await timed(params, out, work);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
