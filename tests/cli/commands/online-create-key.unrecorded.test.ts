/**
 * A create the KMS took while its answer never reached the journal (the process killed, or the
 * power cut, right after key.create-sending): the next session derives it from the journal, journals
 * `ceremony.session-unrecorded` naming the alias and the entry of the send, and says so with what
 * `online create-key` run again does; that run finds the key under its alias and journals it as the
 * send's key (foundInKms) instead of creating a second one. A create the KMS refused is an outcome on
 * record: its step.failed names the alias, and the next session traces nothing. A kill leaves the
 * journal's entries up to the last one written, so the journal is cut back to the send.
 * The real CLI against the simulator over real HTTP.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { journalFileEntries } from '../../helpers/journal-entries';
import { onlineAt } from '../../helpers/cli-sides';
import { startSimWithClient, type SimSetup } from '../../core/kms/helpers/sim';
import { cutAfterCreateSending } from './create-sending-cut';

let dir: string;
let kms: SimSetup;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-create-unrecorded-'));
  kms = await startSimWithClient();
});
afterAll(async () => {
  await kms.close();
  await rm(dir, { recursive: true, force: true });
});

/** A folder `name` with a one-key plan; `createKey` runs `online create-key --plan plan.json` there, `runStatus` `online status`. */
async function ceremony(name: string, env: NodeJS.ProcessEnv = {}) {
  const folder = path.join(dir, name);
  await mkdir(folder);
  const alias = `${name}/aes`;
  const plan = { title: name, operator: 'Ana', witnesses: ['Ben'], keys: [{ alias, spec: 'AES_256' }] };
  await writeFile(path.join(folder, 'plan.json'), JSON.stringify(plan));
  const connection = onlineAt(kms.sim);
  const createKey = () =>
    keyferry(['online', 'create-key', '--plan', 'plan.json', ...connection.args], {
      cwd: folder,
      env: { ...connection.env, ...env },
    });
  const runStatus = () =>
    keyferry(['online', 'status', '--journal', 'online.jsonl'], { cwd: folder, env: { ...connection.env, ...env } });
  return { alias, journal: path.join(folder, 'online.jsonl'), createKey, runStatus };
}

/** The KMS's keys under `alias`. */
const keysUnder = async (alias: string) => (await kms.client.listKeys()).filter((k) => k.alias === alias);

