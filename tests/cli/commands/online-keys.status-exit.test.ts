/**
 * `online status`'s exit code, as a script reads it: 0 once the ceremony is finished, 3 while it is
 * not finished and nothing is wrong (nothing imported yet, or an import stopped part way that the
 * same import finishes), 1 for a problem. A real simulator, the CLI in a child process.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { runCli } from '../../integration/cli-process';
import { onlineAt } from '../../helpers/cli-sides';
import { startSimWithClient, type SimSetup } from '../../core/kms/helpers/sim';
import { wrappedCliCeremony } from './wrapped-cli-ceremony';
import { runAgainCommand } from './run-again-command';

let dir: string;
let kms: SimSetup;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-status-exit-'));
  kms = await startSimWithClient();
});
afterEach(async () => {
  await kms.close();
  await rm(dir, { recursive: true, force: true });
});

describe('online status exit code', () => {
  it('3 while unfinished with nothing wrong, 0 once finished, 1 for a problem; --help says so', async () => {
    const ceremony = await wrappedCliCeremony(
      path.join(dir, 'ceremony'),
      kms.sim,
      ['one', 'two'].map((alias) => ({ alias: `app/${alias}`, spec: 'AES_256' })),
    );
    const { online, env } = ceremony;
    const status = () => runCli(['online', 'status', ...onlineAt(kms.sim).args], { cwd: online, env });

    const before = await status();
    expect(before.stdout).toContain('Nothing imported yet');
    expect(before.code).toBe(3);

    // The first import goes through, then the network goes: stopped part way.
    kms.sim.faults.rewriteAnswer('import-key-material', (body) => {
      kms.sim.faults.dropConnection('describe-key', 'before', 1000);
      kms.sim.faults.dropConnection('import-key-material', 'before', 1000);
      return body;
    });
    const stopped = await keyferry([...ceremony.importCommand, '--concurrency', '1'], { cwd: online, env });
    expect(stopped.code).toBe(1);
    kms.sim.faults.clear();
    const partly = await status();
    expect(partly.stdout).toContain('1 of 2 keys is not imported yet (Pending import)');
    expect(partly.code).toBe(3);

    const finished = await keyferry(runAgainCommand(stopped.stdout), { cwd: online, env });
    expect(finished.code).toBe(0);
    expect((await status()).code).toBe(0);

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
});
