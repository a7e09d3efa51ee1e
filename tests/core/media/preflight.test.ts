/**
 * The preflight of output folders, on real folders and real mounts: a read-only tmpfs (EROFS
 * stops root too) and a full tmpfs (ENOSPC); probe files never stay behind.
 */
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeFileLayer, type FileLayer } from '../../../src-main/core/fs/durable-file';
import { preflightDestinations, type Destination } from '../../../src-main/core/media/preflight';
import { translator } from '../../../src-main/i18n/translate';
import type { KeyferryError } from '../../../src-main/core/errors';
import { MOUNTS_AVAILABLE, fillUp, mountTmpfs } from '../../support/tmpfs-mount';

let dir: string;
const unmounts: (() => void)[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-preflight-'));
});
afterEach(async () => {
  for (const unmount of unmounts.splice(0)) unmount();
  await rm(dir, { recursive: true, force: true });
});

function bundle(folder: string, bytes = 64 * 1024, entries = 5): Destination {
  return { role: 'bundle', folder, expect: 'new-or-empty', bytes, entries };
}
function receipt(folder: string, fileNames = ['receipt-x.html', 'receipt-x.txt']): Destination {
  return { role: 'receipt', folder, expect: 'existing', fileNames, bytes: 512 * 1024, entries: fileNames.length };
}
function custodian(i: number, folder: string): Destination {
  return { role: 'custodian', index: i, folder, expect: 'new-or-empty', bytes: 48 * 1024, entries: 5 };
}