describe('online create-key after a create whose answer the journal never recorded', () => {
  it('traces the send by alias, says what running it again does, and takes the key back instead of creating a second', async () => {
    const { alias, journal, createKey, runStatus } = await ceremony('killed');
    expect((await createKey()).code).toBe(0);
    const sentAt = await cutAfterCreateSending(journal);
    expect(await keysUnder(alias)).toHaveLength(1);

    const rerun = await createKey();
    expect(rerun.stderr).toBe('');
    expect(rerun.code).toBe(0);
    const entries = await journalFileEntries(journal);
    const traces = entries.filter((e) => e.event === 'ceremony.session-unrecorded');
    expect(traces).toHaveLength(1);
    expect(traces[0]?.data.creates).toEqual([{ alias, seq: sentAt }]);
    expect(rerun.stdout).toContain(
      `Journal entry ${traces[0]?.seq}: session 1 of this journal (entries 1-${sentAt}) sent a create-key request to the KMS and ended before recording its answer (a kill, a crash, a power cut or a journal that could not be written ends a session so; the journal does not say which): ${alias}, sent at entry ${sentAt}. The receipt lists it under Deviations. online create-key run again with the same plan looks in the KMS first: a key found under that alias as this ceremony creates keys (external, Pending import, created since the send) is journaled as the key that send created, not created again; an alias the KMS does not hold is created; an alias another key holds is refused.`,
    );
    expect(rerun.stdout).toContain(`Found AES_256 key ${alias} in the KMS, created by the stopped attempt`);
    // Reconciled: one key under the alias, journaled as found, and no second create sent.
    const [key] = await keysUnder(alias);
    expect(await keysUnder(alias)).toHaveLength(1);
    const created = entries.filter((e) => e.event === 'key.created');
    expect(created.map((e) => [e.data.keyId, e.data.foundInKms])).toEqual([[key?.keyId, true]]);
    // Tied to the send that created it and to the trace that named it.
    expect(created[0]?.data.sent).toEqual({ seq: sentAt, unrecordedSeq: traces[0]?.seq });
    expect(entries.filter((e) => e.event === 'key.create-sending')).toHaveLength(1);

    // Traced once: a later session (here online status) says nothing more of it.
    const status = await runStatus();
    expect(status.stdout).toContain(alias);
    expect(status.stdout).not.toContain('create-key request');
    expect((await journalFileEntries(journal)).filter((e) => e.event === 'ceremony.session-unrecorded')).toHaveLength(
      1,
    );
  });

  it('says it in Chinese under LANG=zh_CN.UTF-8', async () => {
    const { alias, journal, createKey } = await ceremony('killed-zh', { LANG: 'zh_CN.UTF-8' });
    expect((await createKey()).code).toBe(0);
    const sentAt = await cutAfterCreateSending(journal);
    const rerun = await createKey();
    expect(rerun.code).toBe(0);
    const trace = (await journalFileEntries(journal)).find((e) => e.event === 'ceremony.session-unrecorded');
    expect(rerun.stdout).toContain(
      `日志条目 ${trace?.seq}：此日志的第 1 次会话（条目 1-${sentAt}）向 KMS 发送了 1 个创建密钥请求，在记录其答复之前即已结束（进程被终止、崩溃、断电或日志无法写入都会使会话如此结束；日志并未说明是哪一种）：${alias}，发送于条目 ${sentAt}。回执在偏差中列出此事。使用同一计划再次运行 online create-key 时，会先在 KMS 中查找：若在该别名下找到按本仪式的方式创建的密钥（外部来源、等待导入、创建于该次发送之后），则将其作为该次发送所创建的密钥记入日志，不再重复创建；KMS 中没有该别名的密钥则予以创建；该别名已被其他密钥使用则予以拒绝。`,
    );
    expect(await keysUnder(alias)).toHaveLength(1);
  });

  it('creates the key again when the unanswered send never reached the KMS, journaled as a retry of that send', async () => {
    const { alias, journal, createKey } = await ceremony('lost');
    // The connection dropped before the KMS ran the create, and the process was killed before recording the failure.
    kms.sim.faults.dropConnection('create-key', 'before');
    expect((await createKey()).code).not.toBe(0);
    const sentAt = await cutAfterCreateSending(journal);
    expect(await keysUnder(alias)).toHaveLength(0);

    const rerun = await createKey();
    expect(rerun.stderr).toBe('');
    expect(rerun.code).toBe(0);
    const entries = await journalFileEntries(journal);
    const trace = entries.find((e) => e.event === 'ceremony.session-unrecorded');
    expect(trace?.data.creates).toEqual([{ alias, seq: sentAt }]);
    const sends = entries.filter((e) => e.event === 'key.create-sending');
    // Each send records the spec and usage it asks for.
    const asked = { alias, spec: 'AES_256', usage: 'ENCRYPT_DECRYPT' };
    expect(sends.map((e) => e.data)).toEqual([asked, { ...asked, retryOfSeq: sentAt, unrecordedSeq: trace?.seq }]);
    expect(entries.filter((e) => e.event === 'key.created').map((e) => e.data.foundInKms)).toEqual([undefined]);
    expect(await keysUnder(alias)).toHaveLength(1);
  });

  it('journals a refused create with its alias, so the next session has nothing to trace', async () => {
    const { alias, journal, createKey } = await ceremony('refused');
    kms.sim.faults.failWith('create-key', 400, 'before');
    expect((await createKey()).code).not.toBe(0);
    const failed = (await journalFileEntries(journal)).filter(
      (e) => e.event === 'step.failed' && e.data.step === 'create-key',
    );
    expect(failed.map((e) => e.data.alias)).toEqual([alias]);

    const rerun = await createKey();
    expect(rerun.stderr).toBe('');
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).not.toContain('create-key request');
    const entries = await journalFileEntries(journal);
    expect(entries.filter((e) => e.event === 'ceremony.session-unrecorded')).toHaveLength(0);
    expect(await keysUnder(alias)).toHaveLength(1);
  });
});
