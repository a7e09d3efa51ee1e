/**
 * `online status` after `online params` for some keys only, three rounds (every key, then two, then
 * one): the advice for bundles that hold one key twice said "wrap the later ones", two bundles that
 * both held the key named last. It says to wrap the newest bundle alone and prints the online params
 * line for the other keys only (--key-id), never one for every key. Real simulator over HTTP.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { onlineAt } from '../../helpers/cli-sides';
import { simAndFolderPerFile } from './sim-folder';

const test = simAndFolderPerFile('kf-cli-status-keys-overlap-');

describe('online status when bundles hold one key twice', () => {
  it('never says to wrap two bundles that hold one key: the newest alone, the other keys fetched by --key-id', async () => {
    await writeFile(
      path.join(test.dir(), 'plan.json'),
      JSON.stringify({
        title: 'Three',
        operator: 'Ana',
        witnesses: ['Ben'],
        keys: ['a', 'b', 'c'].map((k) => ({ alias: `three/${k}`, spec: 'AES_256' })),
      }),
    );
    const { args, env } = onlineAt(test.kms().sim);
    const run = (...words: string[]) => keyferry([...words, ...args], { cwd: test.dir(), env });
    const created = await run('online', 'create-key', '--plan', 'plan.json');
    expect(created.code).toBe(0);
    const idOf = (alias: string) =>
      new RegExp(`${alias} +AES_256 +\\S+ +\\S+ +([0-9a-f-]{36})`).exec(created.stdout)?.[1] as string;
    const [a, b, c] = ['three/a', 'three/b', 'three/c'].map(idOf) as [string, string, string];
    expect((await run('online', 'params', '--out', 'p1')).code).toBe(0);
    expect((await run('online', 'params', '--out', 'p2', '--key-id', a, '--key-id', b)).code).toBe(0);
    expect((await run('online', 'params', '--out', 'p3', '--key-id', a)).code).toBe(0);

    // p2 and p3 both hold three/a: "wrap the later ones" made two versions of its material.
    const status = await run('online', 'status');
    expect(status.stdout).toContain('The keys waiting for material wait on 3 import-parameters bundles');
    expect(status.stdout).not.toContain('wrap the later ones');
    const command = /fetch new parameters for the other keys only \((keyferry online params [^)]*)\)/.exec(
      status.stdout,
    )?.[1];
    expect(command).toContain(`--key-id ${c} --key-id ${b}`);
    expect(command).not.toContain(a);
    expect(status.stdout).toContain('either wrap the earliest bundle below alone (it holds parameters of every key');
    const zh = await run('--lang', 'zh-CN', 'online', 'status');
    expect(zh.stdout).toContain(`并只为其他密钥获取新的导入参数（keyferry online params`);

    // Done as said, each key has one bundle: no overlap is left.
    const keyIds = (command as string).split(' --key-id ').slice(1);
    expect((await run('online', 'params', '--out', 'p4', ...keyIds.flatMap((id) => ['--key-id', id]))).code).toBe(0);
    const after = await run('online', 'status');
    expect(after.stdout).toContain('wait on 2 import-parameters bundles');
    expect(after.stdout).toContain('Wrap each of them');
  }, 120_000);
});
