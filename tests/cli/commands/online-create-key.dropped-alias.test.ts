/**
 * A create sent and never answered (the process killed right after key.create-sending), then the
 * plan changed to leave that alias out: the key the KMS created under it would stay there, part of
 * no ceremony. `online create-key` asks the KMS by alias first and refuses (journaled), naming the
 * alias, the send's journal entry, the key and what to do; the KMS holding no key under it, or only
 * a key of another spec than the send recorded (the create never took effect), the new plan goes ahead;
 * such a key is said in a warning (journaled) naming it, its spec and alias, and that it was left
 * alone. The real CLI against the simulator over real HTTP on 127.0.0.1.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { runCli } from '../../integration/cli-process';
import { journalFileEntries } from '../../helpers/journal-entries';
import { onlineAt } from '../../helpers/cli-sides';
import { startSimWithClient, type SimSetup } from '../../core/kms/helpers/sim';
import { cutAfterCreateSending } from './create-sending-cut';

let dir: string;
let kms: SimSetup;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-create-dropped-'));
  kms = await startSimWithClient();
});
afterAll(async () => {
  await kms.close();
  await rm(dir, { recursive: true, force: true });
});

/** A folder `name`; `createKey(alias)` writes a one-key plan with `alias` and runs `online create-key --plan plan.json`. */
async function ceremony(name: string) {
  const folder = path.join(dir, name);
  await mkdir(folder);
  const connection = onlineAt(kms.sim);
  const createKey = async (alias: string, ...extra: string[]) => {
    const plan = { title: name, operator: 'Ana', witnesses: ['Ben'], keys: [{ alias, spec: 'AES_256' }] };
    await writeFile(path.join(folder, 'plan.json'), JSON.stringify(plan));
    return keyferry(['online', 'create-key', '--plan', 'plan.json', ...connection.args, ...extra], {
      cwd: folder,
      env: connection.env,
    });
  };
  return { journal: path.join(folder, 'online.jsonl'), createKey };
}

const keysUnder = async (alias: string) => (await kms.client.listKeys()).filter((k) => k.alias === alias);

/**
 * A create of `name`/first sent and never answered (its connection dropped before the KMS ran it),
 * an RSA key made under that alias at the console, then a plan of `name`/second alone given to
 * `online create-key` in `lang`: the CLI in a child process.
 */
async function otherKeyUnderDroppedAlias(name: string, lang: string) {
  const { journal, createKey } = await ceremony(name);
  kms.sim.faults.dropConnection('create-key', 'before');
  expect((await createKey(`${name}/first`)).code).not.toBe(0);
  const sentAt = await cutAfterCreateSending(journal);
  const { keyId: foreign } = await kms.client.createKey({
    alias: `${name}/first`,
    spec: 'RSA_2048',
    usage: 'SIGN_VERIFY',
    origin: 'external',
  });
  const folder = path.dirname(journal);
  const keys = [{ alias: `${name}/second`, spec: 'AES_256' }];
  await writeFile(
    path.join(folder, 'plan.json'),
    JSON.stringify({ title: name, operator: 'Ana', witnesses: ['Ben'], keys }),
  );
  const { args, env } = onlineAt(kms.sim);
  const run = await runCli(['--lang', lang, 'online', 'create-key', '--plan', 'plan.json', ...args], {
    cwd: folder,
    env,
  });
  return { journal, sentAt, foreign, run };
}

