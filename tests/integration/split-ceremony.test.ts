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
import { receiptJournalSeal, runCli } from './cli-process';
import { freePort, startSimulatorProcess, stopSimulatorProcess, type SimulatorInfo } from './pasted-shell';
import { paramsDigestFrom } from '../cli/commands/witness-args';
import { airgapWrapArgs, onlineAt } from '../helpers/cli-sides';

const started: ChildProcess[] = [];

/** `keyferry kms-sim --state sim-state.json --json` in `cwd`, on `port`, as a process of its own. */
async function startSimulator(cwd: string, port: number): Promise<{ child: ChildProcess; info: SimulatorInfo }> {
  const { child, ready } = startSimulatorProcess(cwd, port);
  started.push(child);
  return { child, info: await ready };
}

let dir: string | undefined;
afterAll(async () => {
  for (const child of started) await stopSimulatorProcess(child);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('split ceremony across processes', () => {
  it('creates, fetches, wraps, imports and verifies in separate processes with a persisted simulator', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kf-split-'));
    const port = await freePort();
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
    let sim = await startSimulator(dir, port);
    let c = onlineAt(sim.info);
    const create = await runCli(['online', 'create-key', ...c.args, '--plan', 'plan.json'], { cwd: dir, env: c.env });
    expect(create.stderr).toBe('');
    expect(create.code).toBe(0);
    const params = await runCli(['online', 'params', ...c.args, '--out', 'media-params'], { cwd: dir, env: c.env });
    expect(params.code).toBe(0);
    // Two keys, one value per witness: the bundle digest `online params` printed for reading aloud.
    const paramsDigest = paramsDigestFrom(params.stdout);
    await stopSimulatorProcess(sim.child);

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
    sim = await startSimulator(dir, port);
    c = onlineAt(sim.info);
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
    await stopSimulatorProcess(sim.child);

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
