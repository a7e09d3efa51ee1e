/**
 * `online status`'s exit code, as a script reads it: 0 once the ceremony is finished, 3 while it is
 * not finished and nothing is wrong (nothing imported yet, or an import stopped part way that the
 * same import finishes), 1 for a problem. A real simulator, the CLI in a child process.
 * After an import stopped part way: while the import tokens of the keys it did not reach are valid,
 * the same import finishes them (the line says until when); once they have expired by this
 * computer's clock, that bundle cannot import them any more, and the line says to fetch new
 * parameters, with the command (the CLI in this process, its clock moved a day on).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { runCli } from '../../integration/cli-process';
import { onlineAt } from '../../helpers/cli-sides';
import { startSimWithClient, type SimSetup } from '../../core/kms/helpers/sim';
import { wrappedCliCeremony } from './wrapped-cli-ceremony';
import { runAgainCommand } from './run-again-command';
import { networkGoesAfterFirstImport } from '../../helpers/network-goes';
import { groupHex } from '../../../src-main/core/hex-groups';

let dir: string;
let kms: SimSetup;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-status-exit-'));
  kms = await startSimWithClient();
});
afterEach(async () => {
  vi.useRealTimers();
  await kms.close();
  await rm(dir, { recursive: true, force: true });
});

/** A two-key ceremony wrapped by the CLI; `stop()` imports it until the first key went through, then the network goes. */
async function twoKeys() {
  const ceremony = await wrappedCliCeremony(
    path.join(dir, 'ceremony'),
    kms.sim,
    ['one', 'two'].map((alias) => ({ alias: `app/${alias}`, spec: 'AES_256' })),
  );
  const { online, env } = ceremony;
  const stop = async () => {
    networkGoesAfterFirstImport(kms.sim);
    const stopped = await keyferry([...ceremony.importCommand, '--concurrency', '1'], { cwd: online, env });
    expect(stopped.code).toBe(1);
    kms.sim.faults.clear();
    return stopped;
  };
  return { online, env, stop };
}

