/**
 * The app's air-gapped side on a journal whose last append a power loss cut short, through the real
 * router and handlers: the network check is refused with JOURNAL_LAST_LINE_TORN, its next step naming
 * the command that sets the line aside; once set aside, the same check goes on with the same journal,
 * which records the set-aside line (a deviation) and, since the cut line was the earlier session's
 * stop, closes that session as ended without stopping.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAsideJournalTornLine } from '../../../src-main/core/journal/journal';
import { createRecordedIpc } from '../../ui/ipc-recorder';
import { call, ceremonyFolder, journalEvents, value, type CeremonyFolder } from './airgap-session';

let folder: CeremonyFolder;
beforeEach(async () => {
  folder = await ceremonyFolder('kf-ipc-torn-');
});
afterEach(async () => {
  await folder.close();
});

/** The app in air-gapped mode, set up for Ana and Ben in the folder. */
async function airGapped(ipc = folder.ipc) {
  await value(ipc, 'mode.choose', { mode: 'air-gapped' });
  await value(ipc, 'ceremony.setup', { title: 'Torn', operator: 'Ana', witnesses: ['Ben'], folder: folder.dir });
  return ipc;
}

describe('the air-gapped network check on a journal whose last line was cut short', () => {
  it('is refused naming the command that sets the line aside; after it, the same journal goes on', async () => {
    const journal = path.join(folder.dir, 'air-gapped-journal.jsonl');
    // An earlier run of the app: its session, then the app closed (its stop journaled last).
    const earlier = await airGapped(createRecordedIpc());
    await value(earlier, 'airgap.check-network');
    await earlier.close();
    const text = await readFile(journal, 'utf8');
    expect(text.trim().split('\n').at(-1)).toContain('"ceremony.abandoned"');
    // The power went while that last entry was appended: its line lacks its end.
    await writeFile(journal, text.slice(0, -25));

    const ipc = await airGapped();
    const refused = await call(ipc, 'airgap.check-network');
    expect(refused).toMatchObject({ ok: false, problem: { code: 'JOURNAL_LAST_LINE_TORN' } });
    if (!refused.ok)
      expect(refused.problem.nextStep).toContain(`keyferry journal set-aside-torn-line "${journal}" --operator NAME`);

    await setAsideJournalTornLine(journal, 'Ana');
    await value(ipc, 'airgap.check-network');
    const events = (await journalEvents(journal)).map((e) => e.event);
    const at = events.indexOf('journal.torn-line-set-aside');
    expect(events.slice(at, at + 4)).toEqual([
      'journal.torn-line-set-aside',
      'ceremony.session-unfinished',
      'ceremony.session-closed',
      'ceremony.session-started',
    ]);
  });
});
