/**
 * Reads one file of a bundle safely: never follows a link (O_NOFOLLOW where the system has it),
 * never blocks on a pipe (O_NONBLOCK), checks it is the very file that was scanned, and stops
 * reading one byte past the cap whatever lstat said.
 *
 * Synchronous calls, each a few microseconds for a bundle's small files, a step at a time: the
 * reader (read-bundle.ts) runs the steps in slices, so the event loop turns between files and
 * between the 64 KiB chunks of a large one (a manifest may be 1 MiB, and slow media take tens of
 * milliseconds for that). Through libuv's thread pool each call cost the main thread 12-40 µs of
 * CPU (the hand-over to a pool thread and back), four calls a file, for a bundle of hundreds of
 * files: most of the air-gapped side's time beyond its fsyncs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { KeyferryError } from '../errors';
import { bundleUnreadable } from './bundle-problem';
import type { ScannedFile } from './bundle-scan';

const { constants } = fs;
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
/** The most one read asks for; a step ends after each. */
const CHUNK_BYTES = 64 * 1024;

function tooLarge(name: string, cap: number): KeyferryError {
  return new KeyferryError('BUNDLE_FILE_TOO_LARGE', { file: name, limit: cap });
}

function openNoFollow(dir: string, name: string): number {
  try {
    return fs.openSync(path.join(dir, name), READ_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') {
      throw new KeyferryError('BUNDLE_SYMLINK', { where: 'raced', name });
    }
    throw bundleUnreadable('open', name, error);
  }
}

/**
 * Reads the open regular file `fd` to its end, at most `cap` bytes, a chunk per step. The buffer has
 * room for one byte more than fstat said: a read that comes back short having reached that size
 * has met the end of the file, so the usual file takes one read, not a second one that returns 0.
 * A read short of that size (failing media return what they copied before the error) is followed
 * by another, which reports the error or the end; a file that filled the buffer (it grew, or is
 * past the cap) is read on. Only the bytes read are returned, so the buffers need not be zeroed.
 */
function* readCappedSteps(fd: number, sizeHint: number, name: string, cap: number): Generator<void, Buffer> {
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
    const wanted = Math.min(buffer.length - length, CHUNK_BYTES);
    const bytesRead = fs.readSync(fd, buffer, length, wanted, null);
    length += bytesRead;
    if (bytesRead === 0 || (bytesRead < wanted && length >= sizeHint)) break;
    yield;
  }
  if (length > cap) throw tooLarge(name, cap);
  return buffer.subarray(0, length);
}

/**
 * Reads `dir/name`, refusing anything but the scanned regular file of at most `cap` bytes; a step
 * per chunk read (run with stepsInSlices, or stepsAtOnce).
 */
export function* readBundleFileSteps(
  dir: string,
  name: string,
  scanned: ScannedFile,
  cap: number,
): Generator<void, Buffer> {
  if (scanned.size > cap) throw tooLarge(name, cap);
  const fd = openNoFollow(dir, name);
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new KeyferryError('BUNDLE_SPECIAL_FILE', { kind: 'notRegular', name });
    if (stat.dev !== scanned.dev || stat.ino !== scanned.ino) {
      throw new KeyferryError('BUNDLE_CHANGED_WHILE_READING', { file: name });
    }
    return yield* readCappedSteps(fd, stat.size, name, cap);
  } catch (error) {
    if (error instanceof KeyferryError) throw error;
    throw bundleUnreadable('read', name, error);
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // A descriptor that will not close has nothing more to give; what was read stands or fell above.
    }
  }
}