describe('online status exit code', () => {
  it('3 while unfinished with nothing wrong, 0 once finished, 1 for a problem; --help says so', async () => {
    const { online, env, stop } = await twoKeys();
    const status = () => runCli(['online', 'status', ...onlineAt(kms.sim).args], { cwd: online, env });

    const before = await status();
    expect(before.stdout).toContain('Nothing imported yet');
    // Until when, as a moment (a trial counted "within the tokens' 24 hours" from it knew not when).
    expect(before.stdout).toMatch(
      /Next, before the import tokens expire \([^)]*\d{2}:\d{2}:\d{2} UTC[^)]*\), on the air-gapped workstation: wrap with the import-parameters bundle /,
    );
    // The digest every witness types, as the journal recorded it when the bundle was written (a trial
    // read the digest of a bundle changed on the media from that bundle itself).
    const written = (await readFile(path.join(online, 'online.jsonl'), 'utf8'))
      .split('\n')
      .filter((line) => line.includes('"parameters.bundle-written"'))
      .map((line) => (JSON.parse(line) as { data: { manifestSha256: string } }).data.manifestSha256);
    expect(written).toHaveLength(1);
    expect(before.stdout).toContain(
      `The digest this journal recorded for that bundle when it was written, which every witness there types: ${groupHex(written[0] as string)}. Read it aloud from here, not from the bundle on the media`,
    );
    expect(before.code).toBe(3);

    // The first import goes through, then the network goes: stopped part way.
    const stopped = await stop();
    const partly = await status();
    expect(partly.stdout).toContain('1 of 2 keys is not imported yet (Pending import)');
    expect(partly.code).toBe(3);

    const finished = await keyferry(runAgainCommand(stopped.stdout), { cwd: online, env });
    expect(finished.code).toBe(0);
    const done = await status();
    expect(done.code).toBe(0);
    // Said in its last line, with the receipt that finished it.
    expect(done.stdout.trim().split('\n').at(-1)).toMatch(
      /^The ceremony is finished: both keys hold their material, proven just now, and the online receipt receipt-online-KF-\d{8}-[a-z0-9]+\.txt is written \(journal entry \d+\)\.$/,
    );

    // The receipt's own check command, as printed, after the status its import recommended: that status
    // only looked at the keys, said as such, and the check passes.
    const receiptFile = /online receipt (receipt-online-\S+\.txt) is written/.exec(done.stdout)?.[1] as string;
    const paper = await readFile(path.join(online, receiptFile), 'utf8');
    const printed = (/Check the journal with:\n((?: {4,}\S[^\n]*\n)+)/.exec(paper)?.[1] ?? '')
      .replace(/ \\\n/g, ' ')
      .replace(/\s+/g, ' ');
    const check = await runCli(printed.trim().split(' ').slice(1), { cwd: online });
    expect(check.stdout).toMatch(
      /; the expected head is entry \d+, then the entry recording the receipt that printed it \(entry \d+\), then \d+ entries of a later look at the keys by online status \(nothing imported, deleted or refused: key states read and keys proven again\): entry \d+ ceremony\.session-started, entry \d+ kms\.connected, entry \d+ key\.status-read, entry \d+ key\.verified, entry \d+ key\.verified\. The receipt does not vouch for them\.\n$/,
    );
    expect(check.code).toBe(0);

    // A problem: the KMS cannot be reached.
    kms.sim.faults.dropConnection('describe-key', 'before', 1000);
    expect((await status()).code).toBe(1);
    kms.sim.faults.clear();

    for (const lang of ['en', 'zh-CN']) {
      const help = await runCli(['--lang', lang, 'online', 'status', '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(
        lang === 'en' ? 'Exit code: 0 the ceremony is finished' : '退出码：0 表示仪式已完成',
      );
      // --journal says what status does with it, not the steps' "later steps continue it".
      expect(help.stdout).toContain(
        lang === 'en'
          ? '--journal FILE   the online journal of the ceremony, which create-key started; the states read and the proofs'
          : '--journal FILE   该仪式的联网日志（由 create-key 开始）；读取到的状态和所做的证明会追加到其中',
      );
    }
    const params = await runCli(['online', 'params', '--help']);
    expect(params.stdout).toContain('(create-key creates it; later steps continue it)');
  }, 180_000);

  it('after an import stopped part way: until when the same import finishes it, then fetch new parameters', async () => {
    const { online, env, stop } = await twoKeys();
    const status = (lang = 'en') =>
      keyferry(['--lang', lang, 'online', 'status', ...onlineAt(kms.sim).args], { cwd: online, env });
    await stop();

    const valid = await status();
    expect(valid.code).toBe(3);
    expect(valid.stdout).toMatch(
      /1 of 2 keys is not imported yet \(Pending import\): .*it imports only what is missing, while their import tokens are valid \(until \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC by the KMS’s clock as far as its answers on record show: status cannot read that clock, and if the KMS has passed it, it refuses the import as expired, KMS\.2601, and fresh import parameters are next\)\./,
    );
    // The stopped run was given no --expires: nothing says "if the first run gave --expires".
    expect(valid.stdout).not.toMatch(/first run gave|and --expires/);
    // Where the digest to type is read: the air-gapped receipt, never this journal (which whoever
    // had it could have changed, and a trial's edited journal handed out a forged bundle's digest).
    expect(valid.stdout).toContain(
      'and --expect-digest (the bundle digest printed on its air-gapped receipt, read from the paper: never one read from this journal or the medium',
    );
    expect(valid.stdout).not.toMatch(/(?:[0-9A-F]{4} ){15}[0-9A-F]{4}/);

    // The KMS's clock a day on, this computer's not (kms-sim advance): status cannot tell; it does not
    // claim the tokens valid by a clock it cannot read (a trial's status did, the KMS past that moment).
    kms.sim.clock.advance(25 * 3_600_000);
    const kmsAhead = await status();
    expect(kmsAhead.stdout).toContain(
      'status cannot read that clock, and if the KMS has passed it, it refuses the import as expired, KMS.2601',
    );
    expect((await status('zh-CN')).stdout).toContain(
      'status 无法读取 KMS 的时钟；若 KMS 时钟已过此时刻，KMS 会以导入令牌过期（KMS.2601）拒绝导入',
    );
    kms.sim.clock.advance(-25 * 3_600_000);

    // A day later, on this computer and in the KMS (whose clock is its own).
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 25 * 3_600_000 });
    kms.sim.clock.advance(25 * 3_600_000);
    const lapsed = await status();
    expect(lapsed.stderr).toBe('');
    expect(lapsed.stdout).toMatch(
      /1 of 2 keys is not imported yet \(Pending import\): .*The ceremony is not finished\. Its import token expired at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(by this computer’s clock\), so that bundle cannot import it any more: fetch new import parameters for it \(keyferry online params --journal \S+ --out MEDIA\/import-parameters-KF-\S+-2 --key-id [0-9a-f-]{36}\), then wrap its material on the air-gapped workstation/,
    );
    expect(lapsed.stdout).not.toContain('it imports only what is missing');
    const zh = await status('zh-CN');
    expect(zh.stdout).toContain('因此该材料包已无法再导入它：请为它获取新的导入参数（keyferry online params --journal');
  }, 180_000);
});

describe('online status before the wrap', () => {
  it('gives the moment the written bundle’s tokens expire, and once they have, says to fetch new parameters', async () => {
    const { online, env } = await twoKeys();
    const status = () => keyferry(['online', 'status', ...onlineAt(kms.sim).args], { cwd: online, env });
    const before = await status();
    const until = /before the import tokens expire \(([^)]*UTC)[^)]*\)/.exec(before.stdout)?.[1] ?? '';
    // The tokens the simulator issued live 24 hours: the moment said is about a day from now.
    const utc = /(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC/.exec(until)?.[1] ?? '';
    expect(Math.abs(Date.parse(`${utc.replace(' ', 'T')}Z`) - (Date.now() + 24 * 3_600_000))).toBeLessThan(3_600_000);

    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 25 * 3_600_000 });
    kms.sim.clock.advance(25 * 3_600_000);
    const lapsed = await status();
    expect(lapsed.stdout).toMatch(
      /The import tokens of the import-parameters bundle \S+ \(written at online journal entry \d+\) expired at .*UTC.*: that bundle can no longer be wrapped and imported\. Next, fresh wrapping keys and import tokens in a new bundle: keyferry online params --journal /,
    );
    expect(lapsed.stdout).not.toContain('wrap with the import-parameters bundle');
  }, 120_000);
});
