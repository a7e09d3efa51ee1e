/**
 * `online status` after `online params` for some keys only, said from the bundle plan (bundle-plan.ts,
 * what the warnings of online params say too). Three rounds (every key, then two, then one): the
 * advice for bundles that hold one key twice said "wrap the later ones", two bundles that both held
 * the key named last; it names the one bundle to wrap, the bundles to destroy, and prints the online
 * params line for the other keys only (--key-id). A bundle whose tokens expired is never offered. And
 * after a key was imported between rounds (a, b, c; then a; a's bundle wrapped and imported), the
 * first bundle, which also holds a, is never offered for b and c: its wrap would carry a again.
 * Real simulator over HTTP, the CLI in process.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { airgapWrapArgs, onlineAt } from '../../helpers/cli-sides';
import { paramsDigestFrom } from './witness-args';
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

/** The lines of `online status` (its output `stdout`) that say to wrap a bundle: `Next, … wrap with the import-parameters bundle DIR (…`. */
function wrapped(stdout: string): string[] {
  return [...stdout.matchAll(/^Next, .*: wrap with the import-parameters bundle (\S+) \(/gm)].map((m) =>
    path.basename(m[1] as string),
  );
}

/** The folders the caution says to destroy. */
function destroyed(stdout: string): string[] {
  const list =
    /destroy (?:it|them) and every copy, and never wrap (?:it|them): (.*) \(folder and digest\)\./.exec(stdout)?.[1] ??
    '';
  return [...list.matchAll(/(\S+) \([0-9A-F ]+\)/g)].map((m) => path.basename(m[1] as string));
}

/** The online params line the caution prints for the keys fetched anew. */
function freshCommand(stdout: string): string | undefined {
  return /fetch new import parameters for (?:that key|those keys) only, in one bundle \((keyferry online params [^)]*)\)/.exec(
    stdout,
  )?.[1];
}

