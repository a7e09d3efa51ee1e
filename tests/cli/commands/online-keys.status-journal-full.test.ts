/**
 * `online status` while the journal's medium is full: the officer needs the keys' states exactly
 * then, and must not be told anything was journaled. The KMS is asked all the same (describe-key,
 * nothing that would need a proof journaled), the table printed between a line saying the look is
 * NOT journaled and why and one saying what to do, the journal left byte for byte as it was, exit 1
 * (also where not even the journal's lock file can be written); once the medium has room the same
 * status journals its look. The CLI in a real process whose
 * file-size limit is the journal's size (prlimit): the kernel refuses its first entry (EFBIG) as a
 * full medium refuses it (ENOSPC), through the same path. A real simulator over HTTP.
 */
import { spawn } from 'node:child_process';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { journalFileEntries } from '../../helpers/journal-entries';
import { wrappedCliCeremony } from './wrapped-cli-ceremony';
import { KEYFERRY_BIN, runCli, runOf } from '../../integration/cli-process';
import { simAndFolderPerTest } from './sim-folder';

const test = simAndFolderPerTest('kf-cli-status-journal-full-');

/**
 * The CLI in `cwd`, unable to grow any file past `size` bytes (default `journal`'s present size: its
 * medium full). The bin's bundle is made first without the limit (the limited process could not write it).
 */
