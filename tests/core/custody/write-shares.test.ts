/** Writing shares to custodians' media: one volume each, never overwrite, all or nothing. */
import { execFileSync } from 'node:child_process';
import { constants, promises as fs } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { KeyMaterial } from '../../../src-main/core/crypto/key-material';
import type { CustodyShare } from '../../../src-main/core/custody/custody-share';
import { restoreMaterial } from '../../../src-main/core/custody/restore';
import { readShareFile, shareFileName } from '../../../src-main/core/custody/share-file';
import { writeCustodianFolders, writeShareFiles, type VolumeIdOf } from '../../../src-main/core/custody/write-shares';
import { nodeFileLayer, type FileLayer } from '../../../src-main/core/fs/durable-file';
import { MOUNTS_AVAILABLE, mountTmpfs } from '../../support/tmpfs-mount';
import { translator } from '../../../src-main/i18n/translate';
import { bytesOf, materialFor, refusal, split } from './helpers';

/** Pretends each folder is on its own volume, or on the volume named in `volumes`. */
const fakeVolumes =
  (volumes: Record<string, string> = {}): VolumeIdOf =>
  (folder) =>
    volumes[path.basename(folder)] ?? `volume-of-${folder}`;

describe('writeShareFiles', () => {
  let material: KeyMaterial;
  let shares: CustodyShare[];
  let root: string;
  let folders: string[];
  const extraDirs: string[] = [];

  beforeAll(async () => {
    material = await materialFor('AES_256');
    shares = await split(material, 2, 3);
  });
  afterAll(() => material.dispose());

  const makeFolders = async (count: number, base?: string): Promise<string[]> => {
    root = await mkdtemp(path.join(base ?? tmpdir(), 'keyferry-custody-'));
    extraDirs.push(root);
    folders = [];
    for (let i = 1; i <= count; i++) {
      const folder = path.join(root, `usb${i}`);
      await fs.mkdir(folder);
      folders.push(folder);
    }
    return folders;
  };
  afterEach(async () => {
    for (const dir of extraDirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  const contents = async (): Promise<string[][]> => Promise.all(folders.map((f) => readdir(f)));
  /** Custodian 1's folder in the temp folder, custodian 2's on a real tmpfs stick of `sizeKiB`, and a 2-of-2 split. */
  const tempFolderAndStick = async (sizeKiB: number) => {
    const [tmpFolder] = (await makeFolders(1)) as [string];
    const stick = await mkdtemp(path.join(tmpdir(), 'keyferry-custody-stick-'));
    onTestFinished(mountTmpfs(stick, { sizeKiB }));
    return { tmpFolder, stick, pair: (await split(material, 2, 2)) as [CustodyShare, CustodyShare] };
  };

  it('writes each share with its companions into its own folder; the files restore the material', async () => {
    await makeFolders(3);
    const written = await writeShareFiles(shares, folders, {
      volumeIdOf: fakeVolumes(),
      companions: (s) => [{ name: `slip-${s.index}.txt`, data: `slip ${s.index}` }],
    });
    expect(written.map((w) => [w.index, w.custodian, path.basename(w.shareFile.path)])).toEqual(
      shares.map((s) => [s.index, s.custodian, shareFileName(s)]),
    );
    expect(await contents()).toEqual(shares.map((s) => [shareFileName(s), `slip-${s.index}.txt`].sort()));
    const stat = await fs.stat(written[0]?.shareFile.path as string);
    expect(stat.mode & 0o777).toBe(0o600);
    const read = await Promise.all(written.slice(1).map((w) => readShareFile(w.shareFile.path)));
    const rebuilt = await restoreMaterial(read);
    expect(bytesOf(rebuilt).equals(bytesOf(material))).toBe(true);
    rebuilt.dispose();
  });

  it('refuses two destinations on one volume before writing anything', async () => {
    await makeFolders(3);
    const error = await refusal(() =>
      writeShareFiles(shares, folders, { volumeIdOf: fakeVolumes({ usb1: 'A', usb2: 'B', usb3: 'A' }) }),
    );
    expect(error.code).toBe('CUSTODY_SAME_VOLUME');
    expect(error.message).toContain('shares 1 and 3');
    expect(error.message).toContain('usb1');
    expect(error.message).toContain('usb3');
    expect(await contents()).toEqual([[], [], []]);
  });

  it('refuses real folders on one file system (device numbers), with nothing written', async () => {
    await makeFolders(3);
    const error = await refusal(() => writeShareFiles(shares, folders));
    expect(error.code).toBe('CUSTODY_SAME_VOLUME');
    expect(await contents()).toEqual([[], [], []]);
  });

  it.skipIf(!MOUNTS_AVAILABLE)(
    'accepts real folders on two different file systems (a tmpfs stick and the temp folder)',
    async () => {
      const { tmpFolder, stick, pair } = await tempFolderAndStick(256);
      const written = await writeShareFiles(pair, [tmpFolder, stick]);
      expect(written).toHaveLength(2);
      expect(await readdir(stick)).toEqual([shareFileName(pair[1])]);
    },
  );

  it.skipIf(!MOUNTS_AVAILABLE)(
    'a custodian’s stick that fills up part way is named, by share number, custodian and folder, in the refusal',
    async () => {
      const { tmpFolder, stick, pair } = await tempFolderAndStick(16);
      const backup = { name: 'backup.html', data: 'x'.repeat(64 * 1024) };
      const error = await refusal(() =>
        writeShareFiles(pair, [tmpFolder, stick], { inCeremony: true, companions: () => [backup] }),
      );
      expect(error.message).toMatch(
        new RegExp(
          `^On the medium of custodian 2 \\(${pair[1].custodian}\\), folder ${stick}: Could not write backup\\.html: the media is full\\.`,
        ),
      );
      expect(await readdir(stick)).toEqual([]);
      expect(await readdir(tmpFolder)).toEqual([]);
    },
  );

  it('reads a failed split an older build journaled, without naming the custodian, in the reader’s language', () => {
    const causeValues = JSON.stringify({ file: 'b.html', folder: '/media/c3', errno: 'ENOSPC', detail: 'ENOSPC' });
    const values = { reason: 'refused', cause: 'WRITE_FAILED', causeValues, removed: 15, left: 0, moved: 0 };
    const older = { ...values, leftoversList: '[]', movedList: '[]', command: 'wrap' };
    const said = translator('zh-CN').problem({
      code: 'CUSTODY_SHARES_WRITE_FAILED',
      values: older,
      message: 'x',
      nextStep: '',
    });
    expect(said.message).toBe('无法写入 b.html：移动存储介质已满。此次拆分已写入的 15 个文件已被删除。');
  });

  it('refuses, before writing anything, a file that already exists, a missing folder and a wrong count', async () => {
    await makeFolders(3);
    await writeFile(path.join(folders[2] as string, shareFileName(shares[2] as CustodyShare)), 'old');
    expect((await refusal(() => writeShareFiles(shares, folders, { volumeIdOf: fakeVolumes() }))).code).toBe(
      'CUSTODY_FILE_EXISTS',
    );
    expect(await contents()).toEqual([[], [], [shareFileName(shares[2] as CustodyShare)]]);
    expect(await fs.readFile(path.join(folders[2] as string, shareFileName(shares[2] as CustodyShare)), 'utf8')).toBe(
      'old',
    );

    const missing = [folders[0], path.join(root, 'unplugged'), folders[1]] as string[];
    expect((await refusal(() => writeShareFiles(shares, missing, { volumeIdOf: fakeVolumes() }))).code).toBe(
      'CUSTODY_DESTINATION_MISSING',
    );
    expect(
      (await refusal(() => writeShareFiles(shares, folders.slice(0, 2), { volumeIdOf: fakeVolumes() }))).code,
    ).toBe('CUSTODY_DESTINATIONS_COUNT');
    expect(await contents()).toEqual([[], [], [shareFileName(shares[2] as CustodyShare)]]);
  });

  // Officer walk-through: the stick mounted, only the --out subfolder not made yet, and the refusal said
  // "Insert the custodian's media and choose a folder on it".
  it('says a missing folder whose parent is there is to be created, and a missing parent that the media may not be mounted', async () => {
    await makeFolders(3);
    const said = async (missing: string, locale: 'en' | 'zh-CN') => {
      const e = await refusal(() => writeShareFiles(shares, [folders[0], missing, folders[1]] as string[]));
      expect(e.code).toBe('CUSTODY_DESTINATION_MISSING');
      return translator(locale).problem({ code: e.code, values: e.values, message: 'x', nextStep: '' });
    };
    const notMade = path.join(root, 'usb9', 'custodian-2');
    await fs.mkdir(path.dirname(notMade));
    const made = await said(notMade, 'en');
    expect(made.message).toBe(
      `The destination for share 2 (${notMade}) does not exist: the folder it would be in (${path.dirname(notMade)}) is there, but Keyferry does not create a custodian’s folder. Nothing was written.`,
    );
    expect(made.nextStep).toBe(
      'Create that folder on the custodian’s media (or give a folder there that exists), then run the step again.',
    );
    expect((await said(notMade, 'zh-CN')).nextStep).toContain('请在保管人的介质上创建该文件夹');
    const unplugged = path.join(root, 'unplugged', 'custodian-2');
    const gone = await said(unplugged, 'en');
    expect(gone.message).toContain('the custodian’s media may not be mounted');
    expect(gone.nextStep).toBe(
      'Insert the custodian’s media and give an existing folder on it, then run the step again.',
    );
    expect((await said(unplugged, 'zh-CN')).message).toContain('保管人的介质可能未挂载');
  });

  it('removes what it wrote when the media fails part-way', async () => {
    await makeFolders(3);
    let opened = 0;
    const failing: FileLayer = {
      ...nodeFileLayer,
      open: async (file, flags, mode) => {
        if ((flags & constants.O_CREAT) !== 0 && ++opened === 3)
          throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
        return nodeFileLayer.open(file, flags, mode);
      },
    };
    const error = await refusal(() => writeShareFiles(shares, folders, { volumeIdOf: fakeVolumes(), layer: failing }));
    expect(error.message).toContain('the media is full');
    expect(error.message).toContain('The 2 files this split had already written were removed again.');
    expect(error.nextStep).toContain('run the split again');
    expect(await contents()).toEqual([[], [], []]);
    // Written by the air-gapped ceremony, the way out is its own command again.
    opened = 0;
    const inWrap = await refusal(() =>
      writeShareFiles(shares, folders, { volumeIdOf: fakeVolumes(), layer: failing, inCeremony: true }),
    );
    expect(inWrap.nextStep).toContain('run the same keyferry airgap wrap command again with the same journal');
  });
  it.skipIf(!MOUNTS_AVAILABLE)(
    'a stick unmounted once an earlier custodian’s files went in: nothing lands on the disk under its mount point, and the files written are removed',
    async () => {
      const base = await mkdtemp(path.join(tmpdir(), 'keyferry-sticks-'));
      extraDirs.push(base);
      const sticks = [path.join(base, 'STICK1'), path.join(base, 'STICK2')];
      const unmountFirst = mountTmpfs(sticks[0] as string, { sizeKiB: 512 });
      execFileSync('mkdir', [sticks[1] as string]);
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', sticks[1] as string]);
      let second = 'mounted';
      try {
        const pair = (await split(material, 2, 2)) as CustodyShare[];
        const files = pair.map((s) => ({
          index: s.index,
          custodian: s.custodian,
          files: [{ name: shareFileName(s), data: 'share' }],
        }));
        const error = await refusal(() =>
          writeCustodianFolders(files, sticks, {
            // Custodian 2's stick is taken out while custodian 1's folder is handed over.
            afterCustodian: async (written) => {
              if (written.index !== 1) return;
              execFileSync('umount', [sticks[1] as string]);
              second = 'unmounted';
            },
          }),
        );
        expect(second).toBe('unmounted');
        expect(error.code).toBe('CUSTODY_SHARES_WRITE_FAILED');
        expect(error.message).toContain(`The folder ${sticks[1]} is no longer the folder Keyferry was writing into`);
        expect(error.message).toContain('The 1 file this split had already written was removed again.');
        // The mount point left behind is on the temp folder's disk: no share, no backup there.
        expect(await readdir(sticks[1] as string)).toEqual([]);
        expect(await readdir(sticks[0] as string)).toEqual([]);
      } finally {
        if (second === 'mounted') execFileSync('umount', [sticks[1] as string]);
        unmountFirst();
      }
    },
  );
});
