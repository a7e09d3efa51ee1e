/**
 * An import recorded as KMS_IMPORT_OUTCOME_UNKNOWN (its connection dropped, the key's state
 * unreadable after it) is one fact wherever it is said: sent at entry N, answered at entry M with a
 * failure whose outcome is unknown. `online status` says it with the KMS's state now (Enabled: the
 * import may have taken effect; still Pending import: it did not), the entries and the way on (the
 * next import asks the KMS first); the journal's view of the key (the app's key table) says the same
 * answer, not "sent, answer not recorded". Two folders as two machines, a simulator over real HTTP.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { journalFileEntries } from '../../helpers/journal-entries';
import { startSimWithClient, type SimSetup } from '../../core/kms/helpers/sim';
import { wrappedCliCeremony } from './wrapped-cli-ceremony';
import { replayOnlineJournal } from '../../../src-main/core/ceremony/online/state';
import { journaledKeys } from '../../../src-main/core/ceremony/online/key-status';

let dir: string;
let kms: SimSetup;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-outcome-unknown-'));
  kms = await startSimWithClient();
});
afterAll(async () => {
  await kms.close();
  await rm(dir, { recursive: true, force: true });
});

/** A one-key ceremony whose import's connection drops (`when` the KMS runs it) and whose state cannot be read after. */
async function outcomeUnknown(name: string, when: 'before' | 'after') {
  const ceremony = await wrappedCliCeremony(path.join(dir, name), kms.sim, [{ alias: `${name}/aes`, spec: 'AES_256' }]);
  const { online, env, journal, importCommand } = ceremony;
  kms.sim.faults.dropConnection('import-key-material', when);
  // The describe-key before the import is let through, every one after it fails.
  kms.sim.faults.failWith('describe-key', 503, 'before', 1000, 1);
  expect((await keyferry(importCommand, { cwd: online, env })).code).toBe(1);
  kms.sim.faults.clear();
  const entries = await journalFileEntries(journal);
  const sent = entries.find((e) => e.event === 'key.import-sending')?.seq as number;
  const failed = entries.find((e) => e.event === 'step.failed' && e.data.step === 'import-key-material');
  expect(failed?.data.code).toBe('KMS_IMPORT_OUTCOME_UNKNOWN');
  const keyId = entries.find((e) => e.event === 'key.created')?.data.keyId as string;
  // The journal's view of the key, as the app's key table reads it: answered, not "answer not recorded".
  const state = replayOnlineJournal(entries);
  if (!state) throw new Error('no ceremony');
  const [key] = journaledKeys({ state, region: 'r', kms: { projectId: 'p' } as never });
  const answer = { code: 'KMS_IMPORT_OUTCOME_UNKNOWN', seq: failed?.seq as number, sentSeq: sent };
  expect(key).toMatchObject({ importSentUnrecorded: false, importAnswerUnproven: answer });
  const status = (lang = 'en') =>
    keyferry(['--lang', lang, 'online', 'status', '--journal', 'online.jsonl'], { cwd: online, env });
  return { ...ceremony, keyId, sent, seq: failed?.seq as number, status };
}

const unknownEn = (name: string, keyId: string, sent: number, seq: number) =>
  `${name}/aes (${keyId}): sent at journal entry ${sent}, answered at journal entry ${seq} with a failure whose outcome is unknown (KMS_IMPORT_OUTCOME_UNKNOWN: its answer was lost, and the key’s state could not be read)`;
const unknownZh = (name: string, keyId: string, sent: number, seq: number) =>
  `${name}/aes（${keyId}）：导入于日志条目 ${sent} 发送，日志条目 ${seq} 记录的答复为结果未知的失败（KMS_IMPORT_OUTCOME_UNKNOWN：答复丢失，且无法读取密钥状态）`;

describe('an import recorded as KMS_IMPORT_OUTCOME_UNKNOWN', () => {
  it('the KMS took it: status names the send and the failure, not a stop or a crash; the next import records it', async () => {
    const { keyId, sent, seq, status, online, env, importCommand } = await outcomeUnknown('taken', 'after');
    const en = await status();
    expect(en.code).toBe(1);
    expect(en.stdout).not.toContain('stopped or crashed');
    expect(en.stdout).toContain(
      `1 key is Enabled in the KMS although the import this journal shows sent to it was answered with an error that does not say whether it took effect: ${unknownEn('taken', keyId, sent, seq)}. Run keyferry online import again with the same --bundle and --expect-digest (--bundle `,
    );
    expect(en.stdout).toContain(': it asks the KMS first, compares each such key with the bundle');
    const zh = await status('zh-CN');
    expect(zh.stdout).toContain(
      `KMS 中有 1 个密钥已启用，但本日志显示向其发送的导入得到的是一个错误答复，不能说明导入是否生效：${unknownZh('taken', keyId, sent, seq)}。`,
    );
    expect(zh.stdout).toContain('它会先询问 KMS，将每个这样的密钥与材料包核对');
    // The next import asks the KMS first: it took this material, recorded as such.
    const rerun = await keyferry(importCommand, { cwd: online, env });
    expect(rerun.code).toBe(0);
  }, 120_000);

  it('the KMS did not take it: status says so with the send and the failure, and the next import sends it again', async () => {
    const { keyId, sent, seq, status, online, env, importCommand } = await outcomeUnknown('pending', 'before');
    const en = await status();
    expect(en.code).toBe(1);
    expect(en.stdout).not.toContain('Nothing imported yet');
    expect(en.stdout).toContain(
      `1 key is still Pending import although the import this journal shows sent to it was answered with an error that does not say whether it took effect: ${unknownEn('pending', keyId, sent, seq)}. The KMS now shows that the import did not take effect: the ceremony is not finished. Run the import again, DIGEST being the bundle digest on its air-gapped receipt: keyferry online import --journal online.jsonl --bundle `,
    );
    expect(en.stdout).toContain(
      'It asks the KMS first; while the import token is valid it sends the import again with the same token, and once the token has expired it says to fetch new parameters.',
    );
    // The line to run holds the placeholder of the digest, which the import requires (DIGEST, refused unreplaced).
    expect(en.stdout).toMatch(/--bundle \S+ --expect-digest DIGEST\. It asks the KMS first/);
    const zh = await status('zh-CN');
    expect(zh.stdout).toContain(
      `KMS 中有 1 个密钥仍处于“等待导入”状态，但本日志显示向其发送的导入得到的是一个错误答复，不能说明导入是否生效：${unknownZh('pending', keyId, sent, seq)}。KMS 现在的状态表明该导入没有生效：仪式尚未完成。`,
    );
    const rerun = await keyferry(importCommand, { cwd: online, env });
    expect(rerun.code).toBe(0);
    expect((await status()).code).toBe(0);
  }, 120_000);
});
