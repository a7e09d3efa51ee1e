/**
 * Preflight of the places a ceremony will write to, run before any key material exists (DESIGN
 * rule 9): every folder exists or can be created new, is empty when it must be, really accepts a
 * file (a probe file is created, fsynced and removed: read-only media, a full disk or a missing
 * permission show up here, not after the material was generated), sits on the right volume
 * (custodians each on their own, none on the volume the wrapped bundle travels on), and has room
 * for what will be written.
 */
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { KeyferryError } from '../errors';
import { fsyncDirectory, nodeFileLayer, type FileLayer } from '../fs/durable-file';

/** What a destination is for; it names the folder in every message. */
export type DestinationRole = 'wrapped-bundle' | 'receipt' | 'custodian' | 'console-files';

export interface Destination {
  readonly role: DestinationRole;
  /** Shown in messages, e.g. "--out" or "custodian 2 (Dana)". */
  readonly label: string;
  readonly folder: string;
  /**
   * `new-or-empty`: the folder must not exist yet (its parent must) or be empty.
   * `existing`: the folder must exist; only `fileNames` must be free in it.
   */
  readonly expect: 'new-or-empty' | 'existing';
  /** Files that will be created in the folder; none may exist yet. */
  readonly fileNames?: readonly string[];
  /** Upper estimate of the bytes that will be written there. */
  readonly bytes: number;
}

export interface PreflightOptions {
  /** Custodian folders may share a volume (rehearsals only). */
  readonly allowCustodiansOnOneVolume?: boolean;
  /** File operations (tests inject failing media). */
  readonly layer?: FileLayer;
  /** Free bytes of the volume holding `folder` (tests inject a full medium). */
  readonly freeBytesOf?: (folder: string) => Promise<number>;
}

export interface CheckedDestination {
  readonly role: DestinationRole;
  readonly label: string;
  readonly folder: string;
  /** true when the folder does not exist yet and will be created by the write. */
  readonly willCreate: boolean;
  readonly volumeId: string;
  readonly freeBytes: number;
  readonly neededBytes: number;
}

const FAILURE_REASONS: Record<string, string> = {
  EROFS: 'the media is read-only',
  ENOSPC: 'the media is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission is denied',
  EPERM: 'permission is denied',
  EIO: 'the media reported an input/output error',
  ENOENT: 'the folder disappeared (was the media removed?)',
};

function refuse(code: string, message: string, nextStep: string, cause?: unknown): never {
  throw new KeyferryError(code, message, nextStep, cause === undefined ? undefined : { cause });
}

function describe(d: Destination): string {
  return `the ${d.label} folder ${d.folder}`;
}

