/**
 * The IPC answers an officer meets in Chinese: a ceremony driven through the real router and
 * handlers, every refusal on the way rendered by the renderer's translator in zh-CN (what the
 * screens show), and none may read as an English sentence or fall back to the English text the
 * problem carries. Requests the contract refuses name the field and the rule in Chinese, never
 * zod's English. The progress lines of a rehearsal's online side likewise.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isProblemCode } from '../../src-main/i18n/catalogue';
import { translator } from '../../src-main/i18n/translate';
import { problemSchema } from '../../src-main/ipc/problem';
import { REQUEST_CHECKS } from '../../src-main/ipc/schemas/common';
import { createRecordedIpc, type RecordedIpc } from '../ui/ipc-recorder';
import { call, value, type Answer } from './handlers/airgap-session';

const zh = translator('zh-CN');
const en = translator('en');
/** Three Latin words in a row: an English sentence (codes, paths, channel names and ids have no spaces). */
const ENGLISH_WORDS = /[A-Za-z]{2,}[,;:.]?(?:\s+[A-Za-z]{2,}[,;:.]?){2,}/;
const HAN = /\p{Script=Han}/u;

interface Refusal {
  readonly code: string;
  readonly values: Record<string, unknown> | undefined;
  readonly text: string;
}

/** The problem of a refused answer as the screens show it in Chinese (message and next step). */
function refusal(answer: Answer): Refusal {
  if (answer.ok) throw new Error('expected a refusal');
  // What crossed IPC, checked by the same schema the preload checks answers with.
  const problem = problemSchema.parse(answer.problem);
  const { message, nextStep } = zh.problem(problem);
  return { code: answer.problem.code, values: answer.problem.values, text: `${message}\n${nextStep}` };
}

function expectChinese(seen: Refusal): void {
  expect(isProblemCode(seen.code), `${seen.code} has catalogue texts`).toBe(true);
  expect(seen.text, seen.code).toMatch(HAN);
  expect(seen.text, seen.code).not.toMatch(ENGLISH_WORDS);
}

