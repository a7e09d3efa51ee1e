/**
 * Writing each custodian's share to their own media. Two shares on one volume would let one lost
 * drive carry two shares, so that is refused before anything is written. Every file goes through
 * writeFileExclusive; if any write fails, the files this call wrote are removed again.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { KeyferryError } from '../errors';
import { nodeFileLayer, writeFileExclusive, type FileLayer, type WrittenFile } from '../fs/durable-file';
import { volumeIdOf as mediaVolumeIdOf } from '../media/folder-info';
import type { CustodyShare } from './custody-share';
import { encodeShareFile, shareFileName } from './share-file';

/** Identifies the volume (file system) a folder lives on. */
export type VolumeIdOf = (folder: string) => Promise<string | number | bigint> | string | number | bigint;

/** A file written beside a share (e.g. its printable slip). */
export interface CompanionFile {
  readonly name: string;
  readonly data: string | Uint8Array;
}

export interface WriteSharesOptions {
  /** Defaults to the media layer's `volumeIdOf` (the folder's device number, `st_dev`). */
  readonly volumeIdOf?: VolumeIdOf;
  readonly layer?: FileLayer;
  /** Extra files to write into each share's folder after the share file. */
  readonly companions?: (share: CustodyShare) => readonly CompanionFile[];
}

export interface WrittenShare {
  readonly index: number;
  readonly custodian: string;
  readonly shareFile: WrittenFile;
  readonly companions: readonly WrittenFile[];
}

function refuse(code: string, message: string, nextStep: string): never {
  throw new KeyferryError(code, message, nextStep);
}

async function checkFolder(folder: string, index: number): Promise<void> {
  const stat = await fs.stat(folder).catch(() => undefined);
  if (!stat?.isDirectory())
    refuse(
      'CUSTODY_DESTINATION_MISSING',
      `The destination for share ${index} (${folder}) is not an existing folder.`,
      "Insert the custodian's media and choose a folder on it.",
    );
}

async function checkAbsent(file: string): Promise<void> {
  const exists = await fs.lstat(file).then(
    () => true,
    () => false,
  );
  if (exists)
    refuse(
      'CUSTODY_FILE_EXISTS',
      `${file} already exists; Keyferry never overwrites.`,
      'Choose an empty folder, or move the old file away first.',
    );
}

/** What goes into one custodian's folder: their share file first, then its companions. */
export interface CustodianFiles {
  readonly index: number;
  readonly custodian: string;
  readonly files: readonly CompanionFile[];
}

/**
 * Writes share i (in the order given) into destinations[i], one folder per custodian, with its
 * companion files. Refuses before writing anything when two destinations share a volume, a
 * destination is missing, or any target file already exists.
 */
export async function writeShareFiles(
  shares: readonly CustodyShare[],
  destinations: readonly string[],
  options: WriteSharesOptions = {},
): Promise<WrittenShare[]> {
  return writeCustodianFolders(
    shares.map((share) => ({
      index: share.index,
      custodian: share.custodian,
      files: [{ name: shareFileName(share), data: encodeShareFile(share) }, ...(options.companions?.(share) ?? [])],
    })),
    destinations,
    options,
  );
}

/**
 * Writes custodian i's files into destinations[i]. Refuses before writing anything when two
 * destinations share a volume, a destination is missing, or any target file already exists;
 * if a write fails, every file this call wrote is removed again (nothing half-written stays).
 */
export async function writeCustodianFolders(
  custodians: readonly CustodianFiles[],
  destinations: readonly string[],
  options: Pick<WriteSharesOptions, 'volumeIdOf' | 'layer'> = {},
): Promise<WrittenShare[]> {
  if (custodians.length !== destinations.length) {
    refuse(
      'CUSTODY_DESTINATIONS_COUNT',
      `${destinations.length} destinations were given for ${custodians.length} shares.`,
      "Give exactly one destination folder per share, each on a different custodian's media.",
    );
  }
  const volumeIdOf = options.volumeIdOf ?? mediaVolumeIdOf;
  const volumes = new Map<string, number>();
  const plan: { share: CustodianFiles; files: { file: string; data: string | Uint8Array }[] }[] = [];
  for (const [i, share] of custodians.entries()) {
    const folder = path.resolve(destinations[i] as string);
    await checkFolder(folder, share.index);
    const volume = String(await volumeIdOf(folder));
    const other = volumes.get(volume);
    if (other !== undefined) {
      refuse(
        'CUSTODY_SAME_VOLUME',
        `The destinations for shares ${other} and ${share.index} (${destinations[custodians.findIndex((s) => s.index === other)]} and ${destinations[i]}) are on the same volume: one lost or copied drive would carry two shares.`,
        "Give each custodian's share its own removable media.",
      );
    }
    volumes.set(volume, share.index);
    const files = share.files.map((c) => ({ file: path.join(folder, c.name), data: c.data }));
    for (const { file } of files) await checkAbsent(file);
    plan.push({ share, files });
  }
  const written: WrittenFile[] = [];
  const result: WrittenShare[] = [];
  try {
    for (const { share, files } of plan) {
      const done: WrittenFile[] = [];
      for (const { file, data } of files) {
        const out = await writeFileExclusive(file, data, { layer: options.layer ?? nodeFileLayer });
        written.push(out);
        done.push(out);
      }
      result.push({
        index: share.index,
        custodian: share.custodian,
        shareFile: done[0] as WrittenFile,
        companions: done.slice(1),
      });
    }
  } catch (error) {
    const leftovers: string[] = [];
    for (const w of written) await fs.rm(w.path).catch(() => leftovers.push(w.path));
    const problem = error instanceof KeyferryError ? error : undefined;
    const cleanup =
      leftovers.length === 0
        ? `The ${written.length} file(s) this split had already written were removed again.`
        : `Could not remove ${leftovers.join(', ')}: delete by hand, that split is incomplete.`;
    throw new KeyferryError(
      problem?.code ?? 'WRITE_FAILED',
      `${problem?.message ?? 'Writing the shares failed.'} ${cleanup}`,
      'Fix the media, then run the split again (it makes fresh shares; never mix shares of two splits).',
      { cause: error },
    );
  }
  return result;
}
