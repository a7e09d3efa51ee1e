/**
 * An import answered with an error that proves nothing (KMS.0101: a server error, said before the
 * KMS ran it) while the key stays Pending import: `online status` (the real CLI in a child process)
 * says the send and its answer (journal entries and code), that the KMS's state shows the import
 * did not take effect, and the import to run again; exit 1, as for KMS_IMPORT_OUTCOME_UNKNOWN,
 * not "nothing imported yet" (exit 3). Two folders as two machines, a simulator over real HTTP.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { runCli } from '../../integration/cli-process';
import { journalFileEntries } from '../../helpers/journal-entries';
import { startSimWithClient, type SimSetup } from '../../core/kms/helpers/sim';
import { wrappedCliCeremony } from './wrapped-cli-ceremony';

let dir: string;
let kms: SimSetup;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-unproven-not-taken-'));
  kms = await startSimWithClient();
});
afterAll(async () => {
  await kms.close();
  await rm(dir, { recursive: true, force: true });
});

describe('an import answered KMS.0101 whose key is still Pending import', () => {
  it('status names the send, the answer and the import to run again (exit 1); that import finishes it', async () => {
    const { online, env, journal, importCommand } = await wrappedCliCeremony(path.join(dir, 'c'), kms.sim, [
      { alias: 'n/aes', spec: 'AES_256' },
    ]);
    // The KMS answers HTTP 400 KMS.0101 before it runs the import: the key stays Pending import.
    kms.sim.faults.failWith('import-key-material', 400, 'before');
    expect((await keyferry(importCommand, { cwd: online, env })).code).toBe(1);
    kms.sim.faults.clear();
    const entries = await journalFileEntries(journal);
    const sent = entries.find((e) => e.event === 'key.import-sending')?.seq as number;
    const failed = entries.find((e) => e.event === 'step.failed' && e.data.step === 'import-key-material');
    expect(failed?.data.code).toBe('KMS.0101');
    const keyId = entries.find((e) => e.event === 'key.created')?.data.keyId as string;
    const status = (lang: string) =>
      runCli(['--lang', lang, 'online', 'status', '--journal', 'online.jsonl'], { cwd: online, env });

    const en = await status('en');
    expect(en.stderr).toBe('');
    expect(en.code).toBe(1);
    expect(en.stdout).not.toContain('Nothing imported yet');
    expect(en.stdout).toContain(
      `1 key is still Pending import although the import this journal shows sent to it was answered with an error that does not say whether it took effect: n/aes (${keyId}): sent at journal entry ${sent}, answered at journal entry ${failed?.seq} with KMS.0101. The KMS now shows that the import did not take effect: the ceremony is not finished. Run the import again, DIGEST being the bundle digest on its air-gapped receipt: keyferry online import --journal online.jsonl --bundle `,
    );
    const zh = await status('zh-CN');
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain(
      `KMS 中有 1 个密钥仍处于“等待导入”状态，但本日志显示向其发送的导入得到的是一个错误答复，不能说明导入是否生效：n/aes（${keyId}）：导入于日志条目 ${sent} 发送，日志条目 ${failed?.seq} 记录的答复为 KMS.0101。KMS 现在的状态表明该导入没有生效：仪式尚未完成。`,
    );

    // The import named finishes it.
    const rerun = await keyferry(importCommand, { cwd: online, env });
    expect(rerun.code).toBe(0);
    expect((await status('en')).code).toBe(0);
  }, 180_000);
});
