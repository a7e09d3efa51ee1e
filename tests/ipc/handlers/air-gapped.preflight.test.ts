/**
 * The air-gapped preflight step through the real router and handlers (no browser), on real
 * folders and, where this machine allows mounting, real read-only media: material cannot exist
 * before it passed (the core refuses, whatever the screen shows), each refusal names the folder
 * and the fix and is journaled, an AES expiry without custody needs the acknowledgement (journaled
 * as the CLI's --no-backup is), and every later write goes exactly where the preflight checked.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MOUNTS_AVAILABLE, mountTmpfs } from '../../support/tmpfs-mount';
import type { RecordedIpc } from '../../ui/ipc-recorder';
import { airGapConfirmed, call, ceremonyFolder, journalEvents, value, type CeremonyFolder } from './airgap-session';
import { momentText } from '../../../src-main/i18n/moment';

let dir: string;
let media: string;
let ipc: RecordedIpc;
const journal = () => path.join(dir, 'air-gapped-journal.jsonl');
const IN_30_DAYS = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 15)).toISOString();

let folder: CeremonyFolder;
beforeEach(async () => {
  ({ dir, media, ipc } = folder = await ceremonyFolder('kf-ipc-preflight-'));
});
afterEach(() => folder.close());

describe('air-gapped preflight through the channels', () => {
  it('refuses material before the preflight, names the folder and the fix of each refusal, then writes only where it checked', async () => {
    await airGapConfirmed(ipc, dir, ['AES_256']);
    expect(await call(ipc, 'airgap.generate')).toMatchObject({
      ok: false,
      problem: { code: 'PREFLIGHT_REQUIRED', message: expect.stringContaining('Cannot generate key material yet') },
    });
    expect(await call(ipc, 'airgap.load-material', { keyId: 'x', file: path.join(dir, 'm.pem') })).toMatchObject({
      ok: false,
    });

    const missing = path.join(dir, 'no-such-media', 'deeper');
    const parentMissing = await call(ipc, 'airgap.preflight', { folder: missing });
    expect(parentMissing).toMatchObject({ ok: false, problem: { code: 'PREFLIGHT_PARENT_MISSING' } });
    if (!parentMissing.ok) {
      expect(parentMissing.problem.message).toContain(missing);
      expect(parentMissing.problem.nextStep).toBe('Insert the media, or choose a folder whose parent exists.');
    }

    const custodians = [path.join(dir, 'c1'), path.join(dir, 'c2')];
    for (const c of custodians) await mkdir(c);
    await writeFile(path.join(custodians[1] as string, 'old-share.json'), '{}');
    const custody = { m: 2, n: 2, custodians: ['Cara', 'Dan'], folders: custodians };
    const notEmpty = await call(ipc, 'airgap.preflight', { folder: media, custody });
    expect(notEmpty).toMatchObject({ ok: false, problem: { code: 'PREFLIGHT_FOLDER_NOT_EMPTY' } });
    if (!notEmpty.ok)
      expect(notEmpty.problem.message).toBe(
        `The folder of custodian 2 ${custodians[1]} already holds 1 item, e.g. old-share.json; Keyferry writes only into a new or empty folder. Nothing was generated.`,
      );
    await rm(path.join(custodians[1] as string, 'old-share.json'));
    // Everything here is on one volume of the workstation (the temporary folder's): the first custodian
    // shares the transfer "media" of this rehearsal, a folder of the workstation's disk, and is named so.
    const onTransfer = await call(ipc, 'airgap.preflight', { folder: media, custody });
    expect(onTransfer).toMatchObject({ ok: false, problem: { code: 'CUSTODIAN_ON_WORKSTATION_VOLUME' } });
    if (!onTransfer.ok)
      expect(onTransfer.problem.message).toContain(
        `The folder of custodian 1 (Cara), ${custodians[0]}, is on the same volume`,
      );

    const refused = (await journalEvents(journal())).filter((e) => e.event === 'preflight.refused');
    expect(refused.map((e) => e.data.code)).toEqual([
      'PREFLIGHT_PARENT_MISSING',
      'PREFLIGHT_FOLDER_NOT_EMPTY',
      'CUSTODIAN_ON_WORKSTATION_VOLUME',
    ]);
    expect((await journalEvents(journal())).map((e) => e.event)).not.toContain('material.generated');

    const plan = await value<{ wrappedBundle: string; receiptFolder: string }>(ipc, 'airgap.preflight', {
      folder: media,
    });
    expect(path.dirname(plan.wrappedBundle)).toBe(media);
    expect(plan.receiptFolder).toBe(dir);
    const state = await value<{ airGap: { preflight: { wrappedBundle: string } | null } }>(ipc, 'ceremony.state');
    expect(state.airGap.preflight?.wrappedBundle).toBe(plan.wrappedBundle);
    await value(ipc, 'airgap.generate');
    // Custody was not planned in the preflight: nothing to split (no unchecked folder is written).
    expect(await call(ipc, 'custody.split')).toMatchObject({ ok: false, problem: { code: 'CUSTODY_NOT_PLANNED' } });
    await value(ipc, 'airgap.wrap');
    const written = await value<{ dir: string }>(ipc, 'airgap.write-bundle');
    expect(written.dir).toBe(plan.wrappedBundle);
    expect(await readdir(custodians[0] as string)).toEqual([]);
  });

  it.skipIf(!MOUNTS_AVAILABLE)(
    'refuses read-only transfer media with a real probe write, naming the folder',
    async () => {
      await airGapConfirmed(ipc, dir, ['EC_P256']);
      const readOnly = path.join(dir, 'usb-ro');
      const unmount = mountTmpfs(readOnly, { sizeKiB: 256, readOnly: true });
      try {
        const answer = await call(ipc, 'airgap.preflight', { folder: readOnly });
        expect(answer).toMatchObject({ ok: false, problem: { code: 'PREFLIGHT_READ_ONLY' } });
        if (!answer.ok) {
          expect(answer.problem.message).toContain(`The wrapped-material bundle folder ${readOnly}/wrapped-material-`);
          expect(answer.problem.message).toContain('the media is read-only. Nothing was generated.');
          expect(answer.problem.nextStep).toContain('check its write-protect switch');
        }
        expect(await call(ipc, 'airgap.generate')).toMatchObject({
          ok: false,
          problem: { code: 'PREFLIGHT_REQUIRED' },
        });
      } finally {
        unmount();
      }
    },
  );

  it('AES with an expiry and no custody: refused without the acknowledgement, journaled with it', async () => {
    const { keyIds } = await airGapConfirmed(ipc, dir, ['AES_256', 'EC_P256']);
    const expiry = { kind: 'at', at: IN_30_DAYS };
    const refused = await call(ipc, 'airgap.preflight', { folder: media, expiry });
    expect(refused).toMatchObject({ ok: false, problem: { code: 'MATERIAL_NO_BACKUP_UNACKNOWLEDGED' } });
    if (!refused.ok) {
      expect(refused.problem.message).toContain(
        `The AES material of 1 key would expire in the KMS at ${momentText('en', IN_30_DAYS)}`,
      );
      expect(refused.problem.nextStep).toContain('tick the acknowledgement');
    }
    // Nothing was planned, acknowledged or generated.
    expect(await call(ipc, 'airgap.generate')).toMatchObject({ ok: false, problem: { code: 'PREFLIGHT_REQUIRED' } });
    let events = (await journalEvents(journal())).map((e) => e.event);
    expect(events).not.toContain('preflight.passed');
    expect(events).not.toContain('material.no-backup-acknowledged');
    expect(events).not.toContain('material.generated');

    const plan = await value<{ noBackupKeyIds: string[] }>(ipc, 'airgap.preflight', {
      folder: media,
      expiry,
      acknowledgeNoBackup: true,
    });
    expect(plan.noBackupKeyIds).toEqual([keyIds[0]]);
    const acknowledged = (await journalEvents(journal())).filter((e) => e.event === 'material.no-backup-acknowledged');
    expect(acknowledged).toHaveLength(1);
    expect(acknowledged[0]).toMatchObject({
      actor: 'Ana',
      data: {
        keyIds: [keyIds[0]],
        expiresAt: IN_30_DAYS,
        consequence: 'lost-after-expiry',
      },
    });
    await value(ipc, 'airgap.generate');
    await value(ipc, 'airgap.wrap');
    await value(ipc, 'airgap.write-bundle');
    const receipt = await value<{ text: string }>(ipc, 'airgap.receipt');
    expect(receipt.text).toContain('material.no-backup-acknowledged');
    events = (await journalEvents(journal())).map((e) => e.event);
    expect(events.indexOf('material.no-backup-acknowledged')).toBeLessThan(events.indexOf('material.generated'));
  });

  it('custody planned in the preflight needs no acknowledgement, but the material is split before it is wrapped', async () => {
    await airGapConfirmed(ipc, dir, ['AES_256']);
    const custodians = [path.join(dir, 'c1'), path.join(dir, 'c2')];
    await value(ipc, 'airgap.preflight', {
      folder: media,
      expiry: { kind: 'at', at: IN_30_DAYS },
      custody: { m: 2, n: 2, custodians: ['Cara', 'Dan'], folders: custodians, allowSameVolume: true },
    });
    await value(ipc, 'airgap.generate');
    expect(await call(ipc, 'airgap.wrap')).toMatchObject({
      ok: false,
      problem: { code: 'CUSTODY_PLANNED_NOT_SPLIT' },
    });
    const split = await value<{ keys: { holders: { folder: string }[] }[] }>(ipc, 'custody.split');
    expect(split.keys[0]?.holders.map((h) => h.folder)).toEqual(custodians);
    await value(ipc, 'airgap.wrap');
    expect((await journalEvents(journal())).map((e) => e.event)).not.toContain('material.no-backup-acknowledged');
  });

  it('keeps the plan that passed when a later preflight is refused once material exists: the split and the wrap go on', async () => {
    await airGapConfirmed(ipc, dir, ['AES_256']);
    const custodians = [path.join(dir, 'c1'), path.join(dir, 'c2')];
    for (const c of custodians) await mkdir(c);
    const custody = { m: 2, n: 2, custodians: ['Cara', 'Dan'], folders: custodians, allowSameVolume: true };
    await value(ipc, 'airgap.preflight', { folder: media, custody });
    await value(ipc, 'airgap.generate');
    expect(await call(ipc, 'airgap.preflight', { folder: media, custody })).toMatchObject({
      ok: false,
      problem: { code: 'CEREMONY_STEP_OUT_OF_ORDER' },
    });
    const state = await value<{ airGap: { preflight: { wrappedBundle: string } | null } }>(ipc, 'ceremony.state');
    expect(state.airGap.preflight?.wrappedBundle).toContain(media);
    expect(await call(ipc, 'custody.split')).toMatchObject({ ok: true });
    expect(await call(ipc, 'airgap.wrap')).toMatchObject({ ok: true });
    expect(await call(ipc, 'airgap.write-bundle')).toMatchObject({ ok: true });
  });
});
