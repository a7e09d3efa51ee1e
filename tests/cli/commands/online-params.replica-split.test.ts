/**
 * `online params --key-id` with part of a replica group whose other members wait for material too
 * (ih): `--key-id REPLICA` fetched tokens and then refused to write ("is a replica of X, which is not
 * another key of this bundle"), leaving the step at parameters-fetched; `--key-id PRIMARY` wrote a
 * bundle the plan said to destroy at once. Both are refused before any fetch, naming the group's
 * other members, with the command that takes the whole group; that command's plan warning names the
 * replica with its region, as online status does. One simulator serving two regions over real HTTP,
 * the CLI in process.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { onlineAt } from '../../helpers/cli-sides';
import { simAndFolderPerFile } from './sim-folder';

const test = simAndFolderPerFile('kf-cli-params-replica-split-', { regions: [{ region: 'sim-local-2' }] });

it('refuses part of a replica group before any fetch and prints the command for the whole group', async () => {
  const replicaRegion = test.kms().sim.regions[1];
  const replicas = [{ region: replicaRegion?.region, projectId: replicaRegion?.projectId }];
  const keys = [
    { alias: 'g/aes', spec: 'AES_256', replicas },
    { alias: 'g/rsa', spec: 'RSA_2048' },
  ];
  await writeFile(
    path.join(test.dir(), 'plan.json'),
    JSON.stringify({ title: 'Split', operator: 'Ana', witnesses: ['Ben'], keys }),
  );
  const { args, env } = onlineAt(test.kms().sim);
  const run = (...words: string[]) => keyferry([...words, ...args], { cwd: test.dir(), env });
  const created = await run('online', 'create-key', '--plan', 'plan.json');
  expect(created.code).toBe(0);
  const primary = /g\/aes +sim-local-1 +\S+ +primary .* ([0-9a-f-]{36})\n/.exec(created.stdout)?.[1] as string;
  const replica = /g\/aes +sim-local-2 +.* ([0-9a-f-]{36})\n/.exec(created.stdout)?.[1] as string;
  expect(replica).toMatch(/^[0-9a-f-]{36}$/);
  expect((await run('online', 'params', '--out', 'p1')).code).toBe(0);
  const fetches = () => test.kms().requests.filter((r) => r.action === 'get-parameters-for-import').length;
  const before = fetches();
  let printed = '';

  for (const [chosen, other] of [
    [replica, `g/aes (${primary})`],
    [primary, `g/aes (${replica}, the replica in sim-local-2)`],
  ] as const) {
    const refused = await run('online', 'params', '--out', 'p2', '--key-id', chosen);
    expect(refused.code).toBe(1);
    const said = refused.stderr.replace(/\s+/g, ' ');
    expect(said).toContain('The keys chosen hold part of a replica group');
    expect(said).toContain(`takes one material with its group’s other member, ${other}, which waits for material too`);
    expect(said).toContain('Nothing was fetched.');
    expect(refused.stdout).toMatch(
      new RegExp(`keyferry online params .*--key-id ${chosen} --key-id [0-9a-f-]{36} --out p2`),
    );
    printed = refused.stdout.split('\n').find((l) => l.trim().startsWith('keyferry ')) ?? '';
  }
  expect(fetches()).toBe(before);
  const zh = await run('--lang', 'zh-CN', 'online', 'params', '--out', 'p2', '--key-id', primary);
  expect(zh.code).toBe(1);
  expect(zh.stderr).toContain(`g/aes（${replica}，位于 sim-local-2 的副本）`);
  expect(zh.stderr).toContain('未获取任何内容');
  // Nothing fetched: status still tells of p1, not of a stopped bundle.
  const status = await run('online', 'status');
  expect(status.stdout).not.toMatch(/stopped/i);

  // The command printed, run as printed: the whole group in one bundle; the plan names the replica as status does.
  const whole = await keyferry(printed.trim().split(/\s+/).slice(1), { cwd: test.dir(), env });
  expect(whole.code).toBe(0);
  const warned = whole.stdout.replace(/\s+/g, ' ');
  expect(warned).toContain(`g/aes (${replica}, the replica in sim-local-2) → `);
  expect(warned).toContain(`No bundle above is to be wrapped for g/rsa (`);
  const after = (await run('online', 'status')).stdout.replace(/\s+/g, ' ');
  expect(after).toContain(`g/aes (${replica}, the replica in sim-local-2)`);
}, 120_000);
