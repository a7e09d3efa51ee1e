/** Removable media: which volumes are there, and facts about any folder a person picks. */
export type { RemovableVolume, VolumeCandidate } from './removable-volume';
export { listRemovableVolumes, type ListVolumesOptions } from './list-volumes';
export { describeFolder, volumeIdOf, isWritable, type FolderInfo } from './folder-info';
export {
  parseProcMounts,
  selectRemovableMounts,
  readLinuxBlockFacts,
  type MountEntry,
  type LinuxBlockFacts,
} from './linux-mounts';
export { parseGetVolumeJson, parseWmicCsv } from './windows-volumes';
