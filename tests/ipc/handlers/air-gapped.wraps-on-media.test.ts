/**
 * The app's parameters step holds parameters naming no air-gapped journal (a first wrap's) to the
 * journal of this ceremony's wrap lying beside them on the medium, as the command line does
 * (core/ceremony/airgap/wraps-on-media.ts): a trial's officer wrapped the first parameters again in a
 * new journal beside the finished wrap's bundle and made a second material with no word. The
 * preflight looks beside the output folder too, which the app chooses only there (a review's
 * parameters on stick 1, the first wrap on stick 2). Through the real router and handlers; the
 * finished wrap is made by the real command line, on real folders.
 */
import { mkdir, readdir, rename } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { oneAesParamsBundle } from '../../helpers/aes-params-bundle';
import { airgapWrapArgs } from '../../helpers/cli-sides';
import { OFFLINE } from '../../helpers/workstation';
import { keyferry } from '../../integration/cli-in-process';
import { call, ceremonyFolder, journalEvents, value, type CeremonyFolder } from './airgap-session';

let folder: CeremonyFolder;
beforeEach(async () => {
  folder = await ceremonyFolder('kf-ipc-wraps-on-media-');
  vi.spyOn(os, 'networkInterfaces').mockReturnValue(OFFLINE);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await folder.close();
});

/** The app in air-gapped mode in a new ceremony folder `app` (a new journal), its network checked; the folder. */
async function appInNewFolder({ dir, ipc }: CeremonyFolder): Promise<string> {
  const app = path.join(dir, 'app');
  await mkdir(app);
  await value(ipc, 'mode.choose', { mode: 'air-gapped' });
  await value(ipc, 'ceremony.setup', { title: 'Again', operator: 'Ana', witnesses: ['Ben'], folder: app });
  await value(ipc, 'airgap.check-network');
  return app;
}

