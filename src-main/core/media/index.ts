/** Removable media: which volumes are there, and facts about any folder a person picks. */
export type { RemovableVolume } from './removable-volume';
export { listRemovableVolumes } from './list-volumes';
export { describeFolder, volumeIdOf } from './folder-info';
export { parseProcMounts, selectRemovableMounts, readLinuxBlockFacts } from './linux-mounts';
export { parseGetVolumeJson, parseWmicCsv } from './windows-volumes';
