/**
 * A real split ceremony, every step its own process: `keyferry kms-sim --state FILE --json`
 * (stopped and restarted from its state file between the two online days), process A
 * `online create-key` + `online params`, process B `airgap wrap`, process C `online import` +
 * `online status`. Credentials reach the online commands only through the environment.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../src-main/core/journal';
import { receiptJournalSeal, runCli, spawnCli } from './cli-process';
import { paramsDigestFrom } from '../cli/commands/witness-args';
import { airgapWrapArgs, onlineAt } from '../helpers/cli-sides';

interface RunningSimulator {
  readonly child: ChildProcess;
  readonly info: { endpoint: string; region: string; projectId: string; ak: string; sk: string };
}

const started: ChildProcess[] = [];

async function startSimulator(cwd: string, stateFile: string): Promise<RunningSimulator> {
  const child = spawnCli(['kms-sim', '--state', stateFile, '--json'], { cwd, detached: true });
  started.push(child);
  const line = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error('the simulator did not start')), 60_000);
    child.stdout?.on('data', (d: Buffer) => {
      buffer += d.toString('utf8');
      const end = buffer.indexOf('\n');
      if (end >= 0) {
        clearTimeout(timer);
        resolve(buffer.slice(0, end));
      }
    });
    child.once('exit', () => reject(new Error('the simulator exited')));
  });
  return { child, info: JSON.parse(line) as RunningSimulator['info'] };
}

/** Stops the simulator's process group (the keyferry processes this test started). */
async function stopSimulator(sim: RunningSimulator): Promise<void> {
  if (sim.child.exitCode !== null || sim.child.signalCode !== null || sim.child.pid === undefined) return;
  const exited = new Promise((resolve) => sim.child.once('exit', resolve));
  process.kill(-sim.child.pid, 'SIGTERM');
  await exited;
}

let dir: string | undefined;
afterAll(async () => {
  for (const child of started) {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

const connection = (sim: RunningSimulator) => onlineAt(sim.info);

describe('split ceremony across processes', () => {
  it('creates, fetches, wraps, imports and verifies in separate processes with a persisted simulator', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kf-split-'));
    const stateFile = path.join(dir, 'sim-state.json');
    await writeFile(
      path.join(dir, 'plan.json'),
      JSON.stringify({
        title: 'Split ceremony',
        operator: 'Ana',
        witnesses: ['Ben', 'Chloé'],
        keys: [
          { alias: 'split/aes', spec: 'AES_256' },
          { alias: 'split/rsa', spec: 'RSA_3072' },
        ],
      }),
    );

    // Day 1, online workstation (process A).
    let sim = await startSimulator(dir, stateFile);
    let c = connection(sim);
    const create = await runCli(['online', 'create-key', ...c.args, '--plan', 'plan.json'], { cwd: dir, env: c.env });
    expect(create.stderr).toBe('');
    expect(create.code).toBe(0);
    const params = await runCli(['online', 'params', ...c.args, '--out', 'media-params'], { cwd: dir, env: c.env });
    expect(params.code).toBe(0);
    // Two keys, one value per witness: the bundle digest `online params` printed for reading aloud.
    const paramsDigest = paramsDigestFrom(params.stdout);
    await stopSimulator(sim);

    // Air-gapped workstation (process B): no credentials, no simulator running.
    const wrap = await runCli(
      airgapWrapArgs(
        { bundle: 'media-params', out: 'media-wrapped', witnesses: ['Ben', 'Chloé'], digest: paramsDigest },
        '--allow-network',
      ),
      { cwd: dir, env: { KEYFERRY_AK: '', KEYFERRY_SK: '' } },
    );
    expect(wrap.stderr).toBe('');
    expect(wrap.code).toBe(0);
    const digest = /bundle digest ([0-9A-F ]{79})/.exec(wrap.stdout)?.[1] as string;
    expect(digest).toBeDefined();

    // Day 2, online workstation (process C): the simulator resumes from its state file.
    sim = await startSimulator(dir, stateFile);
    c = connection(sim);
    const imported = await runCli(
      ['online', 'import', ...c.args, '--bundle', 'media-wrapped', '--expect-digest', digest],
      { cwd: dir, env: c.env },
    );
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout.match(/Enabled {2}OK: /g)).toHaveLength(2);
    const status = await runCli(['online', 'status', ...c.args], { cwd: dir, env: c.env });
    expect(status.code).toBe(0);
    expect(status.stdout.match(/\s+Enabled\s/g)?.length).toBeGreaterThanOrEqual(4);
    await stopSimulator(sim);

    // Both receipts exist and seal their journals; the online journal spans three processes.
    const files = await readdir(dir);
    for (const [side, journal] of [
      ['online', 'online.jsonl'],
      ['air-gapped', 'airgap.jsonl'],
    ] as const) {
      const receipt = files.find((f) => f.startsWith(`receipt-${side}-`) && f.endsWith('.txt')) as string;
      expect(receipt).toBeDefined();
      const seal = receiptJournalSeal(await readFile(path.join(dir, receipt), 'utf8'));
      expect(
        (await verifyJournal(path.join(dir, journal), { expectedHead: seal.head, expectedCount: seal.count })).ok,
      ).toBe(true);
    }
    const sessions = (await readFile(path.join(dir, 'online.jsonl'), 'utf8'))
      .split('\n')
      .filter((l) => l.includes('"ceremony.session-started"'));
    expect(sessions).toHaveLength(3);
  }, 300_000);
});
