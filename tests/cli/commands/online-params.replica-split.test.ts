/**
 * `online params --key-id PRIMARY` after a bundle of every key, while the replica group's material is
 * still to make: the new bundle holds the primary without its replica, so the bundle plan takes
 * neither bundle (a wrap of either would split the group) and every key is fetched anew. The line
 * after the digest said a wrap checked here held its keys and to import that wrap: there was none.
 * It says no key takes the bundle and new parameters are fetched, as the warning names them. One
 * simulator serving two regions over real HTTP, the CLI in process.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { onlineAt } from '../../helpers/cli-sides';
import { simAndFolderPerFile } from './sim-folder';

const test = simAndFolderPerFile('kf-cli-params-replica-split-', { regions: [{ region: 'sim-local-2' }] });

it('says the primary’s own bundle is taken by no key and names no wrap to import', async () => {
  const replica = test.kms().sim.regions[1];
  const replicas = [{ region: replica?.region, projectId: replica?.projectId }];
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
  expect((await run('online', 'params', '--out', 'p1')).code).toBe(0);

  const second = await run('online', 'params', '--out', 'p2', '--key-id', primary);
  expect(second.code).toBe(0);
  expect(second.stdout).toContain('No bundle above is to be wrapped for g/aes');
  expect(second.stdout).not.toContain('A wrap checked here and not imported yet holds its keys');
  expect(second.stdout).toContain(
    `Next: not the air-gapped wrap of this bundle (${path.join(test.dir(), 'p2')}). No key takes it, as the warning above says (a wrap of it would split a replica group or wrap a key that takes another bundle): destroy this bundle and every copy, and fetch new import parameters for the keys that warning names.`,
  );
  const zh = await run('--lang', 'zh-CN', 'online', 'params', '--out', 'p3', '--key-id', primary);
  expect(zh.stdout).toContain('没有密钥使用此参数包（包装它会拆开一个副本组');
  expect(zh.stdout).not.toContain('此处已检查但尚未导入的一次包装含有其密钥');
}, 120_000);
