/**
 * Reads one file of a bundle safely: never follows a link (O_NOFOLLOW where the system has it),
 * never blocks on a pipe (O_NONBLOCK), checks it is the very file that was scanned, and stops
 * reading one byte past the cap whatever lstat said. Plain descriptors, not FileHandle objects:
 * a bundle has hundreds of small files, and a FileHandle costs the main thread about twice the
 * CPU time per file of the same system calls on a descriptor.
 */
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { KeyferryError } from '../errors';
import type { ScannedFile } from './bundle-scan';

const { constants } = fs;
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
const open = promisify(fs.open);
const fstat = promisify(fs.fstat);
const close = promisify(fs.close);
const read = (fd: number, buffer: Buffer, offset: number, length: number) =>
  new Promise<number>((resolve, reject) => {
    fs.read(fd, buffer, offset, length, null, (error, bytesRead) => (error ? reject(error) : resolve(bytesRead)));
  });
function tooLarge(name: string, cap: number): KeyferryError {
  return new KeyferryError('BUNDLE_FILE_TOO_LARGE', { file: name, limit: cap });
}

async function openNoFollow(dir: string, name: string): Promise<number> {
  try {
    return await open(path.join(dir, name), READ_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') {
      throw new KeyferryError('BUNDLE_SYMLINK', { where: 'raced', name });
    }
    throw new KeyferryError('BUNDLE_UNREADABLE', { action: 'open', name, errno: code ?? 'error' });
  }
}

/**
 * Reads the open regular file `fd` to its end, at most `cap` bytes. The buffer has room for one byte
 * more than fstat said: a read that leaves it short having reached that size has met the end of the
 * file, so the usual file takes one read, not a second one that returns 0. A read short of that size
 * (failing media return what they copied before the error) is followed by another, which reports
 * the error or the end; a file that filled the buffer (it grew, or is past the cap) is read on.
 * Only the bytes read are returned, so the buffers need not be zeroed first.
 */
async function readCapped(fd: number, sizeHint: number, name: string, cap: number): Promise<Buffer> {
  let buffer = Buffer.allocUnsafe(Math.min(sizeHint, cap) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      // Full: the file is past the cap, or it grew beyond what stat said; grow up to cap + 1.
      if (length > cap) throw tooLarge(name, cap);
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, cap + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const wanted = buffer.length - length;
    const bytesRead = await read(fd, buffer, length, wanted);
    length += bytesRead;
    if (bytesRead === 0 || (bytesRead < wanted && length >= sizeHint)) break;
  }
  if (length > cap) throw tooLarge(name, cap);
  return buffer.subarray(0, length);
}

/** Reads `dir/name`, refusing anything but the scanned regular file of at most `cap` bytes. */
export async function readBundleFile(dir: string, name: string, scanned: ScannedFile, cap: number): Promise<Buffer> {
  if (scanned.size > cap) throw tooLarge(name, cap);
  const fd = await openNoFollow(dir, name);
  try {
    const stat = await fstat(fd);
    if (!stat.isFile()) throw new KeyferryError('BUNDLE_SPECIAL_FILE', { kind: 'notRegular', name });
    if (stat.dev !== scanned.dev || stat.ino !== scanned.ino) {
      throw new KeyferryError('BUNDLE_CHANGED_WHILE_READING', { file: name });
    }
    return await readCapped(fd, stat.size, name, cap);
  } catch (error) {
    if (error instanceof KeyferryError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new KeyferryError('BUNDLE_UNREADABLE', { action: 'read', name, errno: code ?? 'error' });
  } finally {
    await close(fd).catch(() => undefined);
  }
}
