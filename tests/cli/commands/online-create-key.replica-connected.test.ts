/**
 * `online create-key` with a replica says the replica region's connection when it is made: after
 * the ceremony's own "connected to" line and before the first key is created (the connection is
 * journaled before any key exists), once; and also when the step then fails. The CLI in a child
 * process, a simulator serving two regions over real HTTP on 127.0.0.1.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { runCli } from '../../integration/cli-process';
import { onlineAt } from '../../helpers/cli-sides';
import { journalFileEntries } from '../../helpers/journal-entries';

let dir: string;
let sim: KmsSimulator;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-replica-connected-'));
  sim = await startKmsSimulator({ region: 'cn-north-4', regions: [{ region: 'cn-east-3' }] });
});
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

/** A folder with a plan of one AES key and its replica in cn-east-3; returns `online create-key` for it. */
async function replicaPlan(name: string) {
  const online = path.join(dir, name);
  await mkdir(online);
  const replicas = [{ region: 'cn-east-3', projectId: sim.regions[1]?.projectId }];
  const keys = [{ alias: `${name}/aes`, spec: 'AES_256', replicas }];
  await writeFile(
    path.join(online, 'plan.json'),
    JSON.stringify({ title: name, operator: 'Ana', witnesses: ['Ben'], keys }),
  );
  const { args, env } = onlineAt(sim);
  const create = (lang: string) =>
    runCli(['--lang', lang, 'online', 'create-key', ...args, '--plan', 'plan.json'], { cwd: online, env });
  const status = () => runCli(['online', 'status', ...args], { cwd: online, env });
  return { online, create, status };
}

const replicaLine = (port: string) =>
  `  and region cn-east-3 for replicas: connected to http://kms.cn-east-3.localhost:${port} (project ${sim.regions[1]?.projectId}, `;

describe('online create-key with a replica', () => {
  it('says the replica region’s connection after the ceremony’s own and before the keys are created', async () => {
    const { create } = await replicaPlan('said');
    const run = await create('en');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const at = (start: string) => lines.findIndex((l) => l.startsWith(start));
    const replica = at(replicaLine(new URL(sim.endpoint).port));
    expect(replica).toBeGreaterThan(at('Ceremony '));
    expect(replica).toBeLessThan(at('  [1/2] '));
    expect(lines.filter((l) => l.includes('for replicas: connected'))).toHaveLength(1);
  }, 120_000);

  it('says it when the step fails after it, in Chinese too', async () => {
    const { online, create } = await replicaPlan('fails');
    // The replica's create answered HTTP 400 KMS.0101 before it runs: the step fails after the connection.
    sim.faults.failWith('create-key', 400, 'before', 1, 1);
    const run = await create('zh-CN');
    sim.faults.clear();
    expect(run.code).toBe(1);
    const entries = await journalFileEntries(path.join(online, 'online.jsonl'));
    expect(entries.some((e) => e.event === 'kms.replica-connected')).toBe(true);
    const lines = run.stdout.split('\n');
    const replica = lines.findIndex((l) => l.startsWith('  以及副本所在区域 cn-east-3：已连接到 '));
    expect(replica).toBeGreaterThan(lines.findIndex((l) => l.startsWith('仪式 ')));
  }, 120_000);

  it('stopped before its replica: online status names the key still to create and the create that finishes it', async () => {
    const { create, status } = await replicaPlan('half');
    sim.faults.failWith('create-key', 400, 'before', 1, 1);
    expect((await create('en')).code).toBe(1);
    sim.faults.clear();
    // A trial read "Nothing imported yet (ceremony step: not started)" with no Next line, the replica
    // not in the table: as if the ceremony had one key.
    const stopped = await status();
    expect(stopped.code).toBe(3);
    expect(stopped.stdout).toContain(
      'The create step stopped part way: 1 key of the plan is not created yet: half/aes (the replica in region cn-east-3). Next, run the create again as it was first run: with the same plan file (PLAN), or with the same --alias, --spec, --operator and --witness options instead of --plan.',
    );
    expect(stopped.stdout).not.toContain('ceremony step: not started');
    const printed = /: (keyferry online create-key .*)$/m.exec(stopped.stdout)?.[1];
    expect(printed).toBe('keyferry online create-key --journal online.jsonl --plan PLAN');
    // Followed (PLAN: plan.json; the connection options as before): the replica is created, the step done.
    const finished = await create('en');
    expect(finished.stderr).toBe('');
    expect(finished.code).toBe(0);
    const after = await status();
    expect(after.stdout).not.toContain('The create step stopped part way');
    expect(after.stdout).toContain('keyferry online params');
  }, 120_000);

  it('a replica whose create took effect with no answer is found on the next run, named as the replica', async () => {
    const { create } = await replicaPlan('found');
    // The replica's create takes effect in the KMS, and its answer is lost (a 502 after it).
    sim.faults.failWith('create-key', 502, 'after', 1, 1);
    expect((await create('en')).code).toBe(1);
    sim.faults.clear();
    const again = await create('en');
    expect(again.stderr).toBe('');
    expect(again.stdout).toContain(
      'Found AES_256 key found/aes (the replica in region cn-east-3) in the KMS, created by the stopped attempt before it reached the journal',
    );
  }, 120_000);
});
