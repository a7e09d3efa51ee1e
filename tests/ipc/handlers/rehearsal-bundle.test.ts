/**
 * A rehearsal's air-gapped side and custody restore take only the parameters its own online side
 * wrote (src-main/ipc/handlers/rehearsal-bundle.ts): a review wrapped a real ceremony's bundle in the
 * app left in Rehearsal mode, with a network and custody on one volume, and the real online side
 * imported it. Through the real router and handlers, with the rehearsal's simulator and a bundle of
 * another ceremony written as the online side writes one.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { oneAesParamsBundle } from '../../helpers/aes-params-bundle';
import { call, ceremonyFolder, journalEvents, value, type CeremonyFolder } from './airgap-session';

let folder: CeremonyFolder;
beforeEach(async () => {
  folder = await ceremonyFolder('kf-ipc-rehearsal-bundle-');
});
afterEach(async () => {
  await folder.close();
});

describe('a bundle of another ceremony in rehearsal mode', () => {
  it('is refused before it is read, by the air-gapped side and the custody restore; the rehearsal’s own reads', async () => {
    const { dir, ipc, media } = folder;
    const real = path.join(media, 'import-parameters-real');
    await oneAesParamsBundle(real, { ceremonyId: 'KF-20261207-f1f2f3', keyId: '0a1b2c3d-0000-4000-8000-00000000000f' });
    await value(ipc, 'mode.choose', { mode: 'rehearsal' });
    await value(ipc, 'ceremony.setup', { title: 'Rehearsal', operator: 'Ana', witnesses: ['Ben'], folder: dir });

    // Before the rehearsal's online side wrote anything.
    await value(ipc, 'airgap.check-network');
    const early = await call(ipc, 'airgap.read-bundle', { folder: real });
    expect(early).toMatchObject({ ok: false, problem: { code: 'REHEARSAL_BUNDLE_NOT_ITS_OWN' } });
    if (!early.ok)
      expect(early.problem.message).toContain(
        `its own online side fetched from the built-in simulator (its online side has not started in this run). The bundle in ${real} is of ceremony KF-20261207-f1f2f3, perhaps a real one.`,
      );

    await value(ipc, 'rehearsal.start');
    await value(ipc, 'online.create-keys', { keys: [{ alias: 'rehearsal/aes', spec: 'AES_256' }] });
    await value(ipc, 'online.fetch-parameters');
    const own = await value<{ dir: string }>(ipc, 'online.write-parameters', { folder: dir });
    const refused = await call(ipc, 'airgap.read-bundle', { folder: real });
    expect(refused).toMatchObject({ ok: false, problem: { code: 'REHEARSAL_BUNDLE_NOT_ITS_OWN' } });
    if (!refused.ok) {
      expect(refused.problem.message).toMatch(/built-in simulator \(ceremony KF-\d{8}-[a-z0-9]+\)/);
      expect(refused.problem.nextStep).toContain('start it again and choose “Air-gapped workstation”');
    }
    const events = await journalEvents(path.join(dir, 'air-gapped-journal.jsonl'));
    expect(events.some((e) => e.event === 'parameters.read')).toBe(false);
    await value(ipc, 'restore.check-network');
    expect(await call(ipc, 'restore.read-bundle', { folder: real })).toMatchObject({
      ok: false,
      problem: { code: 'REHEARSAL_BUNDLE_NOT_ITS_OWN' },
    });

    // Console files of a key this rehearsal did not create: refused before they are read.
    const consoleFiles = await call(ipc, 'airgap.read-console-files', {
      keys: [
        {
          keyId: '0a1b2c3d-0000-4000-8000-0000000000ff',
          spec: 'AES_256',
          wrappingKeyFile: path.join(media, 'wrappingKey_real.der'),
          importTokenFile: path.join(media, 'importToken_real.bin'),
        },
      ],
    });
    expect(consoleFiles).toMatchObject({ ok: false, problem: { code: 'REHEARSAL_BUNDLE_NOT_ITS_OWN' } });
    if (!consoleFiles.ok)
      expect(consoleFiles.problem.message).toContain(
        'The console files name the key 0a1b2c3d-0000-4000-8000-0000000000ff, which is not a key of it: perhaps a real one.',
      );

    expect(await call(ipc, 'airgap.read-bundle', { folder: own.dir })).toMatchObject({ ok: true });
  }, 120_000);
});
