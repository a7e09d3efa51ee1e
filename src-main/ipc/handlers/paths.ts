/**
 * Paths that arrive from the renderer (typed, or picked in a dialog) are untrusted strings. The
 * contract already refused relative paths and control characters; here each one is resolved and
 * checked for what the step needs: an existing folder, a fresh folder inside one, a full path of
 * a file to read. Every refusal says which path and what to do.
 */
import path from 'node:path';
import { KeyferryError } from '../../core/errors';
import { readInputFile, type InputFileKind } from '../../core/fs/input-file';
import { describeFolder } from '../../core/media';
import { pathExists } from '../../core/fs/path-exists';

/** What a path handed in is for, as refusals name it (`problem.PATH_NOT_ABSOLUTE`'s `what`). */
type PathRole =
  | 'ceremonyFolder'
  | 'parametersBundle'
  | 'parametersTarget'
  | 'materialFile'
  | 'airGapJournal'
  | 'receiptPdf'
  | 'shareFile'
  | 'backupFile'
  | 'planFile'
  | 'file';

function absolute(text: string, what: PathRole): string {
  if (!path.isAbsolute(text)) {
    throw new KeyferryError('PATH_NOT_ABSOLUTE', { what, path: text.slice(0, 200) });
  }
  return path.resolve(text);
}

/** An existing folder (following no tricks: it must be a folder when stat'ed). */
export async function existingFolder(text: string, what: PathRole): Promise<string> {
  const dir = absolute(text, what);
  await describeFolder(dir);
  return dir;
}

/** An existing folder the user can write to. */
export async function writableFolder(text: string, what: PathRole): Promise<string> {
  const dir = absolute(text, what);
  const info = await describeFolder(dir);
  if (!info.writable) {
    throw new KeyferryError('FOLDER_READ_ONLY', { dir });
  }
  return dir;
}

/** The first of `baseName`, `baseName-2` … `baseName-99` inside `dir` that does not exist yet. */
export async function firstFreeName(dir: string, baseName: string): Promise<string | undefined> {
  for (let i = 1; i <= 99; i++) {
    const candidate = path.join(dir, i === 1 ? baseName : `${baseName}-${i}`);
    const exists = await pathExists(candidate);
    if (!exists) return candidate;
  }
  return undefined;
}

/**
 * The path of a folder named `baseName` inside the writable folder `parent` that does not exist
 * yet (`baseName`, then `baseName-2`, `-3`, …). The bundle writer creates it exclusively, so a
 * folder left over from a failed attempt is never reused or taken as done.
 */
export async function freshFolderInside(parent: string, baseName: string, what: PathRole): Promise<string> {
  const dir = await writableFolder(parent, what);
  const free = await firstFreeName(dir, baseName);
  if (free !== undefined) return free;
  throw new KeyferryError('FOLDER_CROWDED', { dir, name: baseName });
}

/** The full path of a file to read; the reader (core/fs/input-file.ts) checks the file itself. */
export function inputFilePath(text: string, what: PathRole): string {
  return absolute(text, what);
}

/** Reads a small regular file named by the renderer (see core/fs/input-file.ts). */
export async function readSmallFile(text: string, kind: InputFileKind, maxBytes: number): Promise<Buffer> {
  return readInputFile(absolute(text, 'file'), kind, maxBytes);
}