describe('a plan that leaves out the alias of an unanswered create', () => {
  it('is refused while the KMS holds a key under that alias, naming it, the send and the way on', async () => {
    const { journal, createKey } = await ceremony('dropped');
    expect((await createKey('dropped/first')).code).toBe(0);
    const sentAt = await cutAfterCreateSending(journal);
    const [orphan] = await keysUnder('dropped/first');

    const renamed = await createKey('dropped/second');
    expect(renamed.code).toBe(1);
    expect(renamed.stderr).toContain(
      `The plan given now leaves out dropped/first, whose create-key request this journal shows sent at entry ${sentAt} with no answer recorded, and the KMS holds key ${orphan?.keyId} under that alias: that create took effect. Left out of the plan, that key would stay in the KMS, part of no ceremony. Nothing was created. Give the plan with dropped/first kept as first planned: online create-key run again then takes that key back into this ceremony. If the key is not wanted, first schedule its deletion in the KMS console (key ${orphan?.keyId}), then give the new plan.`,
    );
    const zh = await createKey('dropped/second', '--lang', 'zh-CN');
    expect(zh.stderr).toContain(
      `现在给出的计划删去了 dropped/first，本日志显示已在条目 ${sentAt} 发送其创建密钥请求且没有记录答复，而 KMS 在该别名下持有密钥 ${orphan?.keyId}：该创建已生效。`,
    );
    expect(await keysUnder('dropped/second')).toHaveLength(0);
    const refused = (await journalFileEntries(journal)).filter(
      (e) => e.event === 'step.failed' && e.data.code === 'PLAN_DROPS_UNANSWERED_CREATE',
    );
    expect(refused).toHaveLength(2);

    // The alias kept: the ceremony takes its key back.
    const kept = await createKey('dropped/first');
    expect(kept.stderr).toBe('');
    expect(kept.code).toBe(0);
    expect(await keysUnder('dropped/first')).toHaveLength(1);
  });

  it('goes ahead when the key under that alias has another spec than the send recorded (not that create’s key)', async () => {
    const { journal, createKey } = await ceremony('other');
    kms.sim.faults.dropConnection('create-key', 'before');
    expect((await createKey('other/first')).code).not.toBe(0);
    await cutAfterCreateSending(journal);
    const sending = (await journalFileEntries(journal)).findLast((e) => e.event === 'key.create-sending');
    // The send records what it asked for: an old journal without them keeps verifying (the fields are optional).
    expect(sending?.data).toMatchObject({ alias: 'other/first', spec: 'AES_256', usage: 'ENCRYPT_DECRYPT' });
    // Somebody else creates an RSA key under the alias at the console.
    const { keyId: foreign } = await kms.client.createKey({
      alias: 'other/first',
      spec: 'RSA_2048',
      usage: 'SIGN_VERIFY',
      origin: 'external',
    });

    const renamed = await createKey('other/second');
    expect(renamed.stderr).toBe('');
    expect(renamed.code).toBe(0);
    expect(await keysUnder('other/second')).toHaveLength(1);
    // That key is left as it was: not this ceremony's.
    expect((await keysUnder('other/first')).map((k) => k.keyId)).toEqual([foreign]);
  });

  it('warns, journaled, naming the key of another spec seen under that alias and that it was left alone', async () => {
    const en = await otherKeyUnderDroppedAlias('seen', 'en');
    expect(en.run.stderr).toBe('');
    expect(en.run.code).toBe(0);
    const warning = `Warning: the plan given now leaves out seen/first, whose create-key request this journal shows sent at entry ${en.sentAt} (spec AES_256, usage ENCRYPT_DECRYPT) with no answer recorded. The KMS holds key ${en.foreign} under that alias, of spec RSA_2048 and usage SIGN_VERIFY: not the key that request asked for, so that create never took effect, and not a key of this ceremony. It was left alone: not taken into this ceremony, not changed, not deleted. Find out whose it is before anyone relies on it.`;
    expect(en.run.stdout).toContain(warning);
    // Said before the table of the plan's keys, where it is seen.
    expect(en.run.stdout.indexOf(warning)).toBeLessThan(en.run.stdout.indexOf('seen/second  AES_256'));
    const seen = (await journalFileEntries(en.journal)).filter((e) => e.event === 'key.left-alone-under-dropped-alias');
    expect(seen.map((e) => e.data)).toEqual([
      {
        alias: 'seen/first',
        sentSeq: en.sentAt,
        sentSpec: 'AES_256',
        sentUsage: 'ENCRYPT_DECRYPT',
        keyId: en.foreign,
        spec: 'RSA_2048',
        usage: 'SIGN_VERIFY',
      },
    ]);
    expect(await keysUnder('seen/first')).toEqual([expect.objectContaining({ keyId: en.foreign, spec: 'RSA_2048' })]);

    const zh = await otherKeyUnderDroppedAlias('seen-zh', 'zh-CN');
    expect(zh.run.code).toBe(0);
    expect(zh.run.stdout).toContain(
      `警告：现在给出的计划删去了 seen-zh/first，本日志显示已在条目 ${zh.sentAt} 发送其创建密钥请求（规格 AES_256，用途 ENCRYPT_DECRYPT）且没有记录答复。KMS 在该别名下持有密钥 ${zh.foreign}，其规格为 RSA_2048、用途为 SIGN_VERIFY：不是该请求要创建的密钥，因此该创建没有生效，它也不是本仪式的密钥。它未被触动：没有纳入本仪式，没有修改，也没有删除。在任何人依赖它之前，请先查明它属于谁。`,
    );
  });

  it('goes ahead when the KMS holds no key under that alias (the create never took effect)', async () => {
    const { journal, createKey } = await ceremony('never');
    kms.sim.faults.dropConnection('create-key', 'before');
    expect((await createKey('never/first')).code).not.toBe(0);
    await cutAfterCreateSending(journal);
    expect(await keysUnder('never/first')).toHaveLength(0);

    const renamed = await createKey('never/second');
    expect(renamed.stderr).toBe('');
    expect(renamed.code).toBe(0);
    expect(await keysUnder('never/second')).toHaveLength(1);
  });
});
