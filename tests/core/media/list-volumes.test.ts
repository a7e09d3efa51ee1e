/**
 * Listing removable volumes: each volume the platform names is measured on the real folder (free
 * and total space, writability, volume id); one that vanished meanwhile is left out; a machine
 * where nothing can be read gives an empty list, never an error (the user then picks a folder).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listRemovableVolumes, volumeIdOf } from '../../../src-main/core/media';
import { MOUNTS_AVAILABLE, mountTmpfs } from '../../support/tmpfs-mount';

const temps: string[] = [];
const unmounts: (() => void)[] = [];
async function made(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}
afterAll(async () => {
  for (const unmount of unmounts.splice(0)) unmount();
  for (const dir of temps.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

/** A /sys/block and /dev/disk/by-label tree: disk sdb removable (sdb1 labelled "KEYFERRY A", sdb2), sde fixed. */
async function blockTree(root: string): Promise<{ sysRoot: string; devRoot: string }> {
  const sysRoot = path.join(root, 'sys');
  const devRoot = path.join(root, 'dev');
  for (const [disk, partitions, removable] of [
    ['sdb', ['sdb1', 'sdb2'], '1'],
    ['sde', ['sde1'], '0'],
  ] as const) {
    for (const partition of partitions)
      await fs.mkdir(path.join(sysRoot, 'block', disk, partition), { recursive: true });
    await fs.writeFile(path.join(sysRoot, 'block', disk, 'removable'), `${removable}\n`);
  }
  await fs.mkdir(path.join(devRoot, 'disk', 'by-label'), { recursive: true });
  await fs.symlink('../../sdb1', path.join(devRoot, 'disk', 'by-label', 'KEYFERRY\\x20A'));
  return { sysRoot, devRoot };
}

describe('listRemovableVolumes', () => {
  it('measures space, writability and volume id of each mounted candidate, leaving out vanished ones', async () => {
    const root = await made('keyferry-list-volumes-');
    const roots = await blockTree(root);
    const stick = path.join(root, 'mnt', 'stick');
    await fs.mkdir(stick, { recursive: true });
    const procMounts = path.join(root, 'mounts');
    await fs.writeFile(
      procMounts,
      `/dev/sdb1 ${stick} vfat rw 0 0\n/dev/sdb2 ${path.join(root, 'gone')} vfat rw 0 0\n/dev/sde1 ${root} ext4 rw 0 0\n`,
    );
    const volumes = await listRemovableVolumes({ platform: 'linux', linuxRoots: { procMounts, ...roots } });
    expect(volumes).toHaveLength(1);
    const [volume] = volumes;
    expect(volume).toMatchObject({
      label: 'KEYFERRY A',
      mountPoint: stick,
      device: '/dev/sdb1',
      writable: true,
      volumeId: await volumeIdOf(stick),
    });
    expect(volume?.totalBytes).toBeGreaterThan(0);
    expect(volume?.freeBytes).toBeGreaterThan(0);
    expect(volume?.freeBytes).toBeLessThanOrEqual(volume?.totalBytes ?? 0);
  });

  it.skipIf(!MOUNTS_AVAILABLE)(
    'tells each medium apart: its own size and volume id, and a read-only one as not writable',
    async () => {
      const volumesRoot = await made('keyferry-volumes-');
      const keys = path.join(volumesRoot, 'KEYS');
      const locked = path.join(volumesRoot, 'LOCKED');
      unmounts.push(mountTmpfs(keys, { sizeKiB: 1024 }));
      unmounts.push(mountTmpfs(locked, { sizeKiB: 256, readOnly: true }));
      // /proc stands in for the boot volume: another device than both media.
      const listed = await listRemovableVolumes({
        platform: 'darwin',
        darwinRoots: { volumesRoot, bootRoot: '/proc' },
      });
      expect(listed.map((v) => [v.label, v.writable, v.totalBytes])).toEqual([
        ['KEYS', true, 1024 * 1024],
        ['LOCKED', false, 256 * 1024],
      ]);
      expect(listed.map((v) => v.volumeId)).toEqual([await volumeIdOf(keys), await volumeIdOf(locked)]);
      expect(listed[0]?.volumeId).not.toBe(listed[1]?.volumeId);
    },
  );

  it('gives an empty list, not an error, when nothing can be read', async () => {
    await expect(
      listRemovableVolumes({
        platform: 'linux',
        linuxRoots: { procMounts: '/nonexistent/mounts', sysRoot: '/nonexistent' },
      }),
    ).resolves.toEqual([]);
    await expect(listRemovableVolumes({ platform: 'aix' })).resolves.toEqual([]);
  });
});
