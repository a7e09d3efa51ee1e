/**
 * `online status` after `online params` for some keys only, as a trial met it: params for both keys,
 * then for the EC key alone; the status said to wrap the second bundle, which holds only the EC key,
 * and never named the AES key, whose only parameters are in the first. It now says the bundle plan
 * (bundle-plan.ts): the EC key takes the second bundle; the first also holds the EC key, so it is
 * destroyed and the AES key fetched anew, by its --key-id. Real simulator over HTTP, the CLI in process.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { onlineAt } from '../../helpers/cli-sides';
import { simAndFolderPerFile } from './sim-folder';

const test = simAndFolderPerFile('kf-cli-status-keys-apart-');

describe('online status after parameters for some keys only', () => {
  it('names the bundle the EC key takes, the bundle to destroy, and the AES key fetched anew', async () => {
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
    const aesId = /two\/aes +AES_256 +\S+ +\S+ +([0-9a-f-]{36})/.exec(created.stdout)?.[1] as string;
    expect(status.stdout).toContain(
      `wrap with the import-parameters bundle ${path.join(test.dir(), 'params-2')} (written at online journal entry`,
    );
    expect(status.stdout).toContain(`which holds the newest parameters of two/ec (${ecId})`);
    expect(status.stdout).toContain('A wrap covers every key of its bundle');
    expect(status.stdout).toContain(`never wrap it: ${path.join(test.dir(), 'params-1')} (`);
    expect(status.stdout).toMatch(
      new RegExp(
        `No bundle is to be wrapped for two/aes \\(${aesId}\\) \\(a wrap of it would also wrap a key that takes another bundle or holds its material already, or split a replica group\\): fetch new import parameters for that key only, in one bundle \\(keyferry online params .* --key-id ${aesId}\\)`,
      ),
    );
    const zh = await run('--lang', 'zh-CN', 'online', 'status');
    expect(zh.stdout).toContain('其中有 two/ec');
    expect(zh.stdout).toContain('请在同一个参数包中只为该密钥获取新的导入参数');
    // One bundle to destroy is 它, not 它们.
    expect(zh.stdout).toContain('请销毁它及其所有副本，切勿包装');
  }, 120_000);
});
