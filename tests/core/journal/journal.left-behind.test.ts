/**
 * A writer that took over the lock of a writer that is gone (killed, crashed, its power cut) and
 * ends without a word of that writer in the journal (refused at opening: a torn last line; a
 * `journal set-aside-torn-line`; a command that appended nothing) puts that lock back, so the next
 * online session still learns of the killed one and says it. Before, such a run removed the lock,
 * and with it the only sign of the kill: the killed session was said by no one.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openJournal } from '../../../src-main/core/journal';
import { setAsideJournalTornLine } from '../../../src-main/core/journal/journal';
import { writeSampleJournal } from './sample';

/** A writer's lock on `file` left by a process that ran on this host and is gone (a kill -9). */
async function killedWritersLock(file: string): Promise<{ pid: number; since: string }> {
  const pid = spawnSync(process.execPath, ['-e', '0']).pid;
  const since = '2025-03-01T09:00:03.500Z';
  await fs.writeFile(`${file}.lock`, `${JSON.stringify({ pid, hostname: os.hostname(), since, purpose: 'write' })}\n`);
  return { pid, since };
}

describe('a killed writer’s lock taken over by a run that says nothing of it', () => {
  it('a journal refused at opening for its torn last line keeps the killed writer’s lock: the next writer learns of it', async () => {
    const { file } = await writeSampleJournal();
    const killed = await killedWritersLock(file);
    await fs.appendFile(file, '{"seq":7,"time":"2025-03');
    await expect(openJournal(file, { create: false })).rejects.toMatchObject({ code: 'JOURNAL_LAST_LINE_TORN' });
    await setAsideJournalTornLine(file, 'Ada Lovelace');
    const next = await openJournal(file, { create: false });
    expect(next.lockLeftBehind).toEqual(killed);
    await next.close();
  });

  it('journal set-aside-torn-line on a journal that is not torn (nothing changed) keeps the killed writer’s lock', async () => {
    const { file } = await writeSampleJournal();
    const killed = await killedWritersLock(file);
    await expect(setAsideJournalTornLine(file, 'Ada Lovelace')).rejects.toMatchObject({ code: 'JOURNAL_NOT_TORN' });
    const next = await openJournal(file, { create: false });
    expect(next.lockLeftBehind).toEqual(killed);
    await next.close();
  });

  it('a run that appends nothing keeps the killed writer’s lock; one that appends removes it as it releases', async () => {
    const { file } = await writeSampleJournal();
    const killed = await killedWritersLock(file);
    await (await openJournal(file, { create: false })).close();
    const next = await openJournal(file, { create: false });
    expect(next.lockLeftBehind).toEqual(killed);
    await next.append('system', 'ceremony.session-unrecorded', { keyIds: [] });
    await next.close();
    const after = await openJournal(file, { create: false });
    expect(after.lockLeftBehind).toBeUndefined();
    await after.close();
    await expect(fs.access(`${file}.lock`)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
