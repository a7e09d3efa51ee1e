/**
 * Once a side of the ceremony started, its mode and setup are fixed. A review switched a rehearsal
 * to air-gapped mode mid-ceremony: the real bundle the rehearsal refused was then read and wrapped
 * on a workstation with a live network, and imported as real. Another set up a second ceremony
 * while a custody restore ran: the screens named other people and folder than its journal. Through
 * the real router and handlers.
 */
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OFFLINE } from '../../helpers/workstation';
import { call, ceremonyFolder, value, type CeremonyFolder } from './airgap-session';

let folder: CeremonyFolder;
beforeEach(async () => {
  folder = await ceremonyFolder('kf-ipc-setup-started-');
  vi.spyOn(os, 'networkInterfaces').mockReturnValue(OFFLINE);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await folder.close();
});

const setup = (dir: string, title = 'Fixed') => ({ title, operator: 'Ana', witnesses: ['Ben'], folder: dir });

describe('mode.choose and ceremony.setup once a side started', () => {
  it('keeps a started rehearsal in rehearsal mode, and its setup; before any step both may change', async () => {
    const { dir, ipc } = folder;
    await value(ipc, 'mode.choose', { mode: 'rehearsal' });
    await value(ipc, 'ceremony.setup', setup(dir));
    // Nothing started yet: another mode may be chosen, and back.
    await value(ipc, 'mode.choose', { mode: 'online' });
    await value(ipc, 'mode.choose', { mode: 'rehearsal' });
    await value(ipc, 'airgap.check-network');

    const switched = await call(ipc, 'mode.choose', { mode: 'air-gapped' });
    expect(switched).toMatchObject({ ok: false, problem: { code: 'MODE_CEREMONY_STARTED' } });
    if (switched.ok) return;
    expect(switched.problem.message).toContain('A ceremony has started in rehearsal mode in this session');
    expect((await value<{ mode: string | null }>(ipc, 'app.info')).mode).toBe('rehearsal');
    expect(await call(ipc, 'mode.choose', { mode: 'rehearsal' })).toMatchObject({ ok: true });
    expect(await call(ipc, 'ceremony.setup', setup(dir, 'Other'))).toMatchObject({
      ok: false,
      problem: { code: 'CEREMONY_ALREADY_STARTED' },
    });
  });

  it('refuses a second setup while a custody restore runs', async () => {
    const { dir, ipc } = folder;
    await value(ipc, 'mode.choose', { mode: 'air-gapped' });
    await value(ipc, 'ceremony.setup', setup(dir));
    await value(ipc, 'restore.check-network');
    const other = path.join(dir, 'other');
    await mkdir(other);
    expect(await call(ipc, 'ceremony.setup', { ...setup(other, 'Second'), operator: 'Zoe' })).toMatchObject({
      ok: false,
      problem: { code: 'CEREMONY_ALREADY_STARTED' },
    });
  });
});
