/**
 * Writing each custodian's share to their own media. Two shares on one volume would let one lost
 * drive carry two shares, so that is refused before anything is written. Every file goes through
 * writeFileExclusive; if any write fails, the files this call wrote are removed again.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { causeValues, KeyferryError } from '../errors';
import {
  failureOfChangedFolder,
  noteFolders,
  recordingLayer,
  refuseMovedFolders,
  removeCreatedEntries,
  type CreatedRecord,
} from '../fs/created-entries';
import { nodeFileLayer, writeFileExclusive, type FileLayer, type WrittenFile } from '../fs/durable-file';
import { volumeIdOf as mediaVolumeIdOf } from '../media/folder-info';
import { refuseSameCustodianFolder } from '../media/custodian-volumes';
import type { CustodyShare } from './custody-share';
import { encodeShareFile, shareFileName } from './share-file';
import { pathExists } from '../fs/path-exists';
import { listValue } from '../../i18n/list';

/** Identifies the volume (file system) a folder lives on. */
export type VolumeIdOf = (folder: string) => Promise<string | number | bigint> | string | number | bigint;

/** A file written beside a share (e.g. its printable slip). */
interface CompanionFile {
  readonly name: string;
  readonly data: string | Uint8Array;
}

interface WriteSharesOptions extends Pick<CustodianWriteControl, 'inCeremony'> {
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

/**
 * Refuses (CUSTODY_DESTINATION_MISSING) a custodian destination that is not an existing folder: a
 * file there, a folder not made yet on a mounted stick (its parent is there), or its stick not mounted.
 */
export async function requireDestinationFolder(folder: string, index: number): Promise<void> {
  const stat = await fs.stat(folder).catch(() => undefined);
  if (stat?.isDirectory()) return;
  const parent = path.dirname(path.resolve(folder));
  const parentIsFolder = (await fs.stat(parent).catch(() => undefined))?.isDirectory() === true;
  const found = stat ? 'file' : parentIsFolder ? 'parent' : 'nothing';
  throw new KeyferryError('CUSTODY_DESTINATION_MISSING', { index, folder, found, parent });
}

async function checkAbsent(file: string): Promise<void> {
  const exists = await pathExists(file);
  if (exists) throw new KeyferryError('CUSTODY_FILE_EXISTS', { file });
}

/** What goes into one custodian's folder: their share file first, then its companions. */
interface CustodianFiles {
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

/** How a caller that may be stopped (Ctrl-C) follows and ends the writing of custodian folders. */
export interface CustodianWriteControl {
  /** Aborted by a stop: no further file is started, and the files written so far are removed again. */
  readonly signal?: AbortSignal;
  /** Receives each file as it is created, with what it was (what a stop withdraws: withdraw-custody.ts). */
  readonly created?: CreatedRecord;
  /** Runs after each custodian's folder is complete. */
  readonly afterCustodian?: (written: WrittenShare) => Promise<void>;
  /** The air-gapped ceremony writes them (`airgap wrap`), not `custody split`: a failure's next step says which command to run again. */
  readonly inCeremony?: boolean;
}

/**
 * Writes custodian i's files into destinations[i]. Refuses before writing anything when two
 * destinations share a volume, a destination is missing, or any target file already exists;
 * before and after each custodian's files, every folder must still be the one checked (device and
 * inode: OUTPUT_FOLDER_CHANGED); if a write fails (or `control.signal` stops it), every file this
 * call wrote is removed again (nothing half-written stays).
 */
export async function writeCustodianFolders(
  custodians: readonly CustodianFiles[],
  destinations: readonly string[],
  options: Pick<WriteSharesOptions, 'volumeIdOf' | 'layer'> & CustodianWriteControl = {},
): Promise<WrittenShare[]> {
  if (custodians.length !== destinations.length) {
    throw new KeyferryError('CUSTODY_DESTINATIONS_COUNT', {
      destinations: destinations.length,
      shares: custodians.length,
    });
  }
  const volumeIdOf = options.volumeIdOf ?? mediaVolumeIdOf;
  // One folder twice is said as such (a rehearsal's override counts each folder a volume of its own).
  refuseSameCustodianFolder(custodians.map((c, i) => ({ index: c.index, folder: destinations[i] ?? '' })));
  const volumes = new Map<string, number>();
  const plan: { share: CustodianFiles; folder: string; files: { file: string; data: string | Uint8Array }[] }[] = [];
  for (const [i, share] of custodians.entries()) {
    const folder = path.resolve(destinations[i] as string);
    await requireDestinationFolder(folder, share.index);
    const volume = String(await volumeIdOf(folder));
    const other = volumes.get(volume);
    if (other !== undefined) {
      throw new KeyferryError('CUSTODY_SAME_VOLUME', {
        first: other,
        second: share.index,
        firstFolder: destinations[custodians.findIndex((s) => s.index === other)] ?? '',
        secondFolder: destinations[i] ?? '',
      });
    }
    volumes.set(volume, share.index);
    const files = share.files.map((c) => ({ file: path.join(folder, c.name), data: c.data }));
    for (const { file } of files) await checkAbsent(file);
    plan.push({ share, folder, files });
  }
  const { layer, created } = recordingLayer(options.layer ?? nodeFileLayer, options.signal, options.created);
  // Each folder as it was checked: a stick taken out (or unmounted) after an earlier custodian's
  // files went in leaves its mount point, on the workstation's disk, at the same path.
  noteFolders(
    created,
    plan.map((p) => p.folder),
  );
  const first = created.files.length;
  const result: WrittenShare[] = [];
  // The custodian whose medium is being written: a failure names it, so the officer knows which stick to fix.
  const nowhere = { at: 'none', atIndex: 0, atCustodian: '', atFolder: '' };
  let writing = nowhere;
  try {
    for (const { share, folder, files } of plan) {
      await refuseMovedFolders(created);
      writing = { at: 'custodian', atIndex: share.index, atCustodian: share.custodian, atFolder: folder };
      const done: WrittenFile[] = [];
      for (const { file, data } of files) done.push(await writeFileExclusive(file, data, { layer }));
      // Every file of this custodian went into the folder named, not into one moved there meanwhile.
      await refuseMovedFolders(created);
      writing = nowhere;
      result.push({
        index: share.index,
        custodian: share.custodian,
        shareFile: done[0] as WrittenFile,
        companions: done.slice(1),
      });
      await options.afterCustodian?.(result.at(-1) as WrittenShare);
    }
  } catch (caught) {
    const error = await failureOfChangedFolder(caught, created);
    // Only the files this call wrote: folders and files of the caller's record stay the caller's.
    const removed = await removeCreatedEntries({ ...created, files: created.files.slice(first), createdFolders: [] });
    const failure =
      error instanceof KeyferryError ? { reason: 'refused', ...causeValues(error) } : { reason: 'unknown', cause: '' };
    throw new KeyferryError(
      'CUSTODY_SHARES_WRITE_FAILED',
      {
        ...failure,
        ...writing,
        removed: removed.removedFiles,
        left: removed.leftFiles.length,
        leftoversList: listValue(removed.leftFiles),
        moved: removed.movedFiles.length,
        movedList: listValue(removed.movedFiles),
        command: options.inCeremony ? 'wrap' : 'split',
      },
      { cause: error },
    );
  }
  return result;
}
