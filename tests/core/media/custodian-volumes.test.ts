/**
 * The one rule for custodians' folders, on real tmpfs mounts: a "home" volume of its own holding
 * the path of a stick that is not mounted is refused; a folder anywhere on a mounted stick passes;
 * two custodians on one stick are refused; the refusal names the place in English and Chinese.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refuseCustodianVolumes, workstationPlaces } from '../../../src-main/core/media/custodian-volumes';
import { volumeIdOf } from '../../../src-main/core/media/folder-info';
import type { KeyferryError } from '../../../src-main/core/errors';
import { translator } from '../../../src-main/i18n/translate';
import { MOUNTS_AVAILABLE, mountTmpfs } from '../../support/tmpfs-mount';

let dir: string;
const unmounts: (() => void)[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-custodian-volumes-'));
});
afterEach(async () => {
  for (const unmount of unmounts.splice(0).reverse()) unmount();
  await rm(dir, { recursive: true, force: true });
});

/** A tmpfs mounted at `dir/name`, unmounted after the test. */
function mounted(...names: string[]): string {
  const at = path.join(dir, ...names);
  unmounts.push(mountTmpfs(at, { sizeKiB: 256 }));
  return at;
}

/** Each folder as the rule takes it, with its real volume. */
async function custodians(...folders: string[]) {
  const list = [];
  for (const [i, folder] of folders.entries())
    list.push({ index: i + 1, folder, volumeId: await volumeIdOf(folder).catch(() => undefined) });
  return list;
}

/** Runs the rule for `folders` with the workstation's places, home and temp folder as `host` gives them. */
async function rule(folders: string[], host: { homedir: string; tmpdir: string }, named = {}) {
  const places = workstationPlaces(named, { platform: 'linux', ...host });
  return refuseCustodianVolumes(await custodians(...folders), places, volumeIdOf, 'split');
}

async function refusal(run: Promise<void>): Promise<KeyferryError> {
  return run.then(
    () => expect.fail('not refused'),
    (error: KeyferryError) => error,
  );
}

describe('workstationPlaces', () => {
  it('names the material’s, receipts’ and journal’s places first, then the system’s root, the working, home and temp folders and the system’s other folders', () => {
    const places = workstationPlaces(
      { material: '/w/key.bin', cwd: '/w' },
      { platform: 'linux', homedir: '/home/dana', tmpdir: '/tmp' },
    );
    expect(places.slice(0, 5)).toEqual([
      { on: 'material', path: '/w/key.bin' },
      { on: 'system', path: '/' },
      { on: 'cwd', path: '/w' },
      { on: 'home', path: '/home/dana' },
      { on: 'temp', path: '/tmp' },
    ]);
    expect(places.map((p) => p.path)).toEqual(expect.arrayContaining(['/home', '/var', '/run', '/media']));
    // Never /mnt: a stick is often mounted on it directly.
    expect(places.map((p) => p.path)).not.toContain('/mnt');
    const windows = workstationPlaces(
      { journal: 'D:\\ceremony' },
      { platform: 'win32', homedir: 'C:\\Users\\dana', tmpdir: 'C:\\Temp', systemDrive: 'C:' },
    );
    expect(windows.map((p) => p.path)).toEqual(['D:\\ceremony', 'C:\\', 'C:\\Users\\dana', 'C:\\Temp']);
  });
});

