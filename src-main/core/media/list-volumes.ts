/** Lists removable volumes on this machine with their free space, writability and volume id. */
import { promises as fs } from 'node:fs';
import { darwinVolumeCandidates } from './darwin-volumes';
import { isWritable, spaceOf } from './folder-info';
import { linuxVolumeCandidates } from './linux-mounts';
import type { RemovableVolume, VolumeCandidate } from './removable-volume';
import { windowsVolumeCandidates } from './windows-volumes';

interface ListVolumesOptions {
  readonly platform?: NodeJS.Platform;
  /** Linux test roots: /proc/mounts file, /sys and /dev folders. */
  readonly linuxRoots?: { procMounts?: string; sysRoot?: string; devRoot?: string };
  /** macOS test roots. */
  readonly darwinRoots?: { volumesRoot?: string; bootRoot?: string };
}

async function candidatesFor(options: ListVolumesOptions): Promise<VolumeCandidate[]> {
  switch (options.platform ?? process.platform) {
    case 'linux':
      return linuxVolumeCandidates(options.linuxRoots);
    case 'darwin':
      return darwinVolumeCandidates(options.darwinRoots?.volumesRoot, options.darwinRoots?.bootRoot);
    case 'win32':
      return windowsVolumeCandidates();
    default:
      return [];
  }
}

/** Measures a candidate; a volume that vanished meanwhile is left out. */
async function measure(candidate: VolumeCandidate): Promise<RemovableVolume | undefined> {
  try {
    const [space, stat, writable] = await Promise.all([
      spaceOf(candidate.mountPoint),
      fs.stat(candidate.mountPoint, { bigint: true }),
      isWritable(candidate.mountPoint),
    ]);
    return { ...candidate, ...space, writable, volumeId: String(stat.dev) };
  } catch {
    return undefined;
  }
}

/**
 * Removable volumes now mounted (Linux: removable disks and anything under /media or /run/media;
 * macOS: /Volumes but the boot volume; Windows: removable drive letters). Never throws: a
 * platform it cannot query gives an empty list, and the user picks a folder by hand.
 */
export async function listRemovableVolumes(options: ListVolumesOptions = {}): Promise<RemovableVolume[]> {
  const candidates = await candidatesFor(options).catch(() => [] as VolumeCandidate[]);
  const measured = await Promise.all(candidates.map(measure));
  return measured.filter((v): v is RemovableVolume => v !== undefined);
}