describe('preflightDestinations', () => {
  it('accepts a new bundle folder and an existing receipt folder, and leaves no probe file behind', async () => {
    const checked = await preflightDestinations([bundle(path.join(dir, 'wrapped')), receipt(dir)]);
    expect(checked.map((c) => [c.role, c.willCreate])).toEqual([
      ['bundle', true],
      ['receipt', false],
    ]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses an output folder that is not empty, a missing parent, and a receipt name already taken', async () => {
    await mkdir(path.join(dir, 'wrapped'));
    await writeFile(path.join(dir, 'wrapped', 'old.txt'), 'x');
    await expect(preflightDestinations([bundle(path.join(dir, 'wrapped'))])).rejects.toMatchObject({
      code: 'PREFLIGHT_FOLDER_NOT_EMPTY',
      message: expect.stringContaining(path.join(dir, 'wrapped')),
      // Never "empty it": what it holds may be a bundle still to carry or import.
      nextStep: expect.stringContaining('Do not empty that folder before you know what it holds'),
    });
    // A custodian's folder holds custody files, not a bundle: bundle verify would call it no bundle (a trial).
    await expect(preflightDestinations([custodian(1, path.join(dir, 'wrapped'))])).rejects.toMatchObject({
      code: 'PREFLIGHT_FOLDER_NOT_EMPTY',
      nextStep: expect.stringContaining(
        'custody share files there (keyferry-share-…, keyferry-backup-…) may be an earlier custody set',
      ),
    });
    await expect(preflightDestinations([bundle(path.join(dir, 'no', 'such'))])).rejects.toMatchObject({
      code: 'PREFLIGHT_PARENT_MISSING',
    });
    await writeFile(path.join(dir, 'receipt-x.html'), 'first session');
    await expect(preflightDestinations([receipt(dir)])).rejects.toMatchObject({
      code: 'PREFLIGHT_FILE_EXISTS',
      message: expect.stringContaining('receipt-x.html'),
    });
  });

  it('refuses every kind of output folder that is a link or lies under one, before probing: nothing lands where it points', async () => {
    const disk = path.join(dir, 'disk');
    await mkdir(disk);
    await symlink(disk, path.join(dir, 'out'));
    const parameters: Destination = { ...bundle(path.join(dir, 'out', 'params')), role: 'parameters' };
    for (const d of [
      bundle(path.join(dir, 'out', 'wrappedB')),
      bundle(path.join(dir, 'out')),
      receipt(path.join(dir, 'out')),
      custodian(2, path.join(dir, 'out', 'c2')),
      parameters,
    ])
      await expect(preflightDestinations([d])).rejects.toMatchObject({
        code: 'OUTPUT_THROUGH_LINK',
        values: { role: d.role, folder: d.folder, link: path.join(dir, 'out'), target: disk },
      });
    expect(await readdir(disk)).toEqual([]);
  });

  it('refuses a folder in the parameters bundle being read, by its path or through a link to it', async () => {
    const params = path.join(dir, 'params');
    await mkdir(params);
    await symlink(params, path.join(dir, 'media-link'));
    const refused = { code: 'PREFLIGHT_IN_PARAMETERS_BUNDLE', values: { bundle: params } };
    for (const folder of [
      params,
      path.join(params, 'out'),
      path.join(params, '..out'),
      path.join(dir, 'media-link', 'out'),
    ])
      await expect(preflightDestinations([bundle(folder)], { readFrom: params })).rejects.toMatchObject(refused);
    // A folder beside it, even one whose name starts as the bundle's, is not in it.
    const beside = await preflightDestinations([bundle(path.join(dir, 'params-out'))], { readFrom: params });
    expect(beside.map((c) => c.role)).toEqual(['bundle']);
  });

  it('refuses a folder inside the bundle’s or a custodian’s, not one inside the receipt folder (a trial)', async () => {
    const wrapped = path.join(dir, 'wrapped');
    await mkdir(wrapped);
    await expect(
      preflightDestinations([bundle(wrapped), receipt(dir), custodian(1, path.join(wrapped, 'c1'))]),
    ).rejects.toMatchObject({
      code: 'PREFLIGHT_FOLDER_IN_OTHER',
      values: { role: 'custodian', index: 1, otherRole: 'bundle', other: wrapped },
      message: expect.stringContaining(
        `The folder of custodian 1 ${path.join(wrapped, 'c1')} lies inside the wrapped-material bundle folder ${wrapped}`,
      ),
    });
    expect(await readdir(wrapped)).toEqual([]);
    // The bundle's folder inside the receipt folder (the journal's folder, say) is the usual case.
    const checked = await preflightDestinations([bundle(path.join(dir, 'wrapped-2')), receipt(dir)]);
    expect(checked.map((c) => c.role)).toEqual(['bundle', 'receipt']);
  });

  it('says one folder given to two custodians is one folder, however spelt, not a folder given for another purpose', async () => {
    const shares = path.join(dir, 'shares');
    await expect(
      preflightDestinations([bundle(path.join(dir, 'wrapped')), custodian(1, shares), custodian(2, `${shares}/`)], {
        allowCustodiansOnOneVolume: true,
      }),
    ).rejects.toMatchObject({
      code: 'CUSTODY_SAME_FOLDER',
      message: expect.stringContaining(`The folders for shares 1 and 2 are the same folder (${shares}), given twice`),
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('says two custodian folders still to be made are one folder when one path goes through a symbolic link to the other’s', async () => {
    const stick = path.join(dir, 'stick');
    await mkdir(stick);
    await symlink(stick, path.join(dir, 'link'));
    await expect(
      preflightDestinations(
        [custodian(1, path.join(stick, 'shares')), custodian(2, path.join(dir, 'link', 'shares'))],
        {
          allowCustodiansOnOneVolume: true,
        },
      ),
    ).rejects.toMatchObject({
      code: 'CUSTODY_SAME_FOLDER',
      message: expect.stringContaining(
        `are the same folder (${path.join(stick, 'shares')}, also given as ${path.join(dir, 'link', 'shares')}), given twice`,
      ),
    });
    expect(await readdir(stick)).toEqual([]);
  });

  it('says a custodian folder given through a symbolic link to the bundle’s or the receipt folder is that folder, or inside it, naming both paths', async () => {
    const wrapped = path.join(dir, 'wrapped');
    await mkdir(wrapped);
    await symlink(wrapped, path.join(dir, 'to-wrapped'));
    const receipts = path.join(dir, 'receipts');
    await mkdir(receipts);
    await symlink(receipts, path.join(dir, 'to-receipts'));
    const refusal = (folder: string) =>
      preflightDestinations([bundle(wrapped), receipt(receipts), custodian(1, folder)], {
        allowCustodiansOnOneVolume: true,
      });
    // Compared as paths, each went on to be refused as a link, which sent the officer looking at links, not folders.
    await expect(refusal(path.join(dir, 'to-wrapped'))).rejects.toMatchObject({
      code: 'PREFLIGHT_SAME_FOLDER',
      message: expect.stringContaining(
        `The folder of custodian 1 ${path.join(dir, 'to-wrapped')} is also given for another purpose: it is the same folder as the wrapped-material bundle folder ${wrapped}.`,
      ),
    });
    await expect(refusal(path.join(dir, 'to-wrapped', 'c1'))).rejects.toMatchObject({
      code: 'PREFLIGHT_FOLDER_IN_OTHER',
      message: expect.stringContaining(
        `The folder of custodian 1 ${path.join(dir, 'to-wrapped', 'c1')} lies inside the wrapped-material bundle folder ${wrapped}`,
      ),
    });
    await expect(refusal(path.join(dir, 'to-receipts'))).rejects.toMatchObject({
      code: 'PREFLIGHT_SAME_FOLDER',
      message: expect.stringContaining(
        `The folder of custodian 1 ${path.join(dir, 'to-receipts')} is also given for another purpose: it is the same folder as the receipt folder ${receipts}.`,
      ),
    });
    const zh = await refusal(path.join(dir, 'to-wrapped')).then(
      () => undefined,
      (error: KeyferryError) => error,
    );
    expect(zh && translator('zh-CN').problem(zh).message).toContain(
      `保管人 1 的文件夹 ${path.join(dir, 'to-wrapped')} 同时被用于另一用途：它与已包装密钥材料包文件夹 ${wrapped} 是同一个文件夹。`,
    );
    expect(await readdir(wrapped)).toEqual([]);
  });

  it.skipIf(!MOUNTS_AVAILABLE)(
    'refuses two custodian folders on one stick unless allowed for a rehearsal',
    async () => {
      const stick = path.join(dir, 'stick');
      unmounts.push(mountTmpfs(stick, { sizeKiB: 1024 }));
      const folders = [custodian(1, path.join(stick, 'c1')), custodian(2, path.join(stick, 'c2'))];
      await expect(preflightDestinations(folders)).rejects.toMatchObject({ code: 'PREFLIGHT_SAME_VOLUME' });
      await expect(preflightDestinations(folders, { allowCustodiansOnOneVolume: true })).resolves.toHaveLength(2);
    },
  );

  it.skipIf(!MOUNTS_AVAILABLE)(
    'refuses a custodian folder on the receipts’ volume (a stick not mounted: its path on the workstation’s disk)',
    async () => {
      const sticks = ['stick-1', 'stick-2', 'receipts'].map((s) => path.join(dir, s));
      for (const stick of sticks) unmounts.push(mountTmpfs(stick, { sizeKiB: 1024 }));
      const [stick1, stick2, receipts] = sticks as [string, string, string];
      // Custodian 2's stick is not in: its path under the receipts medium is on that medium.
      await mkdir(path.join(receipts, 'stick-3'));
      const destinations = [
        bundle(path.join(stick1, 'wrapped')),
        receipt(receipts),
        custodian(1, path.join(stick2, 'c1')),
        custodian(2, path.join(receipts, 'stick-3', 'c2')),
      ];
      await expect(preflightDestinations(destinations)).rejects.toMatchObject({
        code: 'CUSTODIAN_ON_WORKSTATION_VOLUME',
        values: { index: 2, on: 'receipts', place: receipts, command: 'wrap' },
        message: expect.stringContaining(
          `The folder of custodian 2 (${path.join(receipts, 'stick-3', 'c2')}) is on the same volume as the receipts (${receipts})`,
        ),
      });
      await expect(preflightDestinations(destinations, { allowCustodiansOnOneVolume: true })).resolves.toHaveLength(4);
    },
  );

  it.skipIf(!MOUNTS_AVAILABLE)(
    'refuses a custodian folder on the journal’s, the working folder’s or the system’s volume, with the receipts on a stick of their own',
    async () => {
      const sticks = ['transfer', 'receipts', 'stick-1', 'journal', 'work'].map((s) => path.join(dir, s));
      for (const stick of sticks) unmounts.push(mountTmpfs(stick, { sizeKiB: 1024 }));
      const [transfer, receipts, stick1, journal, work] = sticks as [string, string, string, string, string];
      const destinations = (second: string) => [
        bundle(path.join(transfer, 'wrapped')),
        receipt(receipts),
        custodian(1, path.join(stick1, 'c1')),
        custodian(2, path.join(second, 'stick-2', 'c2')),
      ];
      for (const at of [journal, work, dir]) await mkdir(path.join(at, 'stick-2'));
      await expect(preflightDestinations(destinations(journal), { journalFolder: journal })).rejects.toMatchObject({
        code: 'CUSTODIAN_ON_WORKSTATION_VOLUME',
        values: { index: 2, on: 'journal', place: journal },
      });
      await expect(preflightDestinations(destinations(work), { workingFolder: work })).rejects.toMatchObject({
        values: { index: 2, on: 'cwd', place: work },
      });
      // A stick not mounted whose path is on the workstation's disk: caught with no journal named.
      // (The temp folder's disk: the system's own, or the temp folder's where that is a volume apart.)
      await expect(preflightDestinations(destinations(dir))).rejects.toMatchObject({
        code: 'CUSTODIAN_ON_WORKSTATION_VOLUME',
        values: { index: 2 },
        message: expect.stringContaining('that share and the whole backup would stay on this workstation'),
      });
      await expect(preflightDestinations(destinations(journal))).resolves.toHaveLength(4);
    },
  );

  it.skipIf(!MOUNTS_AVAILABLE)(
    'a custodian folder beside transfer media that is a folder of the workstation’s disk is named as on the workstation, not on the transfer media',
    async () => {
      const stick1 = path.join(dir, 'stick-1');
      unmounts.push(mountTmpfs(stick1, { sizeKiB: 1024 }));
      const work = path.join(dir, 'work');
      unmounts.push(mountTmpfs(work, { sizeKiB: 1024 }));
      // A rehearsal's transfer "media" is a folder of the working folder's disk; custodian 2's stick is not in.
      await mkdir(path.join(work, 'stick-2'));
      const destinations = [
        bundle(path.join(work, 'usb', 'wrapped')),
        custodian(1, path.join(stick1, 'c1')),
        custodian(2, path.join(work, 'stick-2', 'c2')),
      ];
      await mkdir(path.join(work, 'usb'));
      await expect(preflightDestinations(destinations, { journalFolder: work })).rejects.toMatchObject({
        code: 'CUSTODIAN_ON_WORKSTATION_VOLUME',
        values: { index: 2, on: 'journal', place: work },
      });
      // Transfer media that is a stick of its own: a share there is refused as on the transfer media.
      const transfer = path.join(dir, 'transfer');
      unmounts.push(mountTmpfs(transfer, { sizeKiB: 1024 }));
      await mkdir(path.join(transfer, 'c2'));
      await expect(
        preflightDestinations(
          [
            bundle(path.join(transfer, 'wrapped')),
            destinations[1] as Destination,
            custodian(2, path.join(transfer, 'c2')),
          ],
          { workingFolder: work },
        ),
      ).rejects.toMatchObject({ code: 'PREFLIGHT_ON_TRANSFER_MEDIA', values: { index: 2 } });
    },
  );

  it.skipIf(!MOUNTS_AVAILABLE)(
    'a custodian folder on the transfer stick the command runs from is refused as on the transfer media, which travels online',
    async () => {
      const stick1 = path.join(dir, 'stick-1');
      unmounts.push(mountTmpfs(stick1, { sizeKiB: 1024 }));
      const transfer = path.join(dir, 'transfer');
      unmounts.push(mountTmpfs(transfer, { sizeKiB: 1024 }));
      await mkdir(path.join(transfer, 'c2'));
      await writeFile(path.join(transfer, 'material.bin'), 'm');
      const destinations = [
        bundle(path.join(transfer, 'wrapped')),
        custodian(1, path.join(stick1, 'c1')),
        custodian(2, path.join(transfer, 'c2')),
        { role: 'receipt', folder: transfer, expect: 'existing', bytes: 4096, entries: 1 } as Destination,
      ];
      await expect(
        preflightDestinations(destinations, {
          workingFolder: transfer,
          materialFile: path.join(transfer, 'material.bin'),
        }),
      ).rejects.toMatchObject({ code: 'PREFLIGHT_ON_TRANSFER_MEDIA', values: { index: 2 } });
    },
  );

  it('refuses media that rejects the probe write (EROFS from the file layer)', async () => {
    const readOnly: FileLayer = {
      ...nodeFileLayer,
      open: (file, flags, mode) =>
        path.basename(file).startsWith('.keyferry-probe-')
          ? Promise.reject(Object.assign(new Error('read-only'), { code: 'EROFS' }))
          : nodeFileLayer.open(file, flags, mode),
    };
    await expect(preflightDestinations([receipt(dir)], { layer: readOnly })).rejects.toMatchObject({
      code: 'PREFLIGHT_READ_ONLY',
      message: expect.stringMatching(/receipt folder .* cannot be written: the media is read-only/),
    });
  });

  it.skipIf(!MOUNTS_AVAILABLE)(
    'refuses a receipt folder on a real read-only mount (root cannot write it either)',
    async () => {
      const media = path.join(dir, 'ro-media');
      unmounts.push(mountTmpfs(media, { sizeKiB: 1024, readOnly: true }));
      await expect(preflightDestinations([bundle(path.join(dir, 'wrapped')), receipt(media)])).rejects.toMatchObject({
        code: 'PREFLIGHT_READ_ONLY',
        message: expect.stringContaining(`receipt folder ${media} cannot be written: the media is read-only`),
        nextStep: expect.stringContaining('write-protect'),
      });
    },
  );

  it.skipIf(!MOUNTS_AVAILABLE)(
    'refuses a real full medium, and one with too little room for what will be written',
    async () => {
      const full = path.join(dir, 'full-media');
      unmounts.push(mountTmpfs(full, { sizeKiB: 64, prepare: fillUp }));
      await expect(preflightDestinations([receipt(full)])).rejects.toMatchObject({
        code: 'PREFLIGHT_MEDIA_FULL',
        message: expect.stringContaining('the media is full'),
      });
      const small = path.join(dir, 'small-media');
      unmounts.push(mountTmpfs(small, { sizeKiB: 128 }));
      await expect(preflightDestinations([receipt(small)])).rejects.toMatchObject({
        code: 'PREFLIGHT_NO_ROOM',
        message: expect.stringMatching(/is on a volume with \d+ KiB free, but about 512 KiB will be written there/),
      });
    },
  );

  it('counts each file and folder as a whole allocation unit on a volume with large ones (an exFAT stick)', async () => {
    // 200 files and folders whose content is 800 KiB at 4 KiB per entry: 1 MiB free is room on ext4,
    // but an exFAT stick of 64 GB allocates 128 KiB to each, 25 MiB in all.
    const wrapped = bundle(path.join(dir, 'wrapped'), 800 * 1024, 200);
    const ext4 = async () => ({ freeBytes: 1024 * 1024, blockBytes: 4096 });
    const exfat = async () => ({ freeBytes: 1024 * 1024, blockBytes: 128 * 1024 });
    await expect(preflightDestinations([wrapped], { volumeOf: ext4 })).resolves.toHaveLength(1);
    const refusal = preflightDestinations([wrapped], { volumeOf: exfat });
    await expect(refusal).rejects.toMatchObject({
      code: 'PREFLIGHT_NO_ROOM',
      // 800 KiB + 201 entries (the new folder itself too) x 124 KiB more each.
      message: expect.stringContaining(
        `${path.join(dir, 'wrapped')} is on a volume with 1024 KiB free, but about 25724 KiB will be written there (the volume allocates 128 KiB at least to each file and folder). Nothing was generated.`,
      ),
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('says so when the figure is that of several folders on one volume (custodians with --shares-on-one-volume)', async () => {
    const folders = [1, 2, 3].map((i) => path.join(dir, `custodian-${i}`));
    const small = async () => ({ freeBytes: 64 * 1024, blockBytes: 4096 });
    const shares = folders.map((folder, i) => ({
      role: 'custodian' as const,
      index: i + 1,
      folder,
      expect: 'new-or-empty' as const,
      bytes: 40 * 1024,
      entries: 2,
    }));
    const refusal = preflightDestinations(shares, { volumeOf: small, allowCustodiansOnOneVolume: true });
    await expect(refusal).rejects.toMatchObject({
      code: 'PREFLIGHT_NO_ROOM',
      message: expect.stringContaining(
        `The folder of custodian 1 ${folders[0]} is on a volume with 64 KiB free, but about 120 KiB will be written on it, into this folder and the 2 other folders given on that volume (${folders[1]}, ${folders[2]}). Nothing was generated.`,
      ),
    });
    await expect(refusal).rejects.toMatchObject({ values: { sharedWith: 2 } });
    const zh = await refusal.catch((error: unknown) => translator('zh-CN').problem(error as KeyferryError).message);
    expect(zh).toContain(`但将向此文件夹及该卷上另外给出的 2 个文件夹（${folders[1]}、${folders[2]}）共写入约 120 KiB`);
    expect(await readdir(dir)).toEqual([]);
  });

  it('reads the free space and allocation unit of the real volume (statfs)', async () => {
    // This machine's temporary folder: 4 KiB units (ext4, tmpfs, overlay), so nothing is added.
    const [checked] = await preflightDestinations([bundle(path.join(dir, 'wrapped'))]);
    expect(checked?.blockBytes).toBeGreaterThanOrEqual(512);
    expect(checked?.neededBytes).toBe(64 * 1024 + 6 * Math.max(0, (checked?.blockBytes ?? 0) - 4096));
  });
});
