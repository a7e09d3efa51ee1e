import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProcMounts, readLinuxBlockFacts, selectRemovableMounts } from '../../../src-main/core/media';

const temps: string[] = [];
async function made(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of temps.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

const PROC_MOUNTS = `sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
/dev/nvme0n1p2 / ext4 rw,relatime 0 0
/dev/nvme0n1p1 /boot/efi vfat rw,relatime,fmask=0077 0 0
tmpfs /run tmpfs rw,nosuid,nodev 0 0
/dev/sdb1 /media/alice/KEYFERRY\\040A vfat rw,nosuid,nodev,relatime,uid=1000 0 0
/dev/sdc1 /mnt/usb exfat rw,relatime 0 0
/dev/sdd /run/media/bob/SHARE2 ext4 ro,relatime 0 0
/dev/mapper/luks-1234 /run/media/bob/Encrypted ext4 rw 0 0
/dev/sde1 /srv/data ext4 rw 0 0
/dev/sdb1 /media/alice/KEYFERRY\\040A vfat rw 0 0
garbage
`;

/** A fake /sys/block and /dev/disk/by-label tree. */
async function fakeTree(
  removable: Record<string, string[]>,
  notRemovable: Record<string, string[]>,
  labels: Record<string, string>,
) {
  const root = await made('keyferry-sys-');
  for (const [flag, disks] of [
    ['1', removable],
    ['0', notRemovable],
  ] as const) {
    for (const [disk, partitions] of Object.entries(disks)) {
      await fs.mkdir(path.join(root, 'sys', 'block', disk), { recursive: true });
      await fs.writeFile(path.join(root, 'sys', 'block', disk, 'removable'), `${flag}\n`);
      for (const part of partitions) await fs.mkdir(path.join(root, 'sys', 'block', disk, part));
    }
  }
  await fs.mkdir(path.join(root, 'dev', 'disk', 'by-label'), { recursive: true });
  for (const [label, device] of Object.entries(labels))
    await fs.symlink(`../../${device}`, path.join(root, 'dev', 'disk', 'by-label', label));
  return { root, sysRoot: path.join(root, 'sys'), devRoot: path.join(root, 'dev') };
}

describe('parseProcMounts', () => {
  it('reads fields, unescapes octal and skips malformed lines', () => {
    const mounts = parseProcMounts(PROC_MOUNTS);
    expect(mounts).toHaveLength(11);
    expect(mounts[5]).toEqual({
      device: '/dev/sdb1',
      mountPoint: '/media/alice/KEYFERRY A',
      fsType: 'vfat',
      options: ['rw', 'nosuid', 'nodev', 'relatime', 'uid=1000'],
    });
  });
});

describe('Linux removable volumes', () => {
  let tree: Awaited<ReturnType<typeof fakeTree>>;
  beforeAll(async () => {
    tree = await fakeTree(
      { sdb: ['sdb1'], sdc: ['sdc1'] },
      { nvme0n1: ['nvme0n1p1', 'nvme0n1p2'], sdd: [], sde: ['sde1'] },
      { 'KEYFERRY\\x20A': 'sdb1', SHARE2: 'sdd', EFI: 'nvme0n1p1' },
    );
  });

  it('reads removable flags of disks and partitions, and labels, from a /sys and /dev tree', async () => {
    const facts = await readLinuxBlockFacts(['sdb1', 'sdc1', 'sdd', 'nvme0n1p1', 'sde1', 'luks-1234'], tree);
    expect([...facts.removable].sort()).toEqual(['sdb1', 'sdc1']);
    expect(facts.labels.get('sdb1')).toBe('KEYFERRY A');
    expect(facts.labels.get('sdd')).toBe('SHARE2');
  });

  it('selects removable disks and anything under /media or /run/media, never the system disks', async () => {
    const mounts = parseProcMounts(PROC_MOUNTS);
    const facts = await readLinuxBlockFacts(['sdb1', 'sdc1', 'sdd', 'nvme0n1p1', 'nvme0n1p2', 'sde1'], tree);
    expect(selectRemovableMounts(mounts, facts)).toEqual([
      { label: 'KEYFERRY A', mountPoint: '/media/alice/KEYFERRY A', device: '/dev/sdb1' },
      { label: 'usb', mountPoint: '/mnt/usb', device: '/dev/sdc1' },
      { label: 'SHARE2', mountPoint: '/run/media/bob/SHARE2', device: '/dev/sdd' },
      { label: 'Encrypted', mountPoint: '/run/media/bob/Encrypted', device: '/dev/mapper/luks-1234' },
    ]);
  });
});
