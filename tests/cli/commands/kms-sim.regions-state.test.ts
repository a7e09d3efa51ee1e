/**
 * A replica group rehearsed across a simulator restart, as on two machines: `kms-sim --regions
 * --state` as a real process, keys created in three regions and their parameters fetched, the
 * simulator stopped (SIGTERM) and started again from its state file alone (no --regions), then the
 * air-gapped wrap, the import into every region and `online status`, each the command the previous
 * one printed. The import tokens issued before the restart still import after it.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { onlineAt } from '../../helpers/cli-sides';
import {
  airGappedThenImport,
  freePort,
  nextCommand,
  onPrintedMedia,
  startSimulatorProcess,
  stopSimulatorProcess,
  twoMachines,
  type SimulatorInfo,
} from '../../integration/pasted-shell';

interface RegionsSimulator extends SimulatorInfo {
  readonly regions: readonly { region: string; projectId: string; endpoint: string }[];
}

let dir: string;
const running: ChildProcess[] = [];
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-sim-regions-state-'));
});
afterAll(async () => {
  for (const child of running) await stopSimulatorProcess(child);
  await rm(dir, { recursive: true, force: true });
});

/** Starts `keyferry kms-sim --state sim-state.json --port PORT --json …` in `dir`; `stop` resolves with its exit code. */
async function startSimulator(port: number, extra: string[] = []) {
  const { child, ready } = startSimulatorProcess<RegionsSimulator>(dir, port, extra);
  running.push(child);
  const info = await ready;
  return {
    info,
    stop: async () => {
      await stopSimulatorProcess(child);
      return child.exitCode;
    },
  };
}

describe('kms-sim --regions --state', () => {
  it('keeps a 3-region replica group across a restart: import into every region and status after it', async () => {
    const statePath = path.join(dir, 'sim-state.json');
    const port = await freePort();
    const first = await startSimulator(port, ['--regions', 'sim-local-2,sim-local-3']);
    const regions = first.info.regions.map((r) => ({ region: r.region, projectId: r.projectId }));
    expect(regions.map((r) => r.region)).toEqual(['sim-local-1', 'sim-local-2', 'sim-local-3']);

    const { online, airgap } = await twoMachines(dir);
    await writeFile(
      path.join(online, 'plan.json'),
      JSON.stringify({
        title: 'Across a restart',
        operator: 'Ana',
        witnesses: ['Ben'],
        keys: [{ alias: 'dr/aes', spec: 'AES_256', replicas: regions.slice(1) }],
      }),
    );
    const { args: connection, env } = onlineAt(first.info);
    const on = (args: string[]) => keyferry([...args, ...connection], { cwd: online, env });
    const created = await on(['online', 'create-key', '--plan', 'plan.json']);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const params = await on(['online', 'params', '--out', 'params']);
    expect(params.stderr).toBe('');
    expect(params.code).toBe(0);

    // Stopped as the officer stops it; the state file holds every region (format version 2).
    expect(await first.stop()).toBe(0);
    const onDisk = JSON.parse(await readFile(statePath, 'utf8')) as {
      version: number;
      keys: unknown[];
      regions: { region: string; projectId: string; keys: unknown[] }[];
    };
    expect(onDisk.version).toBe(2);
    expect(onDisk.regions.map((r) => ({ region: r.region, projectId: r.projectId }))).toEqual(regions.slice(1));
    expect([onDisk.keys.length, ...onDisk.regions.map((r) => r.keys.length)]).toEqual([1, 1, 1]);

    // Started again from the file alone, on the port the journal recorded.
    const second = await startSimulator(port);
    expect(second.info.regions.map((r) => ({ region: r.region, projectId: r.projectId }))).toEqual(regions);
    expect([second.info.ak, second.info.endpoint]).toEqual([first.info.ak, first.info.endpoint]);

    const { imported } = await airGappedThenImport(
      nextCommand(onPrintedMedia(params.stdout)),
      params.stdout,
      { online, airgap, env },
      ['--no-backup'],
    );
    const importedRegions = imported.stdout
      .split('\n')
      .filter((l) => l.startsWith('  imported AES_256 key '))
      .map((l) => / in ([a-z0-9-]+),/.exec(l)?.[1]);
    // Imports run several at a time: each region once, in whatever order they finished.
    expect(importedRegions.sort()).toEqual(['sim-local-1', 'sim-local-2', 'sim-local-3']);
    const status = await keyferry(['online', 'status', '--journal', 'online.jsonl'], { cwd: online, env });
    expect(status.stderr).toBe('');
    expect(status.code).toBe(0);
    expect(status.stdout.match(/AES_256\s+Enabled\s+OK: /g)).toHaveLength(3);
    const events = (await readFile(path.join(online, 'online.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { event: string }).event);
    expect(events).toContain('replica-group.proven');
    expect(await second.stop()).toBe(0);
  }, 180_000);
});
