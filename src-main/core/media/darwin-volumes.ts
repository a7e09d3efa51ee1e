/** Removable volume candidates on macOS: the entries of /Volumes other than the boot volume. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { VolumeCandidate } from './removable-volume';

/** /Volumes entries that are never user media. */
const SYSTEM_ENTRIES = new Set([
  'com.apple.TimeMachine.localsnapshots',
  '.timemachine',
  'Recovery',
  'Preboot',
  'VM',
  'Update',
]);

/**
 * Lists `<volumesRoot>` (default /Volumes), skipping the boot volume (a link to / or a folder on
 * the same device as `bootRoot`) and system entries.
 */
export async function darwinVolumeCandidates(volumesRoot = '/Volumes', bootRoot = '/'): Promise<VolumeCandidate[]> {
  const bootDev = (await fs.stat(bootRoot, { bigint: true })).dev;
  const names = await fs.readdir(volumesRoot).catch(() => [] as string[]);
  const picked: VolumeCandidate[] = [];
  for (const name of names.sort()) {
    if (name.startsWith('.') || SYSTEM_ENTRIES.has(name)) continue;
    const mountPoint = path.join(volumesRoot, name);
    const link = await fs.lstat(mountPoint).then(
      (s) => s.isSymbolicLink(),
      () => true,
    );
    if (link) continue;
    const stat = await fs.stat(mountPoint, { bigint: true }).catch(() => undefined);
    if (!stat?.isDirectory() || stat.dev === bootDev) continue;
    picked.push({ label: name, mountPoint });
  }
  return picked;
}