describe('airgap.read-bundle beside this ceremony’s finished wrap on the medium', () => {
  it('refuses the app’s new journal before anyone types, saying which journal and why; with the wrap carried away it reads', async () => {
    const { dir, ipc } = folder;
    const usb = path.join(dir, 'usb');
    const params = path.join(usb, 'params');
    await mkdir(usb);
    const digest = await oneAesParamsBundle(params, {
      ceremonyId: 'KF-20261207-a1b2c3',
      keyId: '0a1b2c3d-0000-4000-8000-00000000000b',
    });
    // The first wrap, by the command line, in its own journal; its bundle stays on the stick.
    await mkdir(path.join(dir, 'first'));
    const first = await keyferry(
      airgapWrapArgs({ bundle: '../usb/params', out: '../usb/wrapped-1', digest }, '--no-backup'),
      { cwd: path.join(dir, 'first') },
    );
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);

    // The app, on this workstation, in a ceremony folder of its own: a new journal.
    const app = await appInNewFolder(folder);
    const refused = await call(ipc, 'airgap.read-bundle', { folder: params });
    expect(refused).toMatchObject({ ok: false, problem: { code: 'AIRGAP_JOURNAL_NOT_THE_CEREMONYS' } });
    if (refused.ok) return;
    const said = `${refused.problem.message} ${refused.problem.nextStep}`.replace(/\s+/g, ' ');
    expect(said).toContain(
      `These import parameters name no air-gapped journal, but the medium holds this ceremony’s wrapped bundle ${path.join(usb, 'wrapped-1')}, wrapped in the air-gapped journal airgap.jsonl`,
    );
    expect(said).toContain('is a new journal');
    expect(said).toContain('Open the ceremony folder that holds airgap.jsonl');
    expect(said).toContain('The app cannot go past this');
    const events = await journalEvents(path.join(app, 'air-gapped-journal.jsonl'));
    expect(events.filter((e) => e.event === 'parameters.refused').map((e) => e.data['code'])).toEqual([
      'AIRGAP_JOURNAL_NOT_THE_CEREMONYS',
    ]);
    expect(events.some((e) => e.event === 'parameters.read')).toBe(false);

    // The first wrap's bundle carried to the online side: nothing on the medium names a journal.
    await rename(path.join(usb, 'wrapped-1'), path.join(dir, 'carried'));
    expect(await call(ipc, 'airgap.read-bundle', { folder: params })).toMatchObject({ ok: true });
  }, 120_000);

  it('refuses the app’s journal in the folder of the command line’s journal of this ceremony, its bundle carried away', async () => {
    const { dir, ipc } = folder;
    const usb = path.join(dir, 'usb');
    await mkdir(usb);
    const params = path.join(usb, 'params');
    const ceremonyId = 'KF-20261207-e1e2e3';
    const digest = await oneAesParamsBundle(params, { ceremonyId, keyId: '0a1b2c3d-0000-4000-8000-00000000000e' });
    const desk = path.join(dir, 'desk');
    await mkdir(desk);
    const journal = `airgap-${ceremonyId}.jsonl`;
    const first = await keyferry(
      airgapWrapArgs({ bundle: '../usb/params', out: '../usb/wrapped-1', digest, journal }, '--no-backup'),
      { cwd: desk },
    );
    expect(first.code).toBe(0);
    await rename(path.join(usb, 'wrapped-1'), path.join(dir, 'carried'));

    // The app opened in the same folder: its own journal there records no ceremony yet.
    await value(ipc, 'mode.choose', { mode: 'air-gapped' });
    await value(ipc, 'ceremony.setup', { title: 'Again', operator: 'Ana', witnesses: ['Ben'], folder: desk });
    await value(ipc, 'airgap.check-network');
    const refused = await call(ipc, 'airgap.read-bundle', { folder: params });
    expect(refused).toMatchObject({ ok: false, problem: { code: 'AIRGAP_JOURNAL_NEW_BESIDE' } });
    if (refused.ok) return;
    expect(refused.problem.message.replace(/\s+/g, ' ')).toContain(
      `The journal ${path.join(desk, 'air-gapped-journal.jsonl')} records no ceremony yet, but ${path.join(desk, journal)}, in the same folder, is the air-gapped journal of ceremony ${ceremonyId}.`,
    );
    expect(refused.problem.message).toContain('None of these parameters was used, and nobody has typed anything.');
    expect(refused.problem.message).not.toContain('Nothing was written');
    expect(refused.problem.nextStep).toContain(
      `on the command line, keyferry airgap wrap with --journal ${path.join(desk, journal)}`,
    );
    const events = await journalEvents(path.join(desk, 'air-gapped-journal.jsonl'));
    expect(events.some((e) => e.event === 'parameters.read')).toBe(false);
  }, 120_000);

  it('refuses at the preflight an output folder beside this ceremony’s wrap on another stick, before any material; another folder passes', async () => {
    const { dir, ipc } = folder;
    const [stick1, stick2] = [path.join(dir, 'stick1'), path.join(dir, 'stick2')];
    await Promise.all([mkdir(stick1), mkdir(stick2), mkdir(path.join(dir, 'first'))]);
    const params = path.join(stick1, 'params');
    const digest = await oneAesParamsBundle(params, {
      ceremonyId: 'KF-20261207-f1f2f3',
      keyId: '0a1b2c3d-0000-4000-8000-00000000000f',
    });
    // The first wrap, by the command line: parameters on stick 1, its bundle written to stick 2.
    const first = await keyferry(
      airgapWrapArgs({ bundle: '../stick1/params', out: '../stick2/wrapped-1', digest }, '--no-backup'),
      { cwd: path.join(dir, 'first') },
    );
    expect(first.code).toBe(0);

    // The app in a new ceremony folder: nothing beside the parameters, so they read and are confirmed.
    const app = await appInNewFolder(folder);
    await value(ipc, 'airgap.read-bundle', { folder: params });
    await value(ipc, 'airgap.confirm-as-witness', { witness: 'Ben', typed: digest });
    const refused = await call(ipc, 'airgap.preflight', { folder: stick2, acknowledgeNoBackup: true });
    expect(refused).toMatchObject({ ok: false, problem: { code: 'AIRGAP_JOURNAL_NOT_THE_CEREMONYS' } });
    if (refused.ok) return;
    const said = `${refused.problem.message} ${refused.problem.nextStep}`.replace(/\s+/g, ' ');
    expect(said).toContain(`the medium holds this ceremony’s wrapped bundle ${path.join(stick2, 'wrapped-1')}`);
    expect(said).toContain('is another journal');
    expect(said).toContain('no material was made and nothing was written beside that bundle');
    expect(said).not.toContain('nobody has typed anything');
    expect(await call(ipc, 'airgap.generate')).toMatchObject({ ok: false, problem: { code: 'PREFLIGHT_REQUIRED' } });
    const events = await journalEvents(path.join(app, 'air-gapped-journal.jsonl'));
    expect(events.filter((e) => e.event === 'preflight.refused').map((e) => e.data['code'])).toEqual([
      'AIRGAP_JOURNAL_NOT_THE_CEREMONYS',
    ]);
    expect(await readdir(stick2)).toEqual(['wrapped-1']);

    // A third, empty stick holds no wrap of this ceremony: the preflight passes.
    const stick3 = path.join(dir, 'stick3');
    await mkdir(stick3);
    expect(await call(ipc, 'airgap.preflight', { folder: stick3, acknowledgeNoBackup: true })).toMatchObject({
      ok: true,
    });
  }, 120_000);
});
