/**
 * The app opens the air-gapped journal at its network check, and opening closes a session a crash
 * left unfinished, withdrawing its custody shares. On a copy of the journal taken while a wrap ran,
 * those are the finished wrap's. Through the real router and handlers: the check asks first for the
 * parameters bundle to wrap now, refuses the copy against parameters naming the journal, and, for
 * console files, is stopped by the finished bundle on the media; nothing is written and every share
 * stays. The named journal with a real crash after the wrap closes it as before. The journals come
 * from a real wrap on the command line against the simulator, whose tokens lapsed before the import.
 */
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openJournal } from '../../../src-main/core/journal';
import { createRecordedIpc, type RecordedIpc } from '../../ui/ipc-recorder';
import { simAndFolderPerFile } from '../../cli/commands/sim-folder';
import { custodyWrapLapsed } from '../../cli/commands/lapsed-parameters';
import { call, journalEvents, value } from './airgap-session';

const test = simAndFolderPerFile('kf-ipc-unfinished-journal-');
let wrapJournal: string;
let params: string;
let custodians: string[];
const opened: RecordedIpc[] = [];

beforeAll(async () => {
  ({
    journal: wrapJournal,
    params,
    custodians,
  } = await custodyWrapLapsed(path.join(test.dir(), 'ceremony'), test.kms().sim));
}, 60_000);
afterEach(async () => {
  for (const ipc of opened.splice(0)) await ipc.close();
});

/** The app in air-gapped mode on the new ceremony folder `name`, whose journal is `journal` (written before the app opens it). */
async function appOn(name: string, journal: (file: string) => Promise<void>) {
  const folder = path.join(test.dir(), name);
  await mkdir(folder);
  const file = path.join(folder, 'air-gapped-journal.jsonl');
  await journal(file);
  const ipc = createRecordedIpc();
  opened.push(ipc);
  await value(ipc, 'mode.choose', { mode: 'air-gapped' });
  await value(ipc, 'ceremony.setup', { title: 'Restored', operator: 'Ana', witnesses: ['Ben'], folder });
  return { ipc, file };
}

const shares = async () => (await Promise.all(custodians.map((f) => readdir(f)))).flat().sort();

describe('the app’s network check on a journal ending with an unfinished session', () => {
  it('on a copy taken while the wrap ran: asks for the parameters, refuses the copy, and writes or removes nothing', async () => {
    const { ipc, file } = await appOn('restored', async (to) => {
      const lines = (await readFile(wrapJournal, 'utf8')).split('\n');
      const cut = lines.findIndex((l) => l.includes('"event":"receipt.written"'));
      await writeFile(to, `${lines.slice(0, cut).join('\n')}\n`);
    });
    const copy = await readFile(file, 'utf8');
    const before = await shares();
    expect(before.filter((f) => f.endsWith('.json'))).toHaveLength(2);

    const asked = await call(ipc, 'airgap.check-network');
    expect(asked).toMatchObject({ ok: false, problem: { code: 'AIRGAP_UNFINISHED_NEEDS_PARAMETERS' } });
    const refused = await call(ipc, 'airgap.check-network', { beforeClosing: { parametersFolder: params } });
    expect(refused).toMatchObject({ ok: false, problem: { code: 'AIRGAP_JOURNAL_NOT_THE_CEREMONYS' } });
    if (!refused.ok) expect(refused.problem.message).toContain(`${file} is an older copy of that journal`);
    // Console files name no journal; the wrap's finished bundle, still on the media, stops it instead.
    const onMedia = await call(ipc, 'airgap.check-network', { beforeClosing: { consoleFiles: true } });
    expect(onMedia).toMatchObject({ ok: false, problem: { code: 'AIRGAP_SESSION_FINISHED_ON_MEDIA' } });
    // A folder that is not there is named, not read.
    const missing = await call(ipc, 'airgap.check-network', {
      beforeClosing: { parametersFolder: path.join(test.dir(), 'no-such-bundle') },
    });
    expect(missing.ok).toBe(false);

    expect(await readFile(file, 'utf8')).toBe(copy);
    expect(await shares()).toEqual(before);
  });

  it('on the named journal with a crash after the wrap: the parameters pass, and the crashed session is closed', async () => {
    const { ipc, file } = await appOn('named', async (to) => {
      await copyFile(wrapJournal, to);
      const journal = await openJournal(to, { create: false });
      await journal.append('Ana', 'ceremony.session-started', {
        side: 'air-gapped',
        operator: 'Ana',
        witnesses: ['Ben'],
      });
      await journal.append('Ana', 'preflight.passed', { destinations: [] });
      await journal.close();
    });
    expect(await call(ipc, 'airgap.check-network')).toMatchObject({ ok: false });

    const checked = await value<{ earlierSession?: { session: number }; checkedParameters?: string }>(
      ipc,
      'airgap.check-network',
      {
        beforeClosing: { parametersFolder: params },
      },
    );

    expect(checked.earlierSession).toMatchObject({ session: 2 });
    // The bundle checked is the one the parameters step offers next.
    expect(checked.checkedParameters).toBe(params);
    const entries = await journalEvents(file);
    // The closing journals what it was checked against: an audit sees which bundle, or none.
    expect(entries.find((e) => e.event === 'ceremony.session-unfinished')?.data).toMatchObject({
      checkedAgainst: 'parameters',
      parametersSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const events = entries.map((e) => e.event);
    expect(events.slice(-5)).toEqual([
      'preflight.passed',
      'ceremony.session-unfinished',
      'ceremony.session-closed',
      'ceremony.session-started',
      'network.checked',
    ]);
  });
});