describe('IPC refusals rendered in zh-CN', () => {
  let dir: string;
  const open: RecordedIpc[] = [];
  const seen: Refusal[] = [];
  const refused = async (ipc: RecordedIpc, channel: string, payload?: unknown): Promise<Refusal> => {
    const answer = refusal(await call(ipc, channel, payload));
    expectChinese(answer);
    seen.push(answer);
    return answer;
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kf-ipc-zh-'));
  });
  afterAll(async () => {
    for (const ipc of open) await ipc.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('an air-gapped ceremony: wrong order, wrong mode, bad requests, missing desktop', async () => {
    const ipc = createRecordedIpc();
    open.push(ipc);
    expect((await refused(ipc, 'ceremony.nonexistent')).code).toBe('IPC_UNKNOWN_CHANNEL');
    expect((await refused(ipc, 'ceremony.setup', { title: 'T', operator: '李娜', witnesses: ['王伟'] })).code).toBe(
      'MODE_NOT_CHOSEN',
    );
    const badMode = await refused(ipc, 'mode.choose', { mode: 'offline' });
    expect(badMode).toMatchObject({ code: 'IPC_BAD_REQUEST', values: { channel: 'mode.choose', field: 'mode' } });
    expect(badMode.text).toContain('不是可接受的选项之一');

    await value(ipc, 'mode.choose', { mode: 'air-gapped' });
    expect((await refused(ipc, 'mode.choose', { mode: 'online' })).code).toBe('MODE_LOCKED');
    const wrongMode = await refused(ipc, 'online.fetch-parameters');
    expect(wrongMode.code).toBe('MODE_WRONG');
    expect(wrongMode.text).toContain('此步骤只能在联网或演练模式下执行；Keyferry 当前处于离线模式');
    expect((await refused(ipc, 'airgap.check-network')).code).toBe('CEREMONY_NOT_SET_UP');

    // Requests the contract refuses: the field and the rule, in Chinese; never the value, never zod's words.
    const relative = await refused(ipc, 'ceremony.setup', {
      title: 'T',
      operator: '李娜',
      witnesses: ['王伟'],
      folder: 'relative/dir',
    });
    expect(relative.values).toMatchObject({ field: 'folder', rule: 'absolutePath' });
    expect(relative.text).toContain('字段 folder 必须是完整路径');
    expect(relative.text).not.toContain('relative/dir');
    const missing = await refused(ipc, 'ceremony.setup', { title: 'T', witnesses: ['王伟'], extra: 1 });
    expect(missing.values).toMatchObject({ field: 'operator', rule: 'missing', more: 1 });
    expect(missing.text).toContain('字段 operator 缺失（另有 1 个问题）');
    const long = await refused(ipc, 'ceremony.setup', {
      title: 'T'.repeat(201),
      operator: '李娜',
      witnesses: ['王伟'],
    });
    expect(long.text).toContain('字段 title 长于 200');
    const unknown = await refused(ipc, 'receipt.print', { side: 'online', printer: 'x' });
    expect(unknown.values).toMatchObject({ field: 'none', rule: 'unknownField' });
    const notLibrary = await refused(ipc, 'hsm.tokens', { modulePath: '/usr/lib/libsofthsm2.txt' });
    expect(notLibrary.text).toContain('必须是 PKCS#11 共享库');
    const hsmCustody = await refused(ipc, 'airgap.preflight', {
      folder: dir,
      materialFromHsm: true,
      custody: { m: 2, n: 2, custodians: ['甲', '乙'], folders: [dir, dir] },
    });
    expect(hsmCustody.values).toMatchObject({ field: 'custody', rule: 'hsmCustody' });
    const counts = await refused(ipc, 'airgap.preflight', {
      folder: dir,
      custody: { m: 3, n: 2, custodians: ['甲', '乙'], folders: [dir, dir] },
    });
    expect(counts.values).toMatchObject({ rule: 'custodyCounts' });

    expect(
      (await refused(ipc, 'ceremony.setup', { title: 'T', operator: '李娜', witnesses: ['李娜'], folder: dir })).code,
    ).toBe('CEREMONY_PEOPLE_INVALID');
    expect((await refused(ipc, 'ceremony.setup', { title: 'T', operator: '李娜', witnesses: ['王伟'] })).code).toBe(
      'CEREMONY_FOLDER_MISSING',
    );
    await value(ipc, 'ceremony.setup', { title: '冷室', operator: '李娜', witnesses: ['王伟'], folder: dir });
    expect((await refused(ipc, 'airgap.generate')).code).toBe('AIRGAP_NOT_STARTED');
    expect((await refused(ipc, 'restore.rebuild')).code).toBe('RESTORE_NOT_STARTED');
    await value(ipc, 'airgap.check-network');
    expect(
      (await refused(ipc, 'ceremony.setup', { title: 'T', operator: '李娜', witnesses: ['王伟'], folder: dir })).code,
    ).toBe('CEREMONY_ALREADY_STARTED');
    const picker = await refused(ipc, 'dialog.choose-path', { purpose: 'read-bundle' });
    expect(picker.text).toContain('此处没有可用的文件对话框');
    const receipt = await refused(ipc, 'receipt.print', { side: 'custody-restore' });
    expect(receipt).toMatchObject({ code: 'RECEIPT_NOT_WRITTEN' });
    expect(receipt.text).toContain('本次会话尚未写入托管恢复回执');
    expect((await refused(ipc, 'airgap.read-bundle', { folder: path.join(dir, 'missing') })).code).toBe(
      'FOLDER_UNAVAILABLE',
    );
  });

  it('an online ceremony: credentials offered twice or not at all, no KMS yet', async () => {
    const ipc = createRecordedIpc();
    open.push(ipc);
    await value(ipc, 'mode.choose', { mode: 'online' });
    await value(ipc, 'ceremony.setup', { title: '联网', operator: '李娜', witnesses: ['王伟'], folder: dir });
    expect((await refused(ipc, 'rehearsal.start')).code).toBe('MODE_WRONG');
    expect((await refused(ipc, 'online.fetch-parameters')).code).toBe('KMS_NOT_CONNECTED');
    const where = { region: 'cn-north-4', projectId: 'a4a5d4098fb4474fa22cd05f897d6b99' };
    expect((await refused(ipc, 'online.connect', { ...where, useRemembered: true, remember: true })).code).toBe(
      'CREDENTIALS_CHOICE_UNCLEAR',
    );
    expect((await refused(ipc, 'online.connect', { ...where, remember: true })).code).toBe(
      'CREDENTIALS_REMEMBER_NEEDS_ENTRY',
    );
    const noVault = await refused(ipc, 'online.connect', { ...where, useRemembered: true });
    expect(noVault.code).toBe('CREDENTIALS_VAULT_UNAVAILABLE');
    const badKey = await refused(ipc, 'online.connect', {
      ...where,
      credentials: { accessKeyId: 'short', secretAccessKey: 'a secret with spaces' },
    });
    expect(badKey.values).toMatchObject({ field: 'credentials.accessKeyId', rule: 'badFormat', more: 1 });
    expect(JSON.stringify(badKey)).not.toContain('a secret with spaces');
  });

  it('a rehearsal: every progress line of the online side reads in Chinese', async () => {
    const ipc = createRecordedIpc({ rehearsalRoot: dir });
    open.push(ipc);
    await value(ipc, 'mode.choose', { mode: 'rehearsal' });
    await value(ipc, 'ceremony.setup', { title: '演练', operator: '李娜', witnesses: ['王伟'] });
    await value(ipc, 'rehearsal.start');
    await value(ipc, 'online.create-keys', { keys: [{ alias: 'zh/k0', spec: 'AES_256' }] });
    await value(ipc, 'online.fetch-parameters');
    expect(ipc.events.length).toBeGreaterThan(2);
    for (const event of ipc.events) {
      const line = zh.progress(event);
      expect(line, event.stage).toMatch(HAN);
      expect(line, event.stage).not.toMatch(ENGLISH_WORDS);
    }
  });

  it('met each refusal once at least, and the checks used above all have their own sentence', () => {
    expect(new Set(seen.map((s) => s.code)).size).toBeGreaterThanOrEqual(15);
    const other = en.problem({ code: 'IPC_BAD_REQUEST', message: '', nextStep: '', values: problemValues('other') });
    for (const rule of REQUEST_CHECKS) {
      const text = zh.problem({ code: 'IPC_BAD_REQUEST', message: '', nextStep: '', values: problemValues(rule) });
      expect(text.message, rule).toMatch(HAN);
      expect(
        en.problem({ code: 'IPC_BAD_REQUEST', message: '', nextStep: '', values: problemValues(rule) }),
      ).not.toEqual(other);
    }
  });
});

function problemValues(rule: string): Record<string, string | number> {
  return { channel: 'ceremony.setup', field: 'folder', rule, limit: 0, more: 0 };
}
