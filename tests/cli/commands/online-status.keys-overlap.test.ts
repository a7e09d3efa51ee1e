/**
 * `online status` after `online params` for some keys only, three rounds (every key, then two, then
 * one): the advice for bundles that hold one key twice said "wrap the later ones", two bundles that
 * both held the key named last. It says to wrap the newest bundle alone and prints the online params
 * line for the other keys only (--key-id), never one for every key. The earliest bundle alone is
 * never offered once its tokens expired (its own line says it can no longer be wrapped), and that
 * line says so. Under such an overlap the caution is the one instruction: the line of each bundle
 * describes it without saying to wrap it and prints no online params line of its own (each would
 * reuse the caution's --out folder). Real simulator over HTTP.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { onlineAt } from '../../helpers/cli-sides';
import { simAndFolderPerFile } from './sim-folder';

const test = simAndFolderPerFile('kf-cli-status-keys-overlap-');

/** Keys `title`/a, /b, … created in the folder `dir` by the plan; the CLI there and each key's id by its letter. */
async function createdKeys(dir: string, title: string, letters: readonly string[]) {
  await mkdir(dir, { recursive: true });
  const keys = letters.map((k) => ({ alias: `${title}/${k}`, spec: 'AES_256' }));
  await writeFile(path.join(dir, 'plan.json'), JSON.stringify({ title, operator: 'Ana', witnesses: ['Ben'], keys }));
  const { args, env } = onlineAt(test.kms().sim);
  const run = (...words: string[]) => keyferry([...words, ...args], { cwd: dir, env });
  const created = await run('online', 'create-key', '--plan', 'plan.json');
  expect(created.code).toBe(0);
  const ids = letters.map(
    (k) => new RegExp(`${title}/${k} +AES_256 +\\S+ +\\S+ +([0-9a-f-]{36})`).exec(created.stdout)?.[1] as string,
  );
  return { run, ids };
}

/** The line of each bundle below the caution of `online status` (its output `stdout`). */
function bundleLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => line.startsWith('Import-parameters bundle '));
}

/** Under an overlap: no line says Next or to wrap a bundle, and the caution's online params line is the only one. */
function expectDescribedOnly(stdout: string): void {
  expect(stdout).not.toMatch(/^Next/m);
  expect(stdout).not.toContain('wrap with the import-parameters bundle');
  expect(stdout.split('keyferry online params')).toHaveLength(2);
  for (const line of bundleLines(stdout)) expect(line).not.toMatch(/wrap/i);
}

describe('online status when bundles hold one key twice', () => {
  it('never says to wrap two bundles that hold one key: the newest alone, the other keys fetched by --key-id', async () => {
    const { run, ids } = await createdKeys(test.dir(), 'three', ['a', 'b', 'c']);
    const [a, b, c] = ids as [string, string, string];
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
    // Read top to bottom, no bundle's own line says to wrap it: the caution is the one instruction.
    expect(bundleLines(status.stdout)).toHaveLength(3);
    expectDescribedOnly(status.stdout);
    const zh = await run('--lang', 'zh-CN', 'online', 'status');
    expect(zh.stdout).toContain(`并只为其他密钥获取新的导入参数（keyferry online params`);
    expect(zh.stdout).not.toContain('下一步');
    expect(zh.stdout).not.toContain('执行包装');
    expect(zh.stdout.split('keyferry online params')).toHaveLength(2);

    // Done as said, each key has one bundle: no overlap is left.
    const keyIds = (command as string).split(' --key-id ').slice(1);
    expect((await run('online', 'params', '--out', 'p4', ...keyIds.flatMap((id) => ['--key-id', id]))).code).toBe(0);
    const after = await run('online', 'status');
    expect(after.stdout).toContain('wait on 2 import-parameters bundles');
    expect(after.stdout).toContain('Wrap each of them');
    // Bundles for disjoint keys: each line still says to wrap its bundle.
    expect(after.stdout.match(/^Next, .*: wrap with the import-parameters bundle /gm)).toHaveLength(2);
  }, 120_000);

  it('never says to wrap the earliest bundle alone once its import tokens expired by the KMS’s clock', async () => {
    const { run, ids } = await createdKeys(path.join(test.dir(), 'lapsed'), 'lapsed', ['a', 'b']);
    const [a, b] = ids as [string, string];
    expect((await run('online', 'params', '--out', 'p1')).code).toBe(0);
    test.kms().sim.clock.advance(25 * 3600_000);
    expect((await run('online', 'params', '--out', 'p2', '--key-id', a)).code).toBe(0);

    // p1's tokens expired by the KMS's clock (as p2's show): its wrap would be refused.
    const status = await run('online', 'status');
    expect(status.stdout).toMatch(
      /lapsed\/p1 \(written at online journal entry \d+\).*: its import tokens expired at /,
    );
    expect(status.stdout).not.toContain('wrap the earliest bundle below alone');
    expect(status.stdout).toContain('wrap the newest bundle below alone');
    // The caution's fresh parameters only (for lapsed/b): the lapsed bundle's line prints none of its own.
    expectDescribedOnly(status.stdout);
    const fresh = /other keys only \((keyferry online params [^)]*)\)/.exec(status.stdout)?.[1];
    expect(fresh).toContain(`--key-id ${b}`);
    expect(fresh).not.toContain(a);
    const zh = await run('--lang', 'zh-CN', 'online', 'status');
    expect(zh.stdout).not.toContain('只包装下面最早的参数包');
  }, 120_000);

  it('never says to wrap the newest bundle alone once its import tokens expired too: every key waiting is fetched anew', async () => {
    const { run, ids } = await createdKeys(path.join(test.dir(), 'both-lapsed'), 'both', ['a', 'b']);
    const [a, b] = ids as [string, string];
    expect((await run('online', 'params', '--out', 'p1')).code).toBe(0);
    test.kms().sim.clock.advance(25 * 3600_000);
    expect((await run('online', 'params', '--out', 'p2', '--key-id', a)).code).toBe(0);
    // A day on, by this computer and the KMS alike: p2's tokens expired as well as p1's.
    vi.useFakeTimers({ toFake: ['Date'], now: test.kms().sim.clock.now() + 25 * 3600_000, shouldAdvanceTime: true });
    try {
      test.kms().sim.clock.set(Date.now());
      const status = await run('online', 'status');
      expect(status.stdout).not.toContain('wrap the newest bundle below alone');
      const fresh =
        /fetch new parameters for every key waiting, in one new bundle \((keyferry online params [^)]*)\)/.exec(
          status.stdout,
        )?.[1];
      expect(fresh).toContain(`--key-id ${a}`);
      expect(fresh).toContain(`--key-id ${b}`);
      expectDescribedOnly(status.stdout);
      const zh = await run('--lang', 'zh-CN', 'online', 'status');
      expect(zh.stdout).not.toContain('只包装下面最新的参数包');
      expect(zh.stdout).toContain('为每个等待中的密钥获取新的导入参数');
    } finally {
      vi.useRealTimers();
    }
  }, 120_000);
});