describe('online status when bundles hold one key twice', () => {
  it('names the one bundle to wrap, the bundles to destroy, and the other keys fetched by --key-id', async () => {
    const { run, ids } = await createdKeys(test.dir(), 'three', ['a', 'b', 'c']);
    const [a, b, c] = ids as [string, string, string];
    expect((await run('online', 'params', '--out', 'p1')).code).toBe(0);
    expect((await run('online', 'params', '--out', 'p2', '--key-id', a, '--key-id', b)).code).toBe(0);
    expect((await run('online', 'params', '--out', 'p3', '--key-id', a)).code).toBe(0);

    // p2 and p3 both hold three/a: "wrap the later ones" made two versions of its material.
    const status = await run('online', 'status');
    expect(status.stdout).toContain('One import-parameters bundle written so far serves the keys waiting for material');
    expect(wrapped(status.stdout)).toEqual(['p3']);
    expect(destroyed(status.stdout)).toEqual(['p1', 'p2']);
    // As online params warns: a wrap the air-gapped side already made of a bundle named to destroy is imported first.
    expect(status.stdout).toContain(
      'If the air-gapped side already wrapped one of them and no import here has checked that wrap, import that wrap first, then run keyferry online status again',
    );
    const command = freshCommand(status.stdout);
    expect(command).toContain(`--key-id ${b} --key-id ${c}`);
    expect(command).not.toContain(a);
    expect(status.stdout.split('keyferry online params')).toHaveLength(2);
    const zh = await run('--lang', 'zh-CN', 'online', 'status');
    expect(zh.stdout).toContain('没有密钥使用以下 2 个参数包');
    expect(zh.stdout).toContain('如果离线端已经包装过其中某个参数包，而此处尚未有导入检查过那次包装，请先导入那次包装');
    expect(zh.stdout).toContain(`请在同一个参数包中只为这些密钥获取新的导入参数（keyferry online params`);

    // Done as said, each key has one bundle: two to wrap, each once; the two earlier still to destroy.
    const keyIds = (command as string).split(' --key-id ').slice(1);
    expect((await run('online', 'params', '--out', 'p4', ...keyIds.flatMap((id) => ['--key-id', id]))).code).toBe(0);
    const after = await run('online', 'status');
    expect(after.stdout).toContain('The keys waiting for material take 2 import-parameters bundles');
    expect(wrapped(after.stdout)).toEqual(['p3', 'p4']);
    expect(destroyed(after.stdout)).toEqual(['p1', 'p2']);
    expect(freshCommand(after.stdout)).toBeUndefined();
  }, 120_000);

  it('never offers a bundle whose import tokens expired by the KMS’s clock: its keys are fetched anew', async () => {
    const { run, ids } = await createdKeys(path.join(test.dir(), 'lapsed'), 'lapsed', ['a', 'b']);
    const [a, b] = ids as [string, string];
    expect((await run('online', 'params', '--out', 'p1')).code).toBe(0);
    test.kms().sim.clock.advance(25 * 3600_000);
    expect((await run('online', 'params', '--out', 'p2', '--key-id', a)).code).toBe(0);

    // p1's tokens expired by the KMS's clock (as p2's show): its wrap would be refused, and nothing is left to destroy.
    const status = await run('online', 'status');
    expect(wrapped(status.stdout)).toEqual(['p2']);
    expect(destroyed(status.stdout)).toEqual([]);
    expect(status.stdout).not.toContain('/p1');
    const fresh = freshCommand(status.stdout);
    expect(fresh).toContain(`--key-id ${b}`);
    expect(fresh).not.toContain(a);
  }, 120_000);

  it('says the newest bundle expired too once it did: every key waiting is fetched anew, nothing to wrap', async () => {
    const { run, ids } = await createdKeys(path.join(test.dir(), 'both-lapsed'), 'both', ['a', 'b']);
    const [a] = ids as [string, string];
    expect((await run('online', 'params', '--out', 'p1')).code).toBe(0);
    test.kms().sim.clock.advance(25 * 3600_000);
    expect((await run('online', 'params', '--out', 'p2', '--key-id', a)).code).toBe(0);
    // A day on, by this computer and the KMS alike: p2's tokens expired as well as p1's.
    vi.useFakeTimers({ toFake: ['Date'], now: test.kms().sim.clock.now() + 25 * 3600_000, shouldAdvanceTime: true });
    try {
      test.kms().sim.clock.set(Date.now());
      const status = await run('online', 'status');
      expect(wrapped(status.stdout)).toEqual([]);
      expect(status.stdout).toMatch(/both-lapsed\/p2 \(written at online journal entry \d+\) expired at /);
      expect(status.stdout).toContain(
        'Next, fresh wrapping keys and import tokens in a new bundle: keyferry online params',
      );
      const zh = await run('--lang', 'zh-CN', 'online', 'status');
      expect(zh.stdout).toContain('该包已无法再包装和导入');
    } finally {
      vi.useRealTimers();
    }
  }, 120_000);

  it('after a key was imported between rounds, never offers the earlier bundle that also holds it', async () => {
    const { run, ids } = await createdKeys(path.join(test.dir(), 'imported'), 'imported', ['a', 'b', 'c']);
    const [a, b, c] = ids as [string, string, string];
    const dir = path.join(test.dir(), 'imported');
    expect((await run('online', 'params', '--out', 'p1')).code).toBe(0);
    const second = await run('online', 'params', '--out', 'p2', '--key-id', a);
    await mkdir(path.join(dir, 'air'));
    const wrap = await keyferry(
      airgapWrapArgs(
        { bundle: path.join(dir, 'p2'), out: path.join(dir, 'w2'), digest: paramsDigestFrom(second.stdout) },
        '--allow-network',
      ),
      { cwd: path.join(dir, 'air') },
    );
    expect(wrap.code).toBe(0);
    const digest = /bundle digest ([0-9A-F ]{79})/.exec(wrap.stdout)?.[1] as string;
    expect((await run('online', 'import', '--bundle', 'w2', '--expect-digest', digest)).code).toBe(0);

    // p1 holds a too: its wrap would carry a again (the KMS refuses it; a wasted wrap and custody set).
    const status = await run('online', 'status');
    expect(status.stdout).toContain('2 of 3 keys are not imported yet');
    expect(status.stdout).not.toContain('were written since that import');
    expect(status.stdout).toContain(`The import-parameters bundle ${path.join(dir, 'p1')} (journal entry `);
    expect(status.stdout).toContain(
      'so that bundle is not to be wrapped now. If an air-gapped receipt shows it was wrapped already, import that wrap: online import takes from it the keys still waiting and leaves out a key holding material imported from a later bundle. Otherwise destroy that bundle and every copy, then fetch new import parameters for them only (keyferry online params',
    );
    const fresh = /fetch new import parameters for them only \((keyferry online params [^)]*)\)/.exec(
      status.stdout,
    )?.[1];
    expect(fresh).not.toContain(a);
    // The line runs as printed (MEDIA replaced): a folder of its own on the media, the waiting keys named.
    expect(fresh).toMatch(/ --out MEDIA\/import-parameters-KF-\S+-3 /);
    expect(fresh).toContain(` --key-id ${b} --key-id ${c}`);
    const zh = await run('--lang', 'zh-CN', 'online', 'status');
    expect(zh.stdout).toContain('因此现在不应包装该参数包。若某份离线回执表明它已被包装过，请导入那份包装');

    // Fetched as said: b and c take the new bundle alone, p1 is named to destroy.
    expect((await run('online', 'params', '--out', 'p3', '--key-id', b, '--key-id', c)).code).toBe(0);
    const after = await run('online', 'status');
    expect(after.stdout).toContain(
      'Fresh import parameters for them were written since that import, to ' + path.join(dir, 'p3'),
    );
  }, 120_000);
});
