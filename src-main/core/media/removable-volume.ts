/** What Keyferry shows about a place a bundle or custody share could be written to. */
export interface RemovableVolume {
  /** The volume label, or the mount folder's name when the volume has none. */
  readonly label: string;
  readonly mountPoint: string;
  readonly freeBytes: number;
  readonly totalBytes: number;
  /** The current user can create files there (false for read-only media). */
  readonly writable: boolean;
  /** e.g. /dev/sdb1 or E: when known. */
  readonly device?: string;
  /** `st_dev` of the mount point: two folders with the same id are on the same volume. */
  readonly volumeId?: string;
}

/** A mounted volume found by a platform's lister, before its space and access are measured. */
export interface VolumeCandidate {
  readonly label: string;
  readonly mountPoint: string;
  readonly device?: string;
}
