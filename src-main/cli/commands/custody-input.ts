/**
 * What the custody commands share: argument errors, size-capped input files, and reading the
 * shares a restore is given (share files and typed slips), wiping every share read so far when
 * one cannot be read.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CustodyShare } from '../../core/custody/custody-share';
import { readShareFile } from '../../core/custody/share-file';
import { parseTypedShare } from '../../core/custody/typed-share';
import { KeyferryError } from '../../core/errors';

const MAX_INPUT_FILE = 64 * 1024;

/** A CLI_BAD_ARGUMENTS error pointing at `keyferry <command> --help`. */
export function badArguments(command: string, message: string): KeyferryError {
  return new KeyferryError('CLI_BAD_ARGUMENTS', message, `Run "keyferry ${command} --help" for the usage.`);
}

/** Reads a small input file (material, typed share); refuses a missing, non-regular or oversized file. */
export async function readInputFile(file: string, what: string): Promise<Buffer> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw badArguments('custody', `The ${what} ${file} is not a file.`);
    if (stat.size > MAX_INPUT_FILE)
      throw badArguments('custody', `The ${what} ${file} is ${stat.size} bytes; it is at most a few kilobytes.`);
    return await fs.readFile(file);
  } catch (error) {
    if (error instanceof KeyferryError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new KeyferryError(
      'CLI_FILE_UNREADABLE',
      `Could not read the ${what} ${file}${code === 'ENOENT' ? ': no such file' : ` (${code ?? 'error'})`}.`,
      'Check the path and that the media is mounted.',
    );
  }
}

function inFile(file: string, error: unknown): unknown {
  if (!(error instanceof KeyferryError)) return error;
  return new KeyferryError(error.code, `${path.basename(file)}: ${error.message}`, error.nextStep, { cause: error });
}

/** A share as read for a restore, with where it came from. */
export interface ReadShare {
  readonly share: CustodyShare;
  readonly source: 'file' | 'typed';
  readonly file: string;
}

/**
 * Reads every share file, then every typed slip (a text file each). The caller owns the shares;
 * if any cannot be read, the ones read so far are wiped and the error names the file.
 */
export async function readShares(
  shareFiles: readonly string[],
  typedFiles: readonly string[],
  cwd: string,
): Promise<ReadShare[]> {
  const shares: ReadShare[] = [];
  try {
    for (const file of shareFiles) {
      const full = path.resolve(cwd, file);
      shares.push({ share: await readShareFile(full), source: 'file', file: full });
    }
    for (const file of typedFiles) {
      const full = path.resolve(cwd, file);
      const bytes = await readInputFile(full, 'typed share file');
      try {
        shares.push({ share: parseTypedShare(bytes.toString('utf8')), source: 'typed', file: full });
      } catch (error) {
        throw inFile(file, error);
      } finally {
        bytes.fill(0);
      }
    }
    return shares;
  } catch (error) {
    for (const s of shares) s.share.share.dispose();
    throw error;
  }
}
