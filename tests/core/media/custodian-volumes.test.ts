/**
 * The one rule for custodians' folders, on real tmpfs mounts: a "home" volume of its own holding
 * the path of a stick that is not mounted is refused; a folder anywhere on a mounted stick passes;
 * two custodians on one stick are refused; the refusal names the place in English and Chinese.
 */
import { statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  refuseCustodianVolumes,
  refuseNestedCustodianFolders,
  workstationOnlyPlaces,
  workstationPlaces,
} from '../../../src-main/core/media/custodian-volumes';
import { volumeIdOf } from '../../../src-main/core/media/folder-info';
import type { KeyferryError } from '../../../src-main/core/errors';
import { translator } from '../../../src-main/i18n/translate';
import { MOUNTS_AVAILABLE, bindMount, mountTmpfs } from '../../support/tmpfs-mount';

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
  it('names the system’s root first, then the material’s, the working, home and temp folders, the memory folders, the boot volumes and the system’s other folders', () => {
    const places = workstationPlaces(
      { material: '/w/key.bin', cwd: '/w' },
      { platform: 'linux', homedir: '/home/dana', tmpdir: '/tmp', runtimeDir: '/run/user/1000', uid: 1000 },
    );
    expect(places.slice(0, 12)).toEqual([
      { on: 'system', path: '/' },
      { on: 'material', path: '/w/key.bin' },
      { on: 'cwd', path: '/w' },
      { on: 'home', path: '/home/dana' },
      { on: 'temp', path: '/tmp' },
      { on: 'memory', path: '/dev/shm' },
      { on: 'memory', path: '/dev' },
      { on: 'memory', path: '/run/user/1000' },
      { on: 'boot', path: '/boot' },
      { on: 'boot', path: '/boot/efi' },
      { on: 'boot', path: '/efi' },
      { on: 'system', path: '/home' },
    ]);
    expect(places.map((p) => p.path)).toEqual(expect.arrayContaining(['/home', '/var', '/run', '/media']));
    // XDG_RUNTIME_DIR elsewhere than /run/user/<uid>: both are named.
    const runtime = workstationPlaces(
      {},
      { platform: 'linux', homedir: '/h', tmpdir: '/t', runtimeDir: '/xdg', uid: 7 },
    );
    expect(runtime.filter((p) => p.on === 'memory').map((p) => p.path)).toEqual([
      '/dev/shm',
      '/dev',
      '/xdg',
      '/run/user/7',
    ]);
    // Never /mnt: a stick is often mounted on it directly.
    expect(places.map((p) => p.path)).not.toContain('/mnt');
    const windows = workstationPlaces(
      { journal: 'D:\\ceremony' },
      { platform: 'win32', homedir: 'C:\\Users\\dana', tmpdir: 'C:\\Temp', systemDrive: 'C:' },
    );
    expect(windows.map((p) => p.path)).toEqual(['C:\\', 'D:\\ceremony', 'C:\\Users\\dana', 'C:\\Temp']);
  });
});

describe('workstationOnlyPlaces', () => {
  it('leaves out the places a command run from the transfer stick may have on it: the material file, the working folder, the receipts', () => {
    const places = workstationPlaces(
      { material: '/media/usb/key.bin', receipts: '/media/usb/receipts', journal: '/w/journal', cwd: '/media/usb' },
      { platform: 'linux', homedir: '/home/dana', tmpdir: '/tmp' },
    );
    const kept = workstationOnlyPlaces(places);
    expect(kept.filter((p) => p.path.startsWith('/media/usb'))).toEqual([]);
    expect(kept.slice(0, 4)).toEqual([
      { on: 'system', path: '/' },
      { on: 'journal', path: '/w/journal' },
      { on: 'home', path: '/home/dana' },
      { on: 'temp', path: '/tmp' },
    ]);
    expect(kept).toHaveLength(places.length - 3);
  });
});

