/**
 * The app's air-gapped side is run by the people the ceremony names (walker finding F3), through the
 * real router and handlers: a parameters bundle the online side wrote for Ana and Ben, read on
 * another workstation set up for Mallory, is refused with both lists before any witness types
 * anything (journaled `parameters.refused`); set up for Ana and Ben it reads.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecordedIpc, type RecordedIpc } from '../../ui/ipc-recorder';
import { call, ceremonyFolder, journalEvents, value, type CeremonyFolder } from './airgap-session';

let folder: CeremonyFolder;
const others: RecordedIpc[] = [];
beforeEach(async () => {
  folder = await ceremonyFolder('kf-ipc-people-');
});
afterEach(async () => {
  for (const ipc of others.splice(0)) await ipc.close();
  await folder.close();
});

/** The online side (a rehearsal in `folder`) writes a parameters bundle for Ana and Ben; returns its folder. */
async function parametersForAnaAndBen(): Promise<string> {
  const { ipc, dir } = folder;
  await value(ipc, 'mode.choose', { mode: 'rehearsal' });
  await value(ipc, 'ceremony.setup', { title: 'People', operator: 'Ana', witnesses: ['Ben'], folder: dir });
  await value(ipc, 'rehearsal.start');
  await value(ipc, 'online.create-keys', { keys: [{ alias: 'people/aes', spec: 'AES_256' }] });
  await value(ipc, 'online.fetch-parameters');
  return (await value<{ dir: string }>(ipc, 'online.write-parameters', { folder: dir })).dir;
}

/** Another workstation, air-gapped, set up for `operator` and `witnesses` in its own folder. */
async function airGappedWorkstation(name: string, operator: string, witnesses: string[]) {
  const dir = path.join(folder.dir, name);
  await mkdir(dir);
  const ipc = createRecordedIpc();
  others.push(ipc);
  await value(ipc, 'mode.choose', { mode: 'air-gapped' });
  await value(ipc, 'ceremony.setup', { title: 'People', operator, witnesses, folder: dir });
  await value(ipc, 'airgap.check-network');
  return { ipc, dir };
}

describe('airgap.read-bundle and the people the bundle names', () => {
  it('refuses a workstation set up for other people, journaled, and reads for the ceremony’s own', async () => {
    const params = await parametersForAnaAndBen();
    const mallory = await airGappedWorkstation('mallory', 'Mallory', ['Ben']);
    const refused = await call(mallory.ipc, 'airgap.read-bundle', { folder: params });
    expect(refused).toMatchObject({ ok: false, problem: { code: 'PEOPLE_DIFFER_FROM_BUNDLE' } });
    if (!refused.ok)
      expect(refused.problem.message).toContain(
        'operator Ana, witnesses Ben. This run names operator Mallory, witnesses Ben: another operator.',
      );
    const events = await journalEvents(path.join(mallory.dir, 'air-gapped-journal.jsonl'));
    expect(events.filter((e) => e.event === 'parameters.refused').map((e) => e.data['code'])).toEqual([
      'PEOPLE_DIFFER_FROM_BUNDLE',
    ]);
    expect(events.some((e) => e.event === 'parameters.read')).toBe(false);

    const ana = await airGappedWorkstation('ana', 'Ana', ['Ben']);
    expect(await call(ana.ipc, 'airgap.read-bundle', { folder: params })).toMatchObject({ ok: true });
  }, 120_000);
});
