/**
 * Preflight of the places a ceremony will write to, run before any key material exists (DESIGN
 * rule 9): every folder exists or can be created new, is empty when it must be, really accepts a
 * file (a probe file is created, fsynced and removed: read-only media, a full disk or a missing
 * permission show up here, not after the material was generated), sits on the right volume
 * (custodians each on their own, none on the workstation's nor on the volume the wrapped bundle
 * travels on), and has room for what will be written.
 */
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { KeyferryError } from '../errors';
import { listValue } from '../../i18n/list';
import { fsyncDirectory, nodeFileLayer, type FileLayer } from '../fs/durable-file';
import { refuseOutputThroughLink, type OutputRole } from '../fs/linked-output';
import {
  isSameFolder,
  liesWithin,
  refuseCustodianVolumes,
  refuseSameCustodianFolder,
  workstationOnlyPlaces,
  workstationPlaces,
} from './custodian-volumes';
import { volumeIdOf } from './folder-info';

/** What a destination is for; messages name the folder by it (the preflight's part of OutputRole). */
type DestinationRole = Extract<OutputRole, 'bundle' | 'parameters' | 'receipt' | 'custodian' | 'console'>;

export interface Destination {
  readonly role: DestinationRole;
  /** Custodians: the custodian's number, 1-based (messages name it); else omitted. */
  readonly index?: number;
  /** Custodians: the custodian's name, where the ceremony knows it (the volume refusals name them by it). */
  readonly custodian?: string | undefined;
  readonly folder: string;
  /**
   * `new-or-empty`: the folder must not exist yet (its parent must) or be empty.
   * `existing`: the folder must exist; only `fileNames` must be free in it.
   */
  readonly expect: 'new-or-empty' | 'existing';
  /** Files that will be created in the folder; none may exist yet. */
  readonly fileNames?: readonly string[];
  /**
   * Upper estimate of the bytes that will be written there, counting each file and folder as at
   * least ESTIMATE_BLOCK_BYTES (what ext4, XFS and NTFS allocate by default).
   */
  readonly bytes: number;
  /**
   * The files and folders the write creates there. On a volume whose allocation unit is larger than
   * ESTIMATE_BLOCK_BYTES (exFAT on a 64 GB stick: 128 KiB; FAT32: 16-32 KiB), each takes a whole
   * unit: the preflight adds the difference per entry, so a nearly full stick is refused before any
   * material exists rather than found full part way through the write.
   */
  readonly entries: number;
}

/** The allocation unit the `bytes` estimates assume for each file and folder. */
export const ESTIMATE_BLOCK_BYTES = 4096;

interface PreflightOptions {
  /** Custodian folders may share a volume (rehearsals only). */
  readonly allowCustodiansOnOneVolume?: boolean;
  /**
   * The import-parameters bundle folder being read: no destination may be it or lie inside it (its
   * manifest would not list what is written there, and it would no longer verify).
   */
  readonly readFrom?: string;
  /** The journal's folder (the workstation's own disk, as a rule): no custodian folder may be on its volume. */
  readonly journalFolder?: string;
  /** The folder the command line runs in, and the material file it reads: no custodian folder on their volumes either. */
  readonly workingFolder?: string | undefined;
  readonly materialFile?: string | undefined;
  /** File operations (tests inject failing media). */
  readonly layer?: FileLayer;
  /** The free bytes and allocation unit of the volume holding `folder` (default: statfs). */
  readonly volumeOf?: (folder: string) => Promise<VolumeSpace>;
}

/** What a volume has room for: its free bytes, and the unit it allocates files and folders in. */
interface VolumeSpace {
  readonly freeBytes: number;
  readonly blockBytes: number;
}

export interface CheckedDestination {
  readonly role: DestinationRole;
  readonly index: number;
  /** A custodian's name, when the destination gave one. */
  readonly custodian?: string;
  readonly folder: string;
  /** true when the folder does not exist yet and will be created by the write. */
  readonly willCreate: boolean;
  readonly volumeId: string;
  readonly freeBytes: number;
  readonly neededBytes: number;
  /** The volume's allocation unit (statfs), when larger than ESTIMATE_BLOCK_BYTES: the messages say it. */
  readonly blockBytes: number;
}

/** The values every preflight problem names its folder with. */
function place(d: { role: DestinationRole; index?: number; folder: string }) {
  return { role: d.role, index: d.index ?? 0, folder: d.folder };
}

