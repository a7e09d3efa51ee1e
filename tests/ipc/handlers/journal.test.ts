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
import { translator } from '../../../src-main/i18n/translate';
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
    expect(verified!.phrases).toEqual([
      { field: 'proof', phrase: { key: 'proof.key.notEnabled', values: { state: 'Disabled' } } },
    ]);
    expect(verified!.summary).toEqual([JSON.stringify({ keyId: KEY_ID })]);
    expect(verified!.summary.join('')).not.toContain('proof.key');
    const zh = phraseText(translator('zh-CN'), verified!.phrases[0]!.phrase);
    expect(zh).toMatch(/\p{Script=Han}/u);
    expect(zh).toContain('Disabled');
    expect(zh).not.toBe(phraseText(translator('en'), verified!.phrases[0]!.phrase));
    // An older journal's sentence is data as written.
    expect(older!.phrases).toEqual([]);
    expect(older!.summary.join('')).toContain('an older journal held a sentence here');
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
    expect(refused!.summary).toEqual([JSON.stringify({ code: 'BUNDLE_HASH_MISMATCH', folder: '/media/usb' })]);
    expect(abandoned!.reason).toEqual({ phrase: { key: 'journal.reason.ceremony-left' } });
    expect(abandoned!.summary).toEqual(['{}']);
    expect(failed!.reason).toEqual({ recorded: 'The KMS said no (older journal)' });
    expect(issued!.summary).toEqual([
      `{"importToken":"${'A'.repeat(24)}…"`,
      { characters: 1200 },
      `,"keyId":"${KEY_ID}"}`,
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
    expect(connected!.phrases).toEqual([
      { field: 'credentials.source', phrase: { key: 'credentials.source.remembered', values: { profile: 'default' } } },
    ]);
    expect(entryText(zh, connected!)).toContain('credentials.source 本机记住的凭证（配置档 default）');
    expect(entryText(en, connected!)).toContain('credentials.source remembered on this computer (profile default)');
  });
});
