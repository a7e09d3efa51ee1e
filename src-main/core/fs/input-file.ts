/**
 * The one way Keyferry reads a file someone hands it (from removable media, a share folder, the
 * command line or a dialog): the file itself, never a link to it (O_NOFOLLOW), a regular file
 * (checked on the opened handle, so it cannot be swapped between the check and the read, and a
 * FIFO cannot make the read hang), and at most `maxBytes` (a file that grows past the cap while it
 * is read is refused too). A refusal is INPUT_FILE_UNREADABLE, naming the file, what it was for
 * and why, in the catalogue's words.
 */
import { constants, promises as fs } from 'node:fs';
import { KeyferryError } from '../errors';

/** What the file was meant to be: the message names it. */
export type InputFileKind =
  'wrappingKey' | 'importToken' | 'material' | 'share' | 'typedShare' | 'plan' | 'journal' | 'caCertificates';

/** The cap for a file of a few kilobytes: key material, a wrapping key, an import token, a typed share. */
export const SMALL_INPUT_FILE_BYTES = 64 * 1024;

const CHUNK_BYTES = 1024 * 1024;

type Reason = 'missing' | 'link' | 'notAFile' | 'tooLarge' | 'denied' | 'other';

function refused(
  file: string,
  kind: InputFileKind,
  reason: Reason,
  extra: { size?: number; max?: number; errno?: string; cause?: unknown } = {},
): KeyferryError {
  return new KeyferryError(
    'INPUT_FILE_UNREADABLE',
    { file, kind, reason, size: extra.size ?? 0, max: extra.max ?? 0, errno: extra.errno ?? '' },
    extra.cause === undefined ? undefined : { cause: extra.cause },
  );
}

function reasonOf(code: string | undefined): Reason {
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
  if (code === 'ELOOP') return 'link';
  if (code === 'EACCES' || code === 'EPERM') return 'denied';
  if (code === 'EISDIR') return 'notAFile';
  return 'other';
}

/** Reads the regular file `file` (not a link) of at most `maxBytes` bytes. */
export async function readInputFile(file: string, kind: InputFileKind, maxBytes: number): Promise<Buffer> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code;
    throw refused(file, kind, reasonOf(errno), { errno: errno ?? 'error', cause: error });
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw refused(file, kind, 'notAFile');
    if (stat.size > maxBytes) throw refused(file, kind, 'tooLarge', { size: stat.size, max: maxBytes });
    // Read into one buffer of the size stat gave (and a byte more, to see the end), grown only if the
    // file grows: gathering 1 MB chunks and concatenating them copied a 4 MB journal on the main
    // thread, a stall of 20-35 ms at every step that reopens it.
    let buffer = Buffer.alloc(stat.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const bigger = Buffer.alloc(Math.min(buffer.length + CHUNK_BYTES, maxBytes + 1));
        buffer.copy(bigger);
        // The bytes may be key material the caller wipes after use: leave no second copy behind.
        buffer.fill(0);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw refused(file, kind, 'tooLarge', { size: length, max: maxBytes });
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof KeyferryError) throw error;
    const errno = (error as NodeJS.ErrnoException).code;
    throw refused(file, kind, reasonOf(errno), { errno: errno ?? 'error', cause: error });
  } finally {
    await handle.close();
  }
}