async function statOrUndefined(target: string) {
  return fs.stat(target, { bigint: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}

/** The nearest path above `folder` that exists and is not a folder (what makes `folder` impossible). */
async function fileAbove(folder: string): Promise<string> {
  for (let at = path.dirname(folder); at !== path.dirname(at); at = path.dirname(at)) {
    const found = await fs.stat(at).catch(() => undefined);
    if (found && !found.isDirectory()) return at;
  }
  return path.dirname(folder);
}

/**
 * The folder to probe (itself, or its parent when it is still to be created) and whether it is new.
 * Refuses a folder that is a symbolic link or lies under one (OUTPUT_THROUGH_LINK: the files would
 * land wherever it points); one that is not there as `d` expects it; one under a file (`afile/sub`)
 * as one that cannot be created, naming the file (a trial was told to create it).
 */
export async function locate(
  d: Pick<Destination, 'role' | 'index' | 'folder' | 'expect' | 'fileNames'>,
): Promise<{ probeIn: string; willCreate: boolean; volumeId: string }> {
  await refuseOutputThroughLink(d);
  const stat = await statOrUndefined(d.folder).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOTDIR') throw error;
    throw new KeyferryError('PREFLIGHT_PARENT_MISSING', { ...place(d), parent: await fileAbove(d.folder) });
  });
  if (stat) {
    if (!stat.isDirectory()) throw new KeyferryError('PREFLIGHT_NOT_A_FOLDER', place(d));
    const entries = await fs.readdir(d.folder);
    if (d.expect === 'new-or-empty' && entries.length > 0) {
      throw new KeyferryError('PREFLIGHT_FOLDER_NOT_EMPTY', {
        ...place(d),
        count: entries.length,
        first: entries[0] as string,
      });
    }
    const taken = (d.fileNames ?? []).find((name) => entries.includes(name));
    if (taken) throw new KeyferryError('PREFLIGHT_FILE_EXISTS', { ...place(d), file: taken });
    return { probeIn: d.folder, willCreate: false, volumeId: String(stat.dev) };
  }
  if (d.expect === 'existing') throw new KeyferryError('PREFLIGHT_FOLDER_MISSING', place(d));
  const parent = path.dirname(d.folder);
  const parentStat = await statOrUndefined(parent);
  if (!parentStat?.isDirectory()) throw new KeyferryError('PREFLIGHT_PARENT_MISSING', { ...place(d), parent });
  return { probeIn: parent, willCreate: true, volumeId: String(parentStat.dev) };
}

