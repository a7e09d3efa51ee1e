/**
 * The app's air-gapped side carries the bundle's title, as the command line does: a review set the
 * app up as "Test run, ignore" and read the parameters of a ceremony the online side titled
 * "Payments key 2026"; its receipt printed the setup's title. Reading such a bundle is refused before
 * anyone types (TITLE_DIFFERS_FROM_BUNDLE); set up with the bundle's title it reads. Real router and
 * handlers, a real bundle.
 */
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { oneAesParamsBundle } from '../../helpers/aes-params-bundle';
import { OFFLINE } from '../../helpers/workstation';
import { createRecordedIpc, type RecordedIpc } from '../../ui/ipc-recorder';
import { call, ceremonyFolder, journalEvents, value, type CeremonyFolder } from './airgap-session';

let folder: CeremonyFolder;
const others: RecordedIpc[] = [];
beforeEach(async () => {
  folder = await ceremonyFolder('kf-ipc-title-');
  vi.spyOn(os, 'networkInterfaces').mockReturnValue(OFFLINE);
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const ipc of others.splice(0)) await ipc.close();
  await folder.close();
});

/** An air-gapped workstation in its own folder, set up with `title`, its network checked. */
async function workstation(name: string, title: string): Promise<{ ipc: RecordedIpc; dir: string }> {
  const dir = path.join(folder.dir, name);
  await mkdir(dir);
  const ipc = createRecordedIpc();
  others.push(ipc);
  await value(ipc, 'mode.choose', { mode: 'air-gapped' });
  await value(ipc, 'ceremony.setup', { title, operator: 'Ana', witnesses: ['Ben'], folder: dir });
  await value(ipc, 'airgap.check-network');
  return { ipc, dir };
}

/** A parameters bundle on the media of ceremony `ceremonyId` titled "Payments key 2026"; its folder. */
async function paymentsBundle(ceremonyId: string, keyId: string): Promise<string> {
  const params = path.join(folder.media, 'params');
  await oneAesParamsBundle(params, {
    ceremonyId,
    keyId,
    ceremony: { title: 'Payments key 2026', materialExpiry: 'never', onlineJournal: 'online.jsonl' },
  });
  return params;
}

describe('airgap.read-bundle and the title the bundle names', () => {
  it('refuses another title than the bundle’s before anyone types, and reads with the bundle’s own', async () => {
    const params = await paymentsBundle('KF-20261207-b1b2b3', '0a1b2c3d-0000-4000-8000-0000000000b1');
    const test = await workstation('test', 'Test run, ignore');
    const refused = await call(test.ipc, 'airgap.read-bundle', { folder: params });
    expect(refused).toMatchObject({ ok: false, problem: { code: 'TITLE_DIFFERS_FROM_BUNDLE' } });
    if (!refused.ok) {
      expect(refused.problem.message).toBe(
        'The import-parameters bundle names this ceremony "Payments key 2026", but the ceremony setup gives "Test run, ignore": the two receipts of one ceremony would carry different titles. Nothing of the bundle was used, and nobody has typed anything.',
      );
      expect(refused.problem.nextStep).toContain('set it up again with exactly the bundle’s title');
    }
    const events = await journalEvents(path.join(test.dir, 'air-gapped-journal.jsonl'));
    expect(events.some((e) => e.event === 'parameters.read')).toBe(false);

    const same = await workstation('same', 'Payments key 2026');
    expect(await call(same.ipc, 'airgap.read-bundle', { folder: params })).toMatchObject({ ok: true });
  });

  it('refuses it for the custody restore too, whose receipt would carry the setup’s title', async () => {
    const params = await paymentsBundle('KF-20261207-b4b5b6', '0a1b2c3d-0000-4000-8000-0000000000b4');
    const { ipc, dir } = folder;
    await value(ipc, 'mode.choose', { mode: 'air-gapped' });
    await value(ipc, 'ceremony.setup', { title: 'Test run, ignore', operator: 'Ana', witnesses: ['Ben'], folder: dir });
    await value(ipc, 'restore.check-network');
    expect(await call(ipc, 'restore.read-bundle', { folder: params })).toMatchObject({
      ok: false,
      problem: {
        code: 'TITLE_DIFFERS_FROM_BUNDLE',
        values: { given: 'Test run, ignore', bundle: 'Payments key 2026' },
      },
    });
  });
});
