/**
 * The custodian folders checked again right before the custody split writes: real folders, links
 * and (where this machine may mount) a real tmpfs put over a folder after the preflight; then the
 * whole air-gapped session, where a trial replaced a custodian's folder by a link onto the transfer
 * medium after the preflight and the split wrote a share and the backup there.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recheckCustodianFolders } from '../../../../src-main/core/ceremony/airgap/custodian-folders-recheck';
import { listDeviations } from '../../../../src-main/core/journal';
import { MOUNTS_AVAILABLE, mountTmpfs } from '../../../support/tmpfs-mount';
import { createFixture, type Fixture } from '../ceremony-fixture';
import { airGapReadDayOne } from './up-to-bundle';
import { confirmEveryWitness } from '../witness-helpers';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(() => f.close());

/** Two custodian folders as a preflight passes them: one existing and empty, one still to be created. */
async function preflighted() {
  const existing = path.join(f.dir, 'c1');
  await mkdir(existing);
  const fresh = path.join(f.dir, 'c2');
  const volumeId = String((await stat(f.dir, { bigint: true })).dev);
  return [
    { folder: existing, volumeId },
    { folder: fresh, volumeId },
  ];
}

const changed = (index: number, change: string) =>
  expect.objectContaining({ code: 'CUSTODIAN_FOLDER_CHANGED', values: expect.objectContaining({ index, change }) });

describe('recheckCustodianFolders', () => {
  it('passes folders as the preflight found them, and a new one created empty meanwhile', async () => {
    const folders = await preflighted();
    await expect(recheckCustodianFolders(folders)).resolves.toBeUndefined();
    await mkdir(folders[1]!.folder);
    await expect(recheckCustodianFolders(folders)).resolves.toBeUndefined();
  });

  it('refuses a folder now a link, or under one, one that holds files, a file in its place, and one gone', async () => {
    const folders = await preflighted();
    const [c1, c2] = folders.map((d) => d.folder) as [string, string];
    const elsewhere = path.join(f.dir, 'transfer', 'stolen');
    await mkdir(elsewhere, { recursive: true });
    await symlink(elsewhere, c2);
    await expect(recheckCustodianFolders(folders)).rejects.toThrow(changed(2, 'link'));
    await rm(c2);
    await writeFile(path.join(c1, 'notes.txt'), 'another stick');
    await expect(recheckCustodianFolders(folders)).rejects.toThrow(changed(1, 'notEmpty'));
    await rm(c1, { recursive: true });
    await writeFile(c1, 'a file where the folder was');
    await expect(recheckCustodianFolders(folders)).rejects.toThrow(changed(1, 'notAFolder'));
    await rm(c1);
    // Its parent gone (a stick pulled out with the folder on it).
    await expect(
      recheckCustodianFolders([{ ...folders[0]!, folder: path.join(f.dir, 'pulled', 'c1') }]),
    ).rejects.toThrow(changed(1, 'gone'));
  });

  it.skipIf(!MOUNTS_AVAILABLE)(
    'refuses another medium mounted at the path after the preflight, even empty',
    async () => {
      const folders = await preflighted();
      const unmount = mountTmpfs(folders[0]!.folder, { sizeKiB: 64 });
      try {
        await expect(recheckCustodianFolders(folders)).rejects.toThrow(changed(1, 'otherVolume'));
      } finally {
        unmount();
      }
    },
  );
});

describe('the custody split after the preflight', () => {
  it('writes nothing into a custodian folder replaced by a link onto the transfer medium, and splits once it is back', async () => {
    const plan = f.plan(['AES_256']);
    const { params, journal, air } = await airGapReadDayOne(f, plan);
    const folders = ['c1', 'c2'].map((c) => path.join(f.dir, c));
    const transfer = path.join(f.dir, 'transfer');
    await mkdir(transfer);
    await air.preflight({
      wrappedBundle: path.join(transfer, 'wrapped'),
      receiptFolder: f.dir,
      custodianFolders: folders,
      allowSameVolume: true,
    });
    await confirmEveryWitness(air, plan.witnesses, params);
    await air.generateMaterial();
    // After the preflight: custodian 2's path now leads onto the transfer medium.
    const stolen = path.join(transfer, 'stolen-2');
    await mkdir(stolen);
    await symlink(stolen, folders[1] as string);
    const request = { m: 2, n: 2, custodians: ['Dana', 'Eli'], folders, allowSameVolume: true };
    await expect(air.splitCustody(request)).rejects.toThrow(changed(2, 'link'));
    expect(await readdir(stolen)).toEqual([]);
    expect(existsSync(folders[0] as string)).toBe(false);
    expect(journal.entries.map((e) => e.event)).not.toContain('custody.split');
    // Journaled as a refusal: the receipt lists it (possible tampering with the media).
    const refused = journal.entries.at(-1);
    expect(refused).toMatchObject({ event: 'custody.split-refused', data: { code: 'CUSTODIAN_FOLDER_CHANGED' } });
    expect(listDeviations([refused!]).map((d) => d.kind)).toEqual(['refusal']);
    // The medium back as the preflight found it: the split goes on with the material still held.
    await rm(folders[1] as string);
    const [split] = await air.splitCustody(request);
    expect(split?.holders.map((h) => h.custodian)).toEqual(['Dana', 'Eli']);
    for (const folder of folders)
      expect((await readdir(folder)).some((n) => n.startsWith('keyferry-share-'))).toBe(true);
  });
});