/** Creates, writes, fsyncs and removes a probe file in `folder`; refuses with the reason when the media does not take it. */
async function probeWritable(d: Destination, folder: string, layer: FileLayer): Promise<void> {
  const probe = path.join(folder, `.keyferry-probe-${randomBytes(6).toString('hex')}`);
  let created = false;
  try {
    const handle = await layer.open(probe, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    created = true;
    try {
      await handle.write(Buffer.alloc(512, 0x4b));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rm(probe);
    created = false;
    await fsyncDirectory(folder, layer);
  } catch (error) {
    if (created) await fs.rm(probe, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    if (code === 'EROFS') throw new KeyferryError('PREFLIGHT_READ_ONLY', place(d), { cause: error });
    if (code === 'ENOSPC' || code === 'EDQUOT')
      throw new KeyferryError('PREFLIGHT_MEDIA_FULL', place(d), { cause: error });
    throw new KeyferryError('PREFLIGHT_NOT_WRITABLE', { ...place(d), reason: code }, { cause: error });
  }
}

async function statfsSpace(folder: string): Promise<VolumeSpace> {
  const stats = await fs.statfs(folder);
  return { freeBytes: stats.bavail * stats.bsize, blockBytes: stats.bsize };
}

/**
 * Custodians each on their own volume and none on the workstation's (custodian-volumes.ts: the
 * receipts', the journal's, the home, temporary and system folders', the working folder's and the
 * material file's when the command line names them), nor on the volume of the wrapped bundle (it
 * travels online).
 */
async function checkVolumes(checked: readonly CheckedDestination[], options: PreflightOptions): Promise<void> {
  if (options.allowCustodiansOnOneVolume) return;
  const custodians = checked.filter((c) => c.role === 'custodian');
  const places = workstationPlaces({
    receipts: checked.find((c) => c.role === 'receipt')?.folder,
    journal: options.journalFolder,
    cwd: options.workingFolder,
    material: options.materialFile,
  });
  // The transfer media first: a share there would travel to the online side. Unless that "media" is
  // a folder of the workstation's own disk (a rehearsal's): a custodian folder there is a stick not
  // mounted, and is named so (a trial's refusal spoke of the transfer media only). Only the places
  // that are the workstation's whatever the command line says count for that: the working folder,
  // the material file and the receipts may be on the transfer stick itself (a command run from it),
  // and a share there was named as beside them, not as travelling online.
  const bundle = checked.find((c) => c.role === 'bundle');
  const onBundle = custodians.find((c) => c.volumeId === bundle?.volumeId);
  if (bundle && onBundle) {
    await refuseCustodianVolumes([onBundle], workstationOnlyPlaces(places), volumeIdOf, 'wrap');
    throw new KeyferryError('PREFLIGHT_ON_TRANSFER_MEDIA', {
      index: onBundle.index,
      named: onBundle.custodian === undefined ? 'no' : 'yes',
      custodian: onBundle.custodian ?? '',
      folder: onBundle.folder,
      bundle: bundle.folder,
    });
  }
  await refuseCustodianVolumes(custodians, places, volumeIdOf, 'wrap');
}

/** Free space per volume against the sum of what every destination on it will receive. */
function checkRoom(checked: readonly CheckedDestination[]): void {
  const byVolume = new Map<string, CheckedDestination[]>();
  for (const c of checked) byVolume.set(c.volumeId, [...(byVolume.get(c.volumeId) ?? []), c]);
  for (const group of byVolume.values()) {
    const needed = group.reduce((sum, c) => sum + c.neededBytes, 0);
    const first = group[0] as CheckedDestination;
    if (first.freeBytes < needed) {
      throw new KeyferryError('PREFLIGHT_NO_ROOM', {
        ...place(first),
        freeKiB: Math.floor(first.freeBytes / 1024),
        neededKiB: Math.ceil(needed / 1024),
        // The other folders on that volume, whose writes the figure counts too (all the custodians'
        // with --shares-on-one-volume): said, or the figure reads as this folder's alone.
        sharedWith: group.length - 1,
        othersList: listValue(group.slice(1).map((c) => c.folder)),
        bigBlocks: first.blockBytes > ESTIMATE_BLOCK_BYTES ? 'yes' : 'no',
        blockKiB: Math.ceil(first.blockBytes / 1024),
      });
    }
  }
}

/** A custodian's existing folder as `custody split` names it. */
interface SplitFolder {
  readonly index: number;
  readonly custodian: string;
  readonly folder: string;
}

/**
 * `custody split`'s room check, run before the material is read (a small stick was found full part
 * way through the writes): each custodian folder receives `perFolder` (an upper estimate, counting
 * each file as ESTIMATE_BLOCK_BYTES at least, as Destination.bytes does), and a volume must have room
 * for every folder on it. Refuses (CUSTODY_SPLIT_NO_ROOM) the first custodian whose volume has not.
 */
export async function refuseSplitWithoutRoom(
  folders: readonly SplitFolder[],
  perFolder: Pick<Destination, 'bytes' | 'entries'>,
  volumeOf: (folder: string) => Promise<VolumeSpace> = statfsSpace,
): Promise<void> {
  const byVolume = new Map<string, SplitFolder[]>();
  for (const f of folders) {
    const volume = String((await fs.stat(f.folder, { bigint: true })).dev);
    byVolume.set(volume, [...(byVolume.get(volume) ?? []), f]);
  }
  for (const group of byVolume.values()) {
    const first = group[0] as SplitFolder;
    const space = await volumeOf(first.folder);
    const unit = Math.max(0, space.blockBytes - ESTIMATE_BLOCK_BYTES);
    const needed = group.length * (perFolder.bytes + perFolder.entries * unit);
    if (space.freeBytes < needed)
      throw new KeyferryError('CUSTODY_SPLIT_NO_ROOM', {
        index: first.index,
        custodian: first.custodian,
        folder: first.folder,
        freeKiB: Math.floor(space.freeBytes / 1024),
        neededKiB: Math.ceil(needed / 1024),
        sharedWith: group.length - 1,
        othersList: listValue(group.slice(1).map((c) => c.folder)),
        bigBlocks: unit > 0 ? 'yes' : 'no',
        blockKiB: Math.ceil(space.blockBytes / 1024),
      });
  }
}

/** True when `folder` lies inside `outer` (not equal to it), by the paths as written. */
function liesInside(folder: string, outer: string): boolean {
  const inside = path.relative(outer, folder);
  return inside !== '' && inside !== '..' && !inside.startsWith(`..${path.sep}`) && !path.isAbsolute(inside);
}

/**
 * PREFLIGHT_FOLDER_IN_OTHER when a destination lies inside a folder that is to hold only what
 * Keyferry writes there (a wrapped bundle's, a custodian's: new or empty): a custodian folder given
 * inside `--out` passed every other check, and the wrap failed only after the material was made (a
 * trial). A folder inside the receipt folder (which exists and holds other files) is fine. Compared
 * by the folders themselves (liesWithin), not the paths as written: a custodian folder given through
 * a symbolic link into the wrapped bundle's folder lies inside it all the same.
 */
function refuseNested(destinations: readonly Destination[]): void {
  for (const d of destinations)
    for (const outer of destinations)
      if (d !== outer && outer.expect === 'new-or-empty' && liesWithin(d.folder, outer.folder))
        throw new KeyferryError('PREFLIGHT_FOLDER_IN_OTHER', {
          ...place(d),
          otherRole: outer.role,
          otherIndex: outer.index ?? 0,
          other: outer.folder,
        });
}

/**
 * PREFLIGHT_IN_PARAMETERS_BUNDLE when `d` is the bundle folder `readFrom` or lies inside it (`--out`
 * inside `--bundle`: a trial's slip; every later read of that bundle then blamed the online side).
 * By the path as written, and by the folder itself: an existing folder on the way up from `d` that
 * is the bundle's (same device and inode) counts too, so a link to the media, or another case of a
 * name on a stick that ignores case, does not slip past.
 */
async function refuseInsideBundleRead(d: Destination, readFrom: string | undefined): Promise<void> {
  if (readFrom === undefined) return;
  const bundle = path.resolve(readFrom);
  if (d.folder === bundle || liesInside(d.folder, bundle) || (await isFolderOrWithin(d.folder, bundle)))
    throw new KeyferryError('PREFLIGHT_IN_PARAMETERS_BUNDLE', { ...place(d), bundle });
}

/** True when `folder`, or an existing folder it lies in, is the very folder `bundle` is (device and inode). */
async function isFolderOrWithin(folder: string, bundle: string): Promise<boolean> {
  const target = await statOrUndefined(bundle).catch(() => undefined);
  if (!target) return false;
  for (let at = folder; ; at = path.dirname(at)) {
    const found = await statOrUndefined(at).catch(() => undefined);
    if (found && found.dev === target.dev && found.ino === target.ino) return true;
    if (path.dirname(at) === at) return false;
  }
}

/**
 * Checks every destination; resolves with what was found or throws the first problem as a
 * KeyferryError (code PREFLIGHT_*) naming the folder and the fix. Creates nothing that stays.
 */
export async function preflightDestinations(
  destinations: readonly Destination[],
  options: PreflightOptions = {},
): Promise<CheckedDestination[]> {
  const layer = options.layer ?? nodeFileLayer;
  const volumeOf = options.volumeOf ?? statfsSpace;
  const checked: CheckedDestination[] = [];
  const seen: Destination[] = [];
  // Two custodians given one folder: said as such (CUSTODY_SAME_FOLDER), not as a folder "also given
  // for another purpose", which sent the app's officer looking for a bundle or receipt folder.
  refuseSameCustodianFolder(
    destinations.flatMap((d) => (d.role === 'custodian' ? [{ index: d.index ?? 0, folder: d.folder }] : [])),
  );
  refuseNested(destinations.map((d) => ({ ...d, folder: path.resolve(d.folder) })));
  for (const d of destinations) {
    const resolved = { ...d, folder: path.resolve(d.folder) };
    // One folder however given (a symbolic link, a bind mount, a folder not made yet under a link).
    const twin = seen.find((s) => isSameFolder(s.folder, resolved.folder));
    if (twin && (twin.expect === 'new-or-empty' || resolved.expect === 'new-or-empty'))
      throw new KeyferryError('PREFLIGHT_SAME_FOLDER', {
        ...place(resolved),
        otherRole: twin.role,
        otherIndex: twin.index ?? 0,
        other: twin.folder,
      });
    seen.push(resolved);
    await refuseInsideBundleRead(resolved, options.readFrom);
    const where = await locate(resolved);
    await probeWritable(resolved, where.probeIn, layer);
    const volume = await volumeOf(where.probeIn);
    // A folder still to be created takes a unit of its own beside what is written into it.
    const entries = resolved.entries + (where.willCreate ? 1 : 0);
    checked.push({
      ...place(resolved),
      ...(resolved.custodian !== undefined ? { custodian: resolved.custodian } : {}),
      willCreate: where.willCreate,
      volumeId: where.volumeId,
      freeBytes: volume.freeBytes,
      neededBytes: resolved.bytes + entries * Math.max(0, volume.blockBytes - ESTIMATE_BLOCK_BYTES),
      blockBytes: volume.blockBytes,
    });
  }
  await checkVolumes(checked, options);
  checkRoom(checked);
  return checked;
}