describe('two custodians on one volume, as a journal written before `command` existed says it', () => {
  it('renders the wrap’s wording in English and Chinese, not the stored fallback', () => {
    const old = {
      code: 'PREFLIGHT_SAME_VOLUME',
      message: 'stored text',
      nextStep: 'stored next step',
      values: { first: 1, firstFolder: '/media/A/c1', second: 2, secondFolder: '/media/A/c2' },
    };
    const en = translator('en').problem(old);
    expect(en.message).toBe(
      'The folders of custodian 1 (/media/A/c1) and custodian 2 (/media/A/c2) are on the same volume: one lost or copied drive would carry two shares. Nothing was generated.',
    );
    expect(en.nextStep).toBe(
      'Give each custodian’s share its own removable media (for a rehearsal only: --shares-on-one-volume).',
    );
    const zh = translator('zh-CN').problem(old);
    expect(zh.message).toMatch(/两份份额。未生成任何内容。$/);
    expect(zh.nextStep).toContain('（仅限演练：--shares-on-one-volume）');
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

  it.skipIf(statSync('/').dev !== statSync(os.tmpdir()).dev)(
    'names the system volume, not the material file, when both lie on the system’s disk (a stick not mounted)',
    async () => {
      const stick = mounted('stick');
      await writeFile(path.join(dir, 'key.bin'), 'x');
      const unmounted = path.join(dir, 'usb2');
      await mkdir(unmounted);
      const refused = await refusal(
        rule([stick, unmounted], { homedir: dir, tmpdir: dir }, { material: path.join(dir, 'key.bin'), cwd: dir }),
      );
      expect(refused.values).toMatchObject({ index: 2, on: 'system', place: '/' });
      expect(refused.message).toContain(
        `The folder of custodian 2 (${unmounted}) is on the same volume as this workstation’s system folder /: that share and the whole backup would stay on this workstation.`,
      );
      // The material on the stick with custodian 1: the material file is named.
      await writeFile(path.join(stick, 'key.bin'), 'x');
      await expect(
        rule([stick, mounted('stick-2')], { homedir: dir, tmpdir: dir }, { material: path.join(stick, 'key.bin') }),
      ).rejects.toMatchObject({ values: { index: 1, on: 'material', place: path.join(stick, 'key.bin') } });
    },
  );

  it('refuses a folder in the workstation’s memory: /dev/shm and the user’s runtime folder, each a tmpfs', async () => {
    const stick = mounted('stick');
    const shm = await mkdtemp('/dev/shm/kf-custodian-');
    try {
      const refused = await refusal(rule([stick, shm], { homedir: dir, tmpdir: dir }));
      expect(refused.values).toMatchObject({ index: 2, folder: shm, on: 'memory', place: '/dev/shm' });
      expect(refused.message).toContain(
        'is on the same volume as a folder in this workstation’s memory (/dev/shm), not a stick: that share and the whole backup would stay in this workstation’s memory, and be lost when it is switched off. Nothing was read or written.',
      );
      // A folder in memory is no stick left unmounted: the sentence about one is not said.
      expect(refused.message).not.toContain('not mounted');
      const zh = translator('zh-CN').problem(refused);
      expect(zh.message).toContain(
        '本工作站内存中的文件夹（/dev/shm，并非U盘）位于同一卷：该份额和完整备份会留在本工作站的内存中，关机即丢失。未读取也未写入任何内容。',
      );
      expect(zh.message).not.toContain('未挂载');
    } finally {
      await rm(shm, { recursive: true, force: true });
    }
    // XDG_RUNTIME_DIR (/run/user/<uid>) is a tmpfs of its own.
    const runtime = mounted('run-user');
    const places = workstationPlaces({}, { platform: 'linux', homedir: dir, tmpdir: dir, runtimeDir: runtime });
    await expect(
      refuseCustodianVolumes(await custodians(stick, runtime), places, volumeIdOf, 'split'),
    ).rejects.toMatchObject({ values: { index: 2, on: 'memory', place: runtime } });
  });

  it('looks up each folder’s volume once, however many places it is (receipts, journal and working folder in one)', async () => {
    const stick = mounted('stick');
    const places = workstationPlaces(
      { receipts: dir, journal: dir, cwd: dir },
      { platform: 'linux', homedir: dir, tmpdir: '/tmp' },
    );
    const looked: string[] = [];
    const counted = (target: string) => {
      looked.push(target);
      return volumeIdOf(target);
    };
    await refuseCustodianVolumes(await custodians(stick), places, counted, 'wrap');
    expect(looked).toEqual([...new Set(places.map((p) => p.path))]);
    expect(looked.filter((p) => p === dir)).toHaveLength(1);
    expect(looked.filter((p) => p === '/tmp')).toHaveLength(1);
  });

  it('refuses two custodians on one stick after the workstation’s volumes, and passes sticks of their own', async () => {
    const [stick1, stick2] = [mounted('stick-1'), mounted('stick-2')];
    const host = { homedir: dir, tmpdir: dir };
    await mkdir(path.join(stick1, 'a'));
    await mkdir(path.join(stick1, 'b'));
    const twice = await refusal(rule([path.join(stick1, 'a'), path.join(stick1, 'b')], host));
    expect(twice).toMatchObject({ code: 'PREFLIGHT_SAME_VOLUME', values: { first: 1, second: 2, command: 'split' } });
    // Raised by custody split: nothing was read nor written, and the override is for test material.
    expect(twice.message).toMatch(/two shares\. Nothing was read or written\.$/);
    expect(twice.nextStep).toContain('for a rehearsal with test material only: custody split --shares-on-one-volume');
    const zh = translator('zh-CN').problem(twice);
    expect(zh.message).toMatch(/未读取也未写入任何内容。$/);
    expect(zh.nextStep).toContain('仅限使用测试材料的演练：custody split --shares-on-one-volume');
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

describe('refuseNestedCustodianFolders', () => {
  it('refuses a custodian folder inside another’s, by path, through a symbolic link, or still to be made, naming both as given', async () => {
    const c1 = path.join(dir, 'c1');
    await mkdir(c1);
    await symlink(c1, path.join(dir, 'link'));
    for (const inner of [path.join(c1, 'sub'), path.join(dir, 'link', 'sub'), path.join(dir, 'link', 'new', 'deeper')])
      expect(() =>
        refuseNestedCustodianFolders([
          { index: 1, custodian: 'Alice', folder: c1 },
          { index: 2, custodian: 'Bob', folder: inner },
        ]),
      ).toThrow(
        expect.objectContaining({
          code: 'CUSTODY_FOLDER_INSIDE_OTHER',
          values: {
            first: 1,
            firstCustodian: 'Alice',
            firstFolder: c1,
            second: 2,
            secondCustodian: 'Bob',
            secondFolder: inner,
          },
        }),
      );
    // Side by side, and a folder whose name only starts as the other's, pass.
    expect(() =>
      refuseNestedCustodianFolders([
        { index: 1, custodian: 'Alice', folder: c1 },
        { index: 2, custodian: 'Bob', folder: path.join(dir, 'c1-b') },
      ]),
    ).not.toThrow();
  });

  it.skipIf(!MOUNTS_AVAILABLE)(
    'refuses a folder inside a bind mount of another custodian’s folder (same device and inode on the way up)',
    async () => {
      const c1 = path.join(dir, 'c1');
      await mkdir(path.join(c1, 'sub'), { recursive: true });
      const bound = path.join(dir, 'bound');
      unmounts.push(bindMount(c1, bound));
      expect(() =>
        refuseNestedCustodianFolders([
          { index: 1, custodian: 'Alice', folder: c1 },
          { index: 2, custodian: 'Bob', folder: path.join(bound, 'sub') },
        ]),
      ).toThrow(expect.objectContaining({ code: 'CUSTODY_FOLDER_INSIDE_OTHER' }));
    },
  );
});
