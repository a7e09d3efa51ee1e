/**
 * `online status` after `online params` for some keys only, as a trial met it: params for both keys,
 * then for the EC key alone; the status said to wrap the second bundle, which holds only the EC key,
 * and never named the AES key, whose only parameters are in the first. It now names each waiting key
 * with the bundle it waits on (its newest), one line per bundle, and says a wrap covers every key of
 * its bundle. Real simulator over HTTP, the CLI in process.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { onlineAt } from '../../helpers/cli-sides';
import { simAndFolderPerFile } from './sim-folder';

const test = simAndFolderPerFile('kf-cli-status-keys-apart-');

describe('online status after parameters for some keys only', () => {
  it('names each waiting key with the bundle it waits on, one line per bundle', async () => {
    await writeFile(
      path.join(test.dir(), 'plan.json'),
      JSON.stringify({
        title: 'Two',
        operator: 'Ana',
        witnesses: ['Ben'],
        keys: [
          { alias: 'two/aes', spec: 'AES_256' },
          { alias: 'two/ec', spec: 'EC_P256' },
        ],
      }),
    );
    const { args, env } = onlineAt(test.kms().sim);
    const run = (...words: string[]) => keyferry([...words, ...args], { cwd: test.dir(), env });
    const created = await run('online', 'create-key', '--plan', 'plan.json');
    expect(created.code).toBe(0);
    const ecId = /two\/ec +EC_P256 +\S+ +\S+ +([0-9a-f-]{36})/.exec(created.stdout)?.[1] as string;
    expect((await run('online', 'params', '--out', 'params-1')).code).toBe(0);
    expect((await run('online', 'params', '--out', 'params-2', '--key-id', ecId)).code).toBe(0);

    const status = await run('online', 'status');
    expect(status.stderr).toBe('');
    const lines = status.stdout.split('\n');
    // params-1 also holds two/ec: each bundle's line only describes it (the caution says which to wrap).
    const wrapOf = (folder: string) => lines.find((l) => l.startsWith(`Import-parameters bundle ${folder} `));
    expect(wrapOf(path.join(test.dir(), 'params-1'))).toContain('which holds the newest parameters of two/aes (');
    expect(wrapOf(path.join(test.dir(), 'params-1'))).not.toContain('two/ec');
    expect(wrapOf(path.join(test.dir(), 'params-2'))).toContain(
      `which holds the newest parameters of two/ec (${ecId})`,
    );
    expect(status.stdout).toContain('The keys waiting for material wait on 2 import-parameters bundles');
    expect(status.stdout).toContain('A wrap covers every key of its bundle');
    const zh = await run('--lang', 'zh-CN', 'online', 'status');
    expect(zh.stdout).toContain('其中有two/aes');
    expect(zh.stdout).toContain('等待密钥材料的密钥分别等待 2 个导入参数包');
  }, 120_000);
});
