/**
 * Facts about any folder a person picks: free space, writability and which volume it is on, so
 * that later steps can refuse custody shares that would land on the same volume.
 */
import { constants, promises as fs } from 'node:fs';
import { KeyferryError } from '../errors';

interface FolderInfo {
  readonly path: string;
  readonly freeBytes: number;
  readonly totalBytes: number;
  readonly writable: boolean;
  /** `st_dev` of the folder as a decimal string: equal ids mean the same volume. */
  readonly volumeId: string;
}

function unreadable(dir: string, error: unknown): KeyferryError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'error';
  return new KeyferryError('FOLDER_UNAVAILABLE', { dir, errno: code }, { cause: error });
}

/** The volume id (`st_dev`) of the volume holding `target`, as a decimal string. */
export async function volumeIdOf(target: string): Promise<string> {
  try {
    return String((await fs.stat(target, { bigint: true })).dev);
  } catch (error) {
    throw unreadable(target, error);
  }
}

/** True when the current user may create files in `dir` (false on read-only media). */
export async function isWritable(dir: string): Promise<boolean> {
  try {
    await fs.access(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Free and total bytes of the volume holding `dir`. */
export async function spaceOf(dir: string): Promise<{ freeBytes: number; totalBytes: number }> {
  const stats = await fs.statfs(dir);
  return { freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
}

/** Describes a folder the user picked; refuses a path that is not an existing folder. */
export async function describeFolder(dir: string): Promise<FolderInfo> {
  try {
    const stat = await fs.stat(dir, { bigint: true });
    if (!stat.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    const space = await spaceOf(dir);
    return { path: dir, ...space, writable: await isWritable(dir), volumeId: String(stat.dev) };
  } catch (error) {
    throw unreadable(dir, error);
  }
}