async function statOrUndefined(target: string) {
  return fs.stat(target, { bigint: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}

/** The folder to probe (itself, or its parent when it is still to be created) and whether it is new. */
async function locate(d: Destination): Promise<{ probeIn: string; willCreate: boolean; volumeId: string }> {
  const stat = await statOrUndefined(d.folder);
  if (stat) {
    if (!stat.isDirectory())
      refuse('PREFLIGHT_NOT_A_FOLDER', `${describe(d)} exists and is not a folder.`, 'Choose a folder path.');
    const entries = await fs.readdir(d.folder);
    if (d.expect === 'new-or-empty' && entries.length > 0) {
      refuse(
        'PREFLIGHT_FOLDER_NOT_EMPTY',
        `${describe(d)} already holds ${entries.length} item(s), e.g. ${entries[0]}; Keyferry writes only into a new or empty folder.`,
        `Choose a new folder name for the ${d.label} (or empty that folder first).`,
      );
    }
    for (const name of d.fileNames ?? []) {
      if (entries.includes(name))
        refuse(
          'PREFLIGHT_FILE_EXISTS',
          `${describe(d)} already holds ${name}; Keyferry never overwrites.`,
          `Move ${name} away or choose another folder for the ${d.label}.`,
        );
    }
    return { probeIn: d.folder, willCreate: false, volumeId: String(stat.dev) };
  }
  if (d.expect === 'existing')
    refuse(
      'PREFLIGHT_FOLDER_MISSING',
      `${describe(d)} does not exist.`,
      `Insert the media and create the folder, or choose an existing folder for the ${d.label}.`,
    );
  const parent = path.dirname(d.folder);
  const parentStat = await statOrUndefined(parent);
  if (!parentStat?.isDirectory())
    refuse(
      'PREFLIGHT_FOLDER_MISSING',
      `${describe(d)} cannot be created: its parent ${parent} is not an existing folder.`,
      `Insert the media, or choose a folder whose parent exists for the ${d.label}.`,
    );
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
    refuse(
      'PREFLIGHT_NOT_WRITABLE',
      `${describe(d)} cannot be written: ${FAILURE_REASONS[code] ?? `the test write failed (${code})`}. Nothing was generated.`,
      code === 'EROFS'
        ? `Use writable media for the ${d.label} (check its write-protect switch), or choose another folder.`
        : `Fix the media or choose another folder for the ${d.label}, then run the step again.`,
      error,
    );
  }
}

async function defaultFreeBytes(folder: string): Promise<number> {
  const stats = await fs.statfs(folder);
  return stats.bavail * stats.bsize;
}

function kib(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KiB`;
}

/** Custodians each on their own volume, none on the volume of the wrapped bundle (it travels online). */
function checkVolumes(checked: readonly CheckedDestination[], options: PreflightOptions): void {
  if (options.allowCustodiansOnOneVolume) return;
  const custodians = checked.filter((c) => c.role === 'custodian');
  const bundle = checked.find((c) => c.role === 'wrapped-bundle');
  for (const [i, c] of custodians.entries()) {
    const other = custodians.slice(0, i).find((o) => o.volumeId === c.volumeId);
    if (other)
      refuse(
        'PREFLIGHT_SAME_VOLUME',
        `The ${other.label} folder ${other.folder} and the ${c.label} folder ${c.folder} are on the same volume: one lost or copied drive would carry two shares.`,
        "Give each custodian's share its own removable media (or, for a rehearsal only, allow one volume).",
      );
    if (bundle && bundle.volumeId === c.volumeId)
      refuse(
        'PREFLIGHT_SAME_VOLUME',
        `The ${c.label} folder ${c.folder} is on the same volume as the wrapped-material bundle (${bundle.folder}), which travels to the online workstation.`,
        "Put the custodian's share on its own removable media, not on the transfer media.",
      );
  }
}

/** Free space per volume against the sum of what every destination on it will receive. */
function checkRoom(checked: readonly CheckedDestination[]): void {
  const byVolume = new Map<string, CheckedDestination[]>();
  for (const c of checked) byVolume.set(c.volumeId, [...(byVolume.get(c.volumeId) ?? []), c]);
  for (const group of byVolume.values()) {
    const needed = group.reduce((sum, c) => sum + c.neededBytes, 0);
    const free = (group[0] as CheckedDestination).freeBytes;
    if (free < needed) {
      const names = group.map((c) => `the ${c.label} folder ${c.folder}`).join(' and ');
      refuse(
        'PREFLIGHT_NO_ROOM',
        `The volume of ${names} has ${kib(free)} free, but about ${kib(needed)} will be written there. Nothing was generated.`,
        'Free space on that media or choose other media, then run the step again.',
      );
    }
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
  const freeBytesOf = options.freeBytesOf ?? defaultFreeBytes;
  const checked: CheckedDestination[] = [];
  const seen = new Map<string, Destination>();
  for (const d of destinations) {
    const resolved = { ...d, folder: path.resolve(d.folder) };
    const twin = seen.get(resolved.folder);
    if (twin && (twin.expect === 'new-or-empty' || resolved.expect === 'new-or-empty'))
      refuse(
        'PREFLIGHT_SAME_FOLDER',
        `The ${twin.label} and the ${resolved.label} are the same folder, ${resolved.folder}.`,
        'Give each its own folder.',
      );
    seen.set(resolved.folder, resolved);
    const where = await locate(resolved);
    await probeWritable(resolved, where.probeIn, layer);
    checked.push({
      role: resolved.role,
      label: resolved.label,
      folder: resolved.folder,
      willCreate: where.willCreate,
      volumeId: where.volumeId,
      freeBytes: await freeBytesOf(where.probeIn),
      neededBytes: resolved.bytes,
    });
  }
  checkVolumes(checked, options);
  checkRoom(checked);
  return checked;
}
