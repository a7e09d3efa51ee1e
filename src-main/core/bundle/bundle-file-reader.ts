/**
 * Reads one file of a bundle safely: never follows a link (O_NOFOLLOW where the system has it),
 * never blocks on a pipe (O_NONBLOCK), checks it is the very file that was scanned, and stops
 * reading one byte past the cap whatever lstat said.
 */
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { KeyferryError } from '../errors';
import { bundleRefused } from './bundle-problem';
import type { ScannedFile } from './bundle-scan';

const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
const RECONNECT = 'Reconnect the media and read the bundle again.';

function tooLarge(name: string, cap: number): KeyferryError {
  return bundleRefused('BUNDLE_FILE_TOO_LARGE', `${name} is larger than the ${cap}-byte limit for bundle files.`);
}

async function openNoFollow(dir: string, name: string): Promise<fs.FileHandle> {
  try {
    return await fs.open(path.join(dir, name), READ_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') {
      throw bundleRefused('BUNDLE_SYMLINK', `${name} became a symbolic link while the bundle was read.`);
    }
    throw bundleRefused(
      'BUNDLE_UNREADABLE',
      `Could not open ${name} (${code ?? 'error'}): the media may have been removed.`,
      RECONNECT,
    );
  }
}

async function readCapped(handle: fs.FileHandle, sizeHint: number, name: string, cap: number): Promise<Buffer> {
  let buffer = Buffer.alloc(Math.min(sizeHint, cap) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      // Full: the file is past the cap, or it grew beyond what stat said; grow up to cap + 1.
      if (length > cap) throw tooLarge(name, cap);
      const bigger = Buffer.alloc(Math.min(buffer.length * 2, cap + 1));
      buffer.copy(bigger);
      buffer = bigger;
    }
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  if (length > cap) throw tooLarge(name, cap);
  return buffer.subarray(0, length);
}

/** Reads `dir/name`, refusing anything but the scanned regular file of at most `cap` bytes. */
export async function readBundleFile(dir: string, name: string, scanned: ScannedFile, cap: number): Promise<Buffer> {
  if (scanned.size > cap) throw tooLarge(name, cap);
  const handle = await openNoFollow(dir, name);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw bundleRefused('BUNDLE_SPECIAL_FILE', `${name} is not a regular file.`);
    if (stat.dev !== scanned.dev || stat.ino !== scanned.ino) {
      throw bundleRefused(
        'BUNDLE_CHANGED_WHILE_READING',
        `${name} was replaced while the bundle was read.`,
        'Make sure nothing else is writing to the media, then read it again.',
      );
    }
    return await readCapped(handle, stat.size, name, cap);
  } catch (error) {
    if (error instanceof KeyferryError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw bundleRefused(
      'BUNDLE_UNREADABLE',
      `Could not read ${name} (${code ?? 'error'}): the media may have been removed.`,
      RECONNECT,
    );
  } finally {
    await handle.close().catch(() => undefined);
  }
}
