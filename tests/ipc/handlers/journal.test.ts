/**
 * The journal viewer's answer (`journal.view`) through the real router: a key's proof, journaled as
 * a catalogue phrase, arrives as a phrase the screen renders in its language (as receipts do), not
 * as raw JSON in the entry's data; the rest of the data stays compact JSON.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openJournal } from '../../../src-main/core/journal';
import { phraseText } from '../../../src-main/i18n/phrase';
import { translator } from '../../../src-main/i18n/translate';
import { journalViewSchema } from '../../../src-main/ipc/schemas/records';
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
    expect(verified!.summary).toBe(JSON.stringify({ keyId: KEY_ID }));
    expect(verified!.summary).not.toContain('proof.key');
    const zh = phraseText(translator('zh-CN'), verified!.phrases[0]!.phrase);
    expect(zh).toMatch(/\p{Script=Han}/u);
    expect(zh).toContain('Disabled');
    expect(zh).not.toBe(phraseText(translator('en'), verified!.phrases[0]!.phrase));
    // An older journal's sentence is data as written.
    expect(older!.phrases).toEqual([]);
    expect(older!.summary).toContain('an older journal held a sentence here');
  });
});