async function onFullMedium(
  journal: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  size?: number,
) {
  expect((await runCli(['--help'])).code).toBe(0);
  const limit = size ?? (await stat(journal)).size;
  const child = spawn('prlimit', [`--fsize=${limit}`, process.execPath, KEYFERRY_BIN, ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return runOf(child);
}

describe('online status whose journal cannot be written', () => {
  it('still shows the keys as the KMS answers, says the look is NOT journaled and why, and exits 1', async () => {
    const ceremony = await wrappedCliCeremony(
      path.join(test.dir(), 'ceremony'),
      test.kms().sim,
      ['one', 'two'].map((alias) => ({ alias: `app/${alias}`, spec: 'AES_256' })),
    );
    const imported = await keyferry(ceremony.importCommand, { cwd: ceremony.online, env: ceremony.env });
    expect(imported.code).toBe(0);
    const keyIds = (await journalFileEntries(ceremony.journal))
      .filter((e) => e.event === 'key.imported')
      .map((e) => e.data.keyId as string);
    expect(keyIds).toHaveLength(2);
    const journalBefore = await readFile(ceremony.journal);
    const status = ['online', 'status', '--journal', 'online.jsonl'];
    const { requests } = test.kms();
    const asked = requests.length;

    const full = await onFullMedium(ceremony.journal, status, ceremony.online, ceremony.env);
    expect(full.stderr).toBe('');
    expect(full.code).toBe(1);
    expect(full.stdout).toContain(
      'NOT JOURNALED: the journal online.jsonl cannot be written (EFBIG: its medium is full or cannot be written), so this look at the KMS is not recorded in it. The states below are what the KMS answers now.',
    );
    for (const keyId of keyIds) expect(full.stdout).toMatch(new RegExp(`${keyId}\\s+Enabled\\s+never`));
    expect(full.stdout).toContain(
      'Nothing of this look is in the journal, and the 2 imported keys were not proven (status journals each proof). Make room on the journal’s medium (or connect it again, writable), then run status again to journal the look: keyferry online status --journal online.jsonl',
    );
    // Asked the KMS (describe-key only: no proof runs that could not be journaled), wrote nothing.
    const actions = new Set(requests.slice(asked).map((r) => r.action));
    expect(actions.has('describe-key')).toBe(true);
    expect(actions.has('encrypt-data')).toBe(false);
    expect((await readFile(ceremony.journal)).equals(journalBefore)).toBe(true);

    const zh = await onFullMedium(ceremony.journal, [...status, '--lang', 'zh-CN'], ceremony.online, ceremony.env);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain(
      '未记入日志：日志 online.jsonl 无法写入（EFBIG：其存储介质已满或无法写入），因此本次对 KMS 的查看没有记入其中。以下状态是 KMS 此刻的答复。',
    );
    expect(zh.stdout).toContain(
      '本次查看的任何内容都不在日志中，已导入的 2 个密钥也未经验证（status 会将每项验证记入日志）。请在日志的存储介质上腾出空间（或重新连接可写入的介质），然后再次运行 status，将本次查看记入日志：keyferry online status --journal online.jsonl',
    );

    // A medium with no room for the journal's lock file either (as a full or read-only medium refuses
    // it): the journal is read without one, and the look is the same.
    const noLock = await onFullMedium(ceremony.journal, status, ceremony.online, ceremony.env, 20);
    expect(noLock.stderr).toBe('');
    expect(noLock.code).toBe(1);
    expect(noLock.stdout).toContain('NOT JOURNALED: the journal online.jsonl cannot be written (EFBIG: ');
    for (const keyId of keyIds) expect(noLock.stdout).toMatch(new RegExp(`${keyId}\\s+Enabled\\s+never`));
    expect((await readFile(ceremony.journal)).equals(journalBefore)).toBe(true);
    expect((await readdir(ceremony.online)).filter((f) => f.endsWith('.lock'))).toEqual([]);

    // Room again: the same status journals its look and proves the keys, as always.
    const roomy = await keyferry(status, { cwd: ceremony.online, env: ceremony.env });
    expect(roomy.stderr).toBe('');
    expect(roomy.code).toBe(0);
    expect(roomy.stdout).not.toContain('NOT JOURNALED');
    const entries = await journalFileEntries(ceremony.journal);
    expect(entries.filter((e) => e.event === 'key.status-read')).toHaveLength(1);
  }, 120_000);

  it('says verify first as a journaled status does, then that the look is not journaled', async () => {
    const ceremony = await wrappedCliCeremony(
      path.join(test.dir(), 'verify-first'),
      test.kms().sim,
      ['one', 'two'].map((alias) => ({ alias: `vf/${alias}`, spec: 'AES_256' })),
    );
    const { online, env, journal } = ceremony;
    expect((await keyferry(ceremony.importCommand, { cwd: online, env })).code).toBe(0);
    const created = (await journalFileEntries(journal)).filter((e) => e.event === 'key.created');
    const [lost, kept] = created.map((e) => e.data.keyId as string) as [string, string];
    const run = (args: string[]) => keyferry(['online', ...args, '--journal', 'online.jsonl'], { cwd: online, env });
    // vf/two disabled at the console (its proof fails), vf/one's material deleted: verify first.
    await test.kms().client.disableKey(kept);
    expect((await run(['status'])).code).toBe(1);
    const deleteArgs = ['delete-material', '--key-id', lost, '--yes', '--acknowledge-loss', '--confirm-key-id', lost];
    expect((await run(deleteArgs)).code).toBe(0);
    const proveFirst = `Verify first: 1 key holds imported material not proven yet (vf/two (${kept})), so the ceremony stands at step “material imported”, where no import-parameters bundle can be written; 1 key waits for fresh import parameters (vf/one (${lost})). Next: 1. prove it: keyferry online status --journal online.jsonl (it proves every key holding material and journals each proof; a proof that fails says what to mend); 2. then fetch and write the fresh parameters: keyferry online params --journal online.jsonl --out MEDIA/import-parameters-`;
    const journaled = await run(['status']);
    expect(journaled.stdout).toContain(proveFirst);

    const status = ['online', 'status', '--journal', 'online.jsonl'];
    const full = await onFullMedium(journal, status, online, env);
    expect(full.stderr).toBe('');
    expect(full.code).toBe(1);
    expect(full.stdout).toContain(proveFirst);
    const nextLines = (out: string) => out.split('\n').filter((l) => /^(Verify first|Next)/.test(l));
    expect(nextLines(full.stdout)).toEqual(nextLines(journaled.stdout));
    expect(full.stdout.indexOf(proveFirst)).toBeLessThan(full.stdout.indexOf('Nothing of this look is in the journal'));
    expect(full.stdout).toContain(
      'Nothing of this look is in the journal, and the imported key was not proven (status journals its proof).',
    );
    const zh = await onFullMedium(journal, [...status, '--lang', 'zh-CN'], online, env);
    expect(zh.stdout).toContain(
      `先校验：1 个密钥持有尚未证明的已导入密钥材料（vf/two（${kept}）），因此仪式处于“已导入密钥材料”步骤，此步骤不能写出导入参数包；1 个密钥在等待新的导入参数（vf/one（${lost}））。`,
    );
  }, 180_000);
});
