/**
 * Removable volumes on Linux, from /proc/mounts and /sys: a mount counts when its disk says
 * `removable` = 1, or when it is mounted under /media or /run/media (USB disks that do not say so).
 * The parsing is pure; the /sys and /dev readers take their roots so tests use a fake tree.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { VolumeCandidate } from './removable-volume';

interface MountEntry {
  readonly device: string;
  readonly mountPoint: string;
  readonly fsType: string;
  readonly options: readonly string[];
}

/** /proc/mounts escapes space, tab, newline and backslash as octal (`\040`). */
function unescapeMountField(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_m, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

/** Parses the text of /proc/mounts (or /proc/self/mounts); malformed lines are skipped. */
export function parseProcMounts(text: string): MountEntry[] {
  const entries: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 4) continue;
    const [device, mountPoint, fsType, options] = fields as [string, string, string, string];
    entries.push({
      device: unescapeMountField(device),
      mountPoint: unescapeMountField(mountPoint),
      fsType,
      options: options.split(','),
    });
  }
  return entries;
}

interface LinuxBlockFacts {
  /** Device base names (disks and their partitions) whose disk reports removable = 1. */
  readonly removable: ReadonlySet<string>;
  /** Device base name → volume label (from /dev/disk/by-label). */
  readonly labels: ReadonlyMap<string, string>;
}

const MEDIA_ROOTS = ['/media/', '/run/media/'];

/** Picks the removable mounts among `mounts`: pure, so it is tested with fixture text. */
export function selectRemovableMounts(
  mounts: readonly MountEntry[],
  facts: LinuxBlockFacts,
  mediaRoots = MEDIA_ROOTS,
): VolumeCandidate[] {
  const seen = new Set<string>();
  const picked: VolumeCandidate[] = [];
  for (const mount of mounts) {
    if (mount.mountPoint === '/' || seen.has(mount.mountPoint)) continue;
    const deviceName = mount.device.startsWith('/dev/') ? path.posix.basename(mount.device) : undefined;
    const underMedia = mediaRoots.some((root) => mount.mountPoint.startsWith(root));
    const removableDisk = deviceName !== undefined && facts.removable.has(deviceName);
    if (!underMedia && !removableDisk) continue;
    seen.add(mount.mountPoint);
    picked.push({
      label: (deviceName && facts.labels.get(deviceName)) || path.posix.basename(mount.mountPoint),
      mountPoint: mount.mountPoint,
      ...(mount.device.startsWith('/dev/') ? { device: mount.device } : {}),
    });
  }
  return picked;
}

async function readTrimmed(file: string): Promise<string | undefined> {
  return fs.readFile(file, 'utf8').then(
    (t) => t.trim(),
    () => undefined,
  );
}

/** The disk a block device belongs to: itself (`/sys/block/sdb`) or its parent (`/sys/block/sdb/sdb1`). */
async function diskOf(sysRoot: string, name: string, disks: readonly string[]): Promise<string | undefined> {
  if (disks.includes(name)) return name;
  for (const disk of disks) {
    if (
      await fs.stat(path.join(sysRoot, 'block', disk, name)).then(
        () => true,
        () => false,
      )
    )
      return disk;
  }
  return undefined;
}

/** `/dev/disk/by-label` names escape odd characters as `\xHH`. */
function unescapeLabel(name: string): string {
  return name.replace(/\\x([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Reads removable flags from `<sysRoot>/block` and labels from `<devRoot>/disk/by-label` for the given devices. */
export async function readLinuxBlockFacts(
  deviceNames: readonly string[],
  roots: { sysRoot?: string; devRoot?: string } = {},
): Promise<LinuxBlockFacts> {
  const sysRoot = roots.sysRoot ?? '/sys';
  const devRoot = roots.devRoot ?? '/dev';
  const disks = await fs.readdir(path.join(sysRoot, 'block')).catch(() => [] as string[]);
  const removable = new Set<string>();
  for (const name of deviceNames) {
    const disk = await diskOf(sysRoot, name, disks);
    if (disk && (await readTrimmed(path.join(sysRoot, 'block', disk, 'removable'))) === '1') removable.add(name);
  }
  const labels = new Map<string, string>();
  const labelDir = path.join(devRoot, 'disk', 'by-label');
  for (const entry of await fs.readdir(labelDir).catch(() => [] as string[])) {
    const target = await fs.readlink(path.join(labelDir, entry)).catch(() => undefined);
    if (target) labels.set(path.posix.basename(target), unescapeLabel(entry));
  }
  return { removable, labels };
}

/** Removable volume candidates on this Linux machine (roots injectable for tests). */
export async function linuxVolumeCandidates(
  roots: { procMounts?: string; sysRoot?: string; devRoot?: string } = {},
): Promise<VolumeCandidate[]> {
  const text = await fs.readFile(roots.procMounts ?? '/proc/mounts', 'utf8').catch(() => '');
  const mounts = parseProcMounts(text);
  const devices = [
    ...new Set(mounts.filter((m) => m.device.startsWith('/dev/')).map((m) => path.posix.basename(m.device))),
  ];
  return selectRemovableMounts(mounts, await readLinuxBlockFacts(devices, roots));
}