describe.skipIf(!MOUNTS_AVAILABLE)('refuseCustodianVolumes on real mounts', () => {
  it('refuses the path of a stick not mounted on a home volume of its own, and takes a folder deep on the stick once it is mounted', async () => {
    const home = mounted('home');
    const stick1 = mounted('stick-1');
    // Custodian 2's stick belongs at home/media/STICK: not mounted, its folder lands on the home volume.
    const c2 = path.join(home, 'media', 'STICK', 'c2');
    await mkdir(c2, { recursive: true });
    const refused = await refusal(rule([stick1, c2], { homedir: home, tmpdir: dir }));
    expect(refused).toMatchObject({
      code: 'CUSTODIAN_ON_WORKSTATION_VOLUME',
      values: { index: 2, folder: c2, on: 'home', place: home, command: 'split' },
    });
    expect(refused.message).toBe(
      `The folder of custodian 2 (${c2}) is on the same volume as the home folder (${home}): that share and the whole backup would stay on this workstation. A custodian’s stick that is not mounted leaves its folder’s path on the workstation’s own disk. Nothing was read or written.`,
    );
    expect(refused.nextStep).toContain('give a folder on it (--out), on none of this workstation’s volumes');
    // The stick mounted: a folder deep inside it is on the stick's own volume.
    await rm(path.join(home, 'media', 'STICK', 'c2'), { recursive: true });
    mounted('home', 'media', 'STICK');
    const deep = path.join(home, 'media', 'STICK', 'custody', 'c2');
    await mkdir(deep, { recursive: true });
    await expect(rule([stick1, deep], { homedir: home, tmpdir: dir })).resolves.toBeUndefined();
  });

  it('refuses a folder on the temp folder’s, the material file’s or the working folder’s volume, naming the first', async () => {
    const [temp, work, stick] = [mounted('temp'), mounted('work'), mounted('stick')];
    const host = { homedir: dir, tmpdir: temp };
    await mkdir(path.join(temp, 'c1'));
    await expect(rule([path.join(temp, 'c1'), stick], host)).rejects.toMatchObject({
      values: { on: 'temp', place: temp },
    });
    await writeFile(path.join(work, 'key.bin'), 'x');
    await mkdir(path.join(work, 'c1'));
    await expect(
      rule([path.join(work, 'c1'), stick], host, { material: path.join(work, 'key.bin'), cwd: work }),
    ).rejects.toMatchObject({ values: { on: 'material', place: path.join(work, 'key.bin') } });
    await expect(rule([path.join(work, 'c1'), stick], host, { cwd: work })).rejects.toMatchObject({
      values: { on: 'cwd', place: work },
    });
    // The system's own folders (/ here): a folder beside the test's on the workstation's disk.
    await mkdir(path.join(dir, 'c1'));
    await expect(rule([stick, path.join(dir, 'c1')], { homedir: temp, tmpdir: temp })).rejects.toMatchObject({
      values: { index: 2, on: 'system' },
    });
  });

  it('refuses two custodians on one stick after the workstation’s volumes, and passes sticks of their own', async () => {
    const [stick1, stick2] = [mounted('stick-1'), mounted('stick-2')];
    const host = { homedir: dir, tmpdir: dir };
    await mkdir(path.join(stick1, 'a'));
    await mkdir(path.join(stick1, 'b'));
    await expect(rule([path.join(stick1, 'a'), path.join(stick1, 'b')], host)).rejects.toMatchObject({
      code: 'PREFLIGHT_SAME_VOLUME',
      values: { first: 1, second: 2 },
    });
    await expect(rule([stick1, stick2], host)).resolves.toBeUndefined();
    // A folder that cannot be read is left to the check that reads it.
    await expect(rule([stick1, path.join(stick2, 'missing')], host)).resolves.toBeUndefined();
  });

  it('says each place in Chinese too, with the command’s options in the way on', async () => {
    const home = mounted('home');
    const stick = mounted('stick');
    await mkdir(path.join(home, 'c1'));
    const places = workstationPlaces({ receipts: home }, { platform: 'linux', homedir: home, tmpdir: dir });
    const refused = await refusal(
      refuseCustodianVolumes(await custodians(path.join(home, 'c1'), stick), places, volumeIdOf, 'wrap'),
    );
    expect(refused.values).toMatchObject({ on: 'receipts', command: 'wrap' });
    const zh = translator('zh-CN').problem(refused);
    expect(zh.message).toContain(`保管人 1 的文件夹（${path.join(home, 'c1')}）与回执（${home}）位于同一卷`);
    expect(zh.message).toContain('未生成任何内容。');
    expect(zh.nextStep).toContain('--custodian-folder');
    expect(zh.nextStep).toContain('仅限演练：--shares-on-one-volume');
    const en = translator('en').problem(refused);
    expect(en.nextStep).toContain('the journal’s and the receipts’');
    expect(en.nextStep).toContain('for a rehearsal only: --shares-on-one-volume');
  });
});
