/**
 * An import the KMS took, answered with an error that does not prove a refusal (HTTP 400,
 * KMS.0101): the journal records that answer (step.failed), so the key is not "sent, answer not
 * recorded". `online status` says the answer on record (its code and journal entry), the journal's
 * view of the key (what the app's key table reads) says the same, and the next import still asks
 * the KMS first: it finds the import took effect and records it, sending nothing twice. Two folders
 * as two machines, one simulator over real HTTP on 127.0.0.1.
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
import { english } from '../../../src-main/i18n/translate';

let dir: string;
let kms: SimSetup;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-unproven-answer-'));
  kms = await startSimWithClient();
});
afterAll(async () => {
  await kms.close();
  await rm(dir, { recursive: true, force: true });
});

const importsTaken = () => kms.requests.filter((r) => r.action === 'import-key-material' && r.status === 200).length;

describe('an import answered with an error that proves nothing, the import taken', () => {
  it('is said as the answer on record, not as unrecorded; the next import asks the KMS first and records it', async () => {
    const { online, env, journal, importCommand } = await wrappedCliCeremony(path.join(dir, 'c'), kms.sim, [
      { alias: 'p/aes', spec: 'AES_256' },
    ]);
    // The KMS takes the import, then answers HTTP 400 KMS.0101.
    kms.sim.faults.failWith('import-key-material', 400, 'after');
    expect((await keyferry(importCommand, { cwd: online, env })).code).not.toBe(0);
    kms.sim.faults.clear();
    const entries = await journalFileEntries(journal);
    const failed = entries.find((e) => e.event === 'step.failed' && e.data.step === 'import-key-material');
    expect(failed?.data.code).toBe('KMS.0101');
    const keyId = entries.find((e) => e.event === 'key.created')?.data.keyId as string;
    const sent = entries.find((e) => e.event === 'key.import-sending')?.seq;

    // The journal's view of the key, as the app's key table reads it.
    const state = replayOnlineJournal(entries);
    if (!state) throw new Error('no ceremony');
    const [key] = journaledKeys({ state, region: 'r', kms: { projectId: 'p' } as never });
    expect(key).toMatchObject({ importSentUnrecorded: false, importAnswerUnproven: { code: 'KMS.0101' } });
    expect(english.t('ckeys.state', { state: 'unproven' })).toBe('Import answered with an error, effect not proven');

    const status = await keyferry(['online', 'status', '--journal', 'online.jsonl'], { cwd: online, env });
    expect(status.stderr).toBe('');
    expect(status.code).toBe(1);
    expect(status.stdout).not.toContain('sent but not recorded');
    expect(status.stdout).toContain(
      `1 key is Enabled in the KMS although the import this journal shows sent to it was answered with an error that does not say whether it took effect: p/aes (${keyId}): sent at journal entry ${sent}, answered at journal entry ${failed?.seq} with KMS.0101. Run keyferry online import again with the same --bundle and --expect-digest`,
    );
    const zh = await keyferry(['online', 'status', '--journal', 'online.jsonl', '--lang', 'zh-CN'], {
      cwd: online,
      env,
    });
    expect(zh.stdout).toContain(
      `KMS 中有 1 个密钥已启用，但本日志显示向其发送的导入得到的是一个错误答复，不能说明导入是否生效：p/aes（${keyId}）：导入于日志条目 ${sent} 发送，日志条目 ${failed?.seq} 记录的答复为 KMS.0101。`,
    );

    // The next import asks the KMS first: the key took this material, recorded as such, nothing sent again.
    const taken = importsTaken();
    const rerun = await keyferry(importCommand, { cwd: online, env });
    expect(rerun.stderr).toBe('');
    expect(rerun.code).toBe(0);
    expect(importsTaken()).toBe(taken);
    const imported = (await journalFileEntries(journal)).filter((e) => e.event === 'key.imported');
    expect(imported.map((e) => e.data.confirmation)).toEqual(['reconciled']);
  }, 120_000);
});
