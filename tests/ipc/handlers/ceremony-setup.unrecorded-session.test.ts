/**
 * The app continuing an online journal whose earlier session sent an import and a create and ended
 * before recording either answer (a kill or a power cut leaves exactly those entries last): opening
 * it journals `ceremony.session-unrecorded` first, as the command line does, and the connection
 * carries what the command line prints of it (each trace's entry, why, the import's key by alias,
 * the create's alias and send) for the connection step to show; the reason in English and
 * Simplified Chinese through the catalogue. A journal with nothing unanswered carries none. Real
 * router and handlers, the rehearsal's simulator over real HTTP.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { phraseText } from '../../../src-main/i18n/phrase';
import { translator } from '../../../src-main/i18n/translate';
import { journalFileEntries } from '../../helpers/journal-entries';
import type { RecordedIpc } from '../../ui/ipc-recorder';
import { value } from './airgap-session';
import { rehearsalConnected, unansweredSends } from './unanswered-sends';

const opened: RecordedIpc[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((ipc) => ipc.close()));
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

async function ceremonyFolder() {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'kf-ipc-unrecorded-'));
  folders.push(folder);
  return folder;
}

async function connected(folder: string) {
  const session = await rehearsalConnected(folder);
  opened.push(session.ipc);
  return session;
}

describe('continuing an online journal whose earlier session sent and recorded no answer', () => {
  it('journals the trace first and the connection says it, imports by alias and creates by alias and send', async () => {
    const folder = await ceremonyFolder();
    const { keyId, importSent, createSent } = await unansweredSends(folder);

    const { connection } = await connected(folder);
    const file = path.join(folder, 'online-journal.jsonl');
    const traces = (await journalFileEntries(file)).filter((e) => e.event === 'ceremony.session-unrecorded');
    expect(traces).toHaveLength(2);
    const said = connection.unrecordedSessions;
    expect(said.map((s) => s.seq)).toEqual(traces.map((e) => e.seq));
    expect(said[0]?.keys).toEqual([{ keyId, alias: 'app/one', replicaOf: null, region: 'sim-local-1' }]);
    expect(said[1]?.creates).toEqual([{ alias: 'app/two', seq: createSent }]);

    const en = translator('en');
    const session = `session 2 of this journal (entries ${importSent - 1}-${createSent})`;
    const why =
      'ended before recording its answer (a kill, a crash, a power cut or a journal that could not be written ends a session so; the journal does not say which)';
    expect(phraseText(en, said[0]?.reason as { key: string })).toBe(`${session} sent an import to the KMS and ${why}`);
    expect(phraseText(en, said[1]?.reason as { key: string })).toBe(
      `${session} sent a create-key request to the KMS and ${why}`,
    );
    expect(phraseText(translator('zh-CN'), said[0]?.reason as { key: string })).toBe(
      `此日志的第 2 次会话（条目 ${importSent - 1}-${createSent}）向 KMS 发送了 1 个导入，在记录其答复之前即已结束（进程被终止、崩溃、断电或日志无法写入都会使会话如此结束；日志并未说明是哪一种）`,
    );
  }, 60_000);

  it('carries no trace when every send has its answer on record', async () => {
    const folder = await ceremonyFolder();
    const first = await connected(folder);
    expect(first.connection.unrecordedSessions).toEqual([]);
    await value(first.ipc, 'online.create-keys', {
      keys: [{ alias: 'app/one', spec: 'AES_256', usage: 'ENCRYPT_DECRYPT' }],
    });
    await first.ipc.close();
    expect((await connected(folder)).connection.unrecordedSessions).toEqual([]);
  }, 60_000);
});
