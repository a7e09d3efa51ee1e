/**
 * `custody split` as an officer rehearses it on one machine, with the real volume check (each
 * folder's device number): custodian folders on the material file's disk (here the system's) are refused, and the refusal's advice
 * (`--shares-on-one-volume`, rehearsals only) is an option the command takes, which then writes the
 * set with a WARNING to move each folder to media of its own. Every split ends with a WARNING that
 * the --material file still holds the key in plaintext and is to be destroyed.
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../../src-main/cli/command';
import { commands } from '../../../src-main/cli/commands/index';
import { runCli } from '../../../src-main/cli/run-cli';
import { OFFLINE } from '../../helpers/workstation';
import { bindMount, MOUNTS_AVAILABLE } from '../../support/tmpfs-mount';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-custody-one-volume-'));
  vi.spyOn(os, 'networkInterfaces').mockReturnValue(OFFLINE);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[], lang?: string): Promise<{ code: number; out: string[]; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const env = lang ? { LANG: lang } : {};
  const io: CliIo = { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env, cwd: dir };
  const code = await runCli(commands, argv, io);
  return { code, out, err: err.join('\n') };
}

async function splitArgs(): Promise<string[]> {
  await writeFile(path.join(dir, 'key.bin'), randomBytes(32));
  const outs = ['custodian-1', 'custodian-2', 'custodian-3'];
  for (const o of outs) await mkdir(path.join(dir, o));
  return [
    ...['custody', 'split', '--material', 'key.bin', '--key-spec', 'AES_256'],
    ...['--ceremony-id', 'KF-20261204-a1b2c3', '--key-id', '0042abcd-0000-4000-8000-000000000042'],
    ...['--m', '2', '--n', '3'],
    ...outs.flatMap((o, i) => ['--custodian', `Custodian ${i + 1}`, '--out', o]),
  ];
}

describe('custody split rehearsed on one machine', () => {
  it('refuses folders on one volume, takes the option its advice names, and warns of the plaintext file', async () => {
    const args = await splitArgs();
    const refused = await run(args);
    expect(refused.code).toBe(1);
    // The material file is on the same disk: the first folder is refused, before the file is read, for
    // the system's disk where the temp folder is on it (the most general true statement), else for the material.
    const onSystem = statSync('/').dev === statSync(dir).dev;
    expect(refused.err).toContain(
      `The folder of custodian 1 (Custodian 1), ${path.join(dir, 'custodian-1')}, is on the same volume as ${onSystem ? 'this workstation’s system folder /' : `the material file (${path.join(dir, 'key.bin')})`}`,
    );
    expect(refused.err).toContain('for a rehearsal with test material only: custody split --shares-on-one-volume.');
    expect(await readdir(path.join(dir, 'custodian-1'))).toEqual([]);

    const split = await run([...args, '--shares-on-one-volume']);
    expect(split.err).toBe('');
    expect(split.code).toBe(0);
    for (const o of ['custodian-1', 'custodian-2', 'custodian-3'])
      expect((await readdir(path.join(dir, o))).some((f) => f.endsWith('.json'))).toBe(true);
    expect(split.out.slice(-2)).toEqual([
      'WARNING: custody folders share one volume: move each custodian’s folder to media of its own now.',
      'WARNING: key.bin still holds this key material in plaintext. Once each custodian holds their folder, destroy it and every copy of it (overwrite the file, or destroy its medium); from now on the custody set keeps the material.',
    ]);
  });

  it('says the same in Chinese', async () => {
    const args = await splitArgs();
    const split = await run([...args, '--shares-on-one-volume'], 'zh-CN');
    expect(split.code).toBe(0);
    expect(split.out.at(-1)).toBe(
      '警告：key.bin 仍以明文保存此密钥材料。各保管人拿到各自的文件夹后，请销毁该文件及其所有副本（覆写该文件，或销毁其介质）；此后由托管集保管该密钥材料。',
    );
  });

  it('says both custodian names as typed when they are one person, and one --out given twice as the same folder', async () => {
    const args = await splitArgs();
    const named = (names: string[]) => {
      const given = [...args];
      let at = 0;
      for (const [i, word] of given.entries()) if (word === '--custodian') given[i + 1] = names[at++] as string;
      return given;
    };
    const oneName = await run([...named(['Carol', 'carol ', 'Dan']), '--shares-on-one-volume']);
    expect(oneName.code).toBe(1);
    // "carol" alone hid that two names were typed, and why they were taken for one.
    expect(oneName.err).toContain(
      'The custodians of shares 1 and 2, typed as "Carol" and "carol ", are one person by Keyferry’s comparison (it ignores upper and lower case and spaces before or after a name)',
    );
    const zh = await run([...named(['Carol', 'carol ', 'Dan']), '--shares-on-one-volume'], 'zh-CN');
    expect(zh.err).toContain('第 1 份和第 2 份份额的保管人输入为“Carol”和“carol ”，按 Keyferry 的比较方式是同一个人');
    const twice = [...args];
    twice[twice.indexOf('custodian-2')] = './custodian-1/';
    // With the rehearsal option or without, it is the same folder, not "the same volume".
    for (const extra of [[], ['--shares-on-one-volume']]) {
      const refused = await run([...twice, ...extra]);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain(
        `The folders for shares 1 and 2 are the same folder (${path.join(dir, 'custodian-1')}), given twice`,
      );
      expect(refused.err).not.toContain('same volume');
    }
    expect(await readdir(path.join(dir, 'custodian-1'))).toEqual([]);
  });

  it('says one folder given once directly and once through a symbolic link (or a bind mount) is the same folder, naming both paths', async () => {
    const args = await splitArgs();
    await symlink(path.join(dir, 'custodian-1'), path.join(dir, 'link-1'));
    const unmount = MOUNTS_AVAILABLE ? bindMount(path.join(dir, 'custodian-1'), path.join(dir, 'bound-1')) : undefined;
    try {
      for (const other of MOUNTS_AVAILABLE ? ['link-1', 'bound-1'] : ['link-1']) {
        const twice = [...args];
        twice[twice.indexOf('custodian-2')] = other;
        // Without the rehearsal option it was called "the same volume"; with it, share 1 was written, share 2
        // collided on the backup's name and the officer was told to fix the media.
        for (const extra of [[], ['--shares-on-one-volume']]) {
          const refused = await run([...twice, ...extra]);
          expect(refused.code).toBe(1);
          expect(refused.err).toContain(
            `The folders for shares 1 and 2 are the same folder (${path.join(dir, 'custodian-1')}, also given as ${path.join(dir, other)}), given twice`,
          );
          expect(refused.err).not.toContain('same volume');
        }
        const zh = await run([...twice, '--shares-on-one-volume'], 'zh-CN');
        expect(zh.err).toContain(
          `份额 1 和 2 的文件夹是同一个文件夹（${path.join(dir, 'custodian-1')}，也以 ${path.join(dir, other)} 给出），被给出了两次`,
        );
        expect(await readdir(path.join(dir, 'custodian-1'))).toEqual([]);
      }
    } finally {
      unmount?.();
    }
  });
});
