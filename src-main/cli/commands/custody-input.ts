/**
 * What the custody commands share: reading the
 * shares a restore is given (share files and typed slips), wiping every share read so far when
 * one cannot be read.
 */
import path from 'node:path';
import type { CustodyShare } from '../../core/custody/custody-share';
import type { SetShare } from '../../core/custody/set-share';
import { readAnyShareFile } from '../../core/custody/share-file';
import { parseTypedAnyShare } from '../../core/custody/typed-share';
import { causeValues, KeyferryError } from '../../core/errors';
import { readInputFile, SMALL_INPUT_FILE_BYTES } from '../../core/fs/input-file';

function inFile(file: string, error: unknown): unknown {
  if (!(error instanceof KeyferryError)) return error;
  return new KeyferryError(
    'SHARE_FILE_REFUSED',
    { file: path.basename(file), ...causeValues(error) },
    { cause: error },
  );
}

/** A share as read for a restore, with where it came from. */
export interface ReadShare {
  /** A per-key share (format 1) or a share of a ceremony custody set (format 2). */
  readonly share: CustodyShare | SetShare;
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
      shares.push({ share: await readAnyShareFile(full), source: 'file', file: full });
    }
    for (const file of typedFiles) {
      const full = path.resolve(cwd, file);
      const bytes = await readInputFile(full, 'typedShare', SMALL_INPUT_FILE_BYTES);
      try {
        shares.push({ share: parseTypedAnyShare(bytes.toString('utf8')), source: 'typed', file: full });
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
