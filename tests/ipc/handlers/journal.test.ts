/**
 * The journal viewer's answer (`journal.view`) through the real router: a key's proof, journaled as
 * a catalogue phrase, arrives as a phrase the screen renders in its language (as receipts do), not
 * as raw JSON in the entry's data; the rest of the data stays compact JSON. Why an entry happened
 * (a refusal's problem, an abandon's phrase, an older entry's English) and the length of a string
 * shortened for the screen arrive as codes and numbers, and the screen's text for them (the
 * renderer's journal-entry-text.ts) is Chinese in zh-CN, English in en.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyferryError, toProblem } from '../../../src-main/core/errors';
import { openJournal, problemData } from '../../../src-main/core/journal';
import { phraseOf, phraseText } from '../../../src-main/i18n/phrase';
import { momentText } from '../../../src-main/i18n/moment';
import { translator } from '../../../src-main/i18n/translate';
import { groupHex } from '../../../src-main/core/hex-groups';
import { journalViewSchema } from '../../../src-main/ipc/schemas/records';
import { entryText, reasonText } from '../../../src-renderer/screens/journal-entry-text';
import { createRecordedIpc, type RecordedIpc } from '../../ui/ipc-recorder';
import { value } from './airgap-session';

const KEY_ID = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';

describe('journal.view', () => {
  let dir: string | undefined;
  let ipc: RecordedIpc | undefined;
  afterEach(async () => {
    await ipc?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('hands a proof phrase to the screen apart from the JSON, rendered in Chinese like the receipts', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kf-journal-view-'));
    ipc = createRecordedIpc();
    await value(ipc, 'mode.choose', { mode: 'online' });
    await value(ipc, 'ceremony.setup', { title: 'T', operator: '张伟', witnesses: ['李娜'], folder: dir });
    const journal = await openJournal(path.join(dir, 'online-journal.jsonl'), { create: true });
    await journal.append('张伟', 'key.verified', {
      keyId: KEY_ID,
      proof: { key: 'proof.key.notEnabled', values: { state: 'Disabled' } },
    });
    await journal.append('system', 'key.verified', { proof: 'Enabled; an older journal held a sentence here' });
    await journal.close();

    const view = journalViewSchema.parse(await value(ipc, 'journal.view', { side: 'online' }));
    expect(view.intact).toBe(true);
    const [verified, older] = view.entries;
    // Journaled before KMS states were numbers ("Disabled"): the screen gets today's phrase, state 3.
    const proof = { key: 'proof.key.notEnabled', values: { state: '3' } };
    expect(verified!.fields).toEqual([
      { name: 'keyId', value: { code: KEY_ID } },
      { name: 'proof', value: { phrase: proof } },
    ]);
    const zh = phraseText(translator('zh-CN'), proof);
    expect(zh).toMatch(/\p{Script=Han}/u);
    expect(zh).toContain('禁用');
    expect(zh).not.toContain('Disabled');
    expect(zh).not.toBe(phraseText(translator('en'), proof));
    expect(entryText(translator('zh-CN'), verified!)).toBe(`密钥 ID：${KEY_ID}、证明：${zh}`);
    // An older journal's sentence is data as written.
    expect(older!.fields).toEqual([
      { name: 'proof', value: { text: 'Enabled; an older journal held a sentence here' } },
    ]);
  });

  it('says why an entry happened and how long a shortened string is in the screen language', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kf-journal-view-'));
    ipc = createRecordedIpc();
    await value(ipc, 'mode.choose', { mode: 'online' });
    await value(ipc, 'ceremony.setup', { title: 'T', operator: '张伟', witnesses: ['李娜'], folder: dir });
    const refusal = toProblem(new KeyferryError('BUNDLE_HASH_MISMATCH', { file: 'manifest.json' }));
    const token = 'A'.repeat(1200);
    const journal = await openJournal(path.join(dir, 'online-journal.jsonl'), { create: true });
    await journal.append('张伟', 'wrapped-bundle.refused', { folder: '/media/usb', ...problemData(refusal) });
    await journal.append('张伟', 'ceremony.abandoned', {
      reasonPhrase: { ...phraseOf('journal.reason.ceremony-left') },
    });
    await journal.append('system', 'step.failed', { step: 'import', message: 'The KMS said no (older journal)' });
    await journal.append('system', 'parameters.issued', { keyId: KEY_ID, importToken: token });
    await journal.append('张伟', 'kms.connected', {
      credentials: {
        source: { ...phraseOf('credentials.source.remembered', { profile: 'default' }) },
        region: 'cn-north-4',
      },
    });
    await journal.close();

    const view = journalViewSchema.parse(await value(ipc, 'journal.view', { side: 'online' }));
    const [refused, abandoned, failed, issued, connected] = view.entries;
    // Codes and values over IPC, never the sentence; the reason's fields are not repeated in the data.
    expect(refused!.reason).toEqual({
      problem: { code: 'BUNDLE_HASH_MISMATCH', values: { file: 'manifest.json' }, recorded: refusal.message },
    });
    expect(refused!.fields).toEqual([
      { name: 'code', value: { code: 'BUNDLE_HASH_MISMATCH' } },
      { name: 'folder', value: { code: '/media/usb' } },
    ]);
    expect(abandoned!.reason).toEqual({ phrase: { key: 'journal.reason.ceremony-left' } });
    expect(abandoned!.fields).toEqual([]);
    expect(failed!.reason).toEqual({ recorded: 'The KMS said no (older journal)' });
    expect(issued!.fields).toEqual([
      { name: 'importToken', value: { shortened: 'A'.repeat(24), characters: 1200 } },
      { name: 'keyId', value: { code: KEY_ID } },
    ]);

    const zh = translator('zh-CN');
    const en = translator('en');
    expect(reasonText(zh, refused!.reason!)).toBe(zh.problem(refusal).message);
    expect(reasonText(zh, refused!.reason!)).toContain('manifest.json');
    expect(reasonText(zh, refused!.reason!)).toMatch(/\p{Script=Han}/u);
    expect(reasonText(en, refused!.reason!)).toBe(refusal.message);
    expect(reasonText(zh, abandoned!.reason!)).toBe(zh.t('journal.reason.ceremony-left'));
    expect(reasonText(zh, abandoned!.reason!)).toMatch(/\p{Script=Han}/u);
    expect(reasonText(zh, failed!.reason!)).toBe('日志记录的原文：“The KMS said no (older journal)”');
    expect(entryText(zh, issued!)).toContain('（文件中共 1200 个字符）');
    expect(entryText(zh, issued!)).not.toMatch(/characters/);
    expect(entryText(en, issued!)).toContain('(1,200 characters in the file)');
    // Where the credentials came from: a phrase, said in the screen's language.
    expect(connected!.fields[0]).toEqual({
      name: 'credentials',
      value: {
        fields: [
          { name: 'region', value: { code: 'cn-north-4' } },
          {
            name: 'source',
            value: { phrase: { key: 'credentials.source.remembered', values: { profile: 'default' } } },
          },
        ],
      },
    });
    expect(entryText(zh, connected!)).toContain('凭证：（区域：cn-north-4、来源：本机记住的凭证（配置档 default））');
    expect(entryText(en, connected!)).toContain(
      'Credentials: (Region: cn-north-4, Source: remembered on this computer (profile default))',
    );
  });

  it('shows data as labelled fields: moments as receipts say them, hex grouped, codes as written, no JSON', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kf-journal-view-'));
    ipc = createRecordedIpc();
    await value(ipc, 'mode.choose', { mode: 'online' });
    await value(ipc, 'ceremony.setup', { title: 'T', operator: '张伟', witnesses: ['李娜'], folder: dir });
    const fingerprint = '6b88e2a7557920493ce60ed29de8885d5f930a51016b7fa54c0e8b38caee0ce9';
    const expires = Date.UTC(2026, 11, 2, 16, 4, 55);
    const journal = await openJournal(path.join(dir, 'online-journal.jsonl'), { create: true });
    await journal.append('张伟', 'parameters.fetched', {
      keyId: KEY_ID,
      projectId: 'a4a5d4098fb4474fa22cd05f897d6b99',
      tokenExpiresAt: new Date(expires).toISOString(),
      wrappingKeyFingerprint: fingerprint,
      wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
    });
    await journal.append('张伟', 'ceremony.started', {
      expiry: 'never',
      rehearsal: true,
      witnesses: ['李娜', '王伟'],
      keys: [{ alias: 'zz/1', spec: 'AES_256', expiresAt: expires }],
      keysVisible: 1200,
    });
    await journal.close();

    const view = journalViewSchema.parse(await value(ipc, 'journal.view', { side: 'online' }));
    const [fetched, started] = view.entries;
    expect(fetched!.fields).toEqual([
      { name: 'keyId', value: { code: KEY_ID } },
      { name: 'projectId', value: { code: 'a4a5d4098fb4474fa22cd05f897d6b99' } },
      { name: 'tokenExpiresAt', value: { moment: expires } },
      { name: 'wrappingAlgorithm', value: { code: 'RSAES_OAEP_SHA_256' } },
      { name: 'wrappingKeyFingerprint', value: { hex: fingerprint } },
    ]);
    const zh = translator('zh-CN');
    const en = translator('en');
    const zhFetched = entryText(zh, fetched!);
    expect(zhFetched).toContain(`导入令牌到期时间：${momentText('zh-CN', expires)}`);
    expect(zhFetched).toContain(`包装密钥指纹：${groupHex(fingerprint)}`);
    expect(zhFetched).toContain('项目 ID：a4a5d4098fb4474fa22cd05f897d6b99');
    expect(zhFetched).toContain('RSAES_OAEP_SHA_256');
    expect(entryText(en, fetched!)).toContain(`Import token expires: ${momentText('en', expires)}`);

    const zhStarted = entryText(zh, started!);
    expect(zhStarted).toContain('密钥材料到期时间：永不过期');
    expect(zhStarted).toContain('演练：是');
    expect(entryText(en, started!)).toContain('Rehearsal: yes');
    expect(zhStarted).toContain('见证人：李娜、王伟');
    expect(zhStarted).toContain(`密钥：（别名：zz/1、到期时间：${momentText('zh-CN', expires)}、规格：AES_256）`);
    expect(zhStarted).toContain('可见密钥数：1,200');
    expect(entryText(en, started!)).toContain('Material expiry: never expires, Keys: (Alias: zz/1');
    for (const text of [zhFetched, zhStarted, entryText(en, started!)]) {
      expect(text).not.toMatch(/[{}"]|\d{4}-\d\d-\d\dT/);
    }
  });
});
