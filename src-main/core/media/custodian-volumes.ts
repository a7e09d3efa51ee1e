/**
 * The one rule for where custodians' folders may lie, for `custody split` and the air-gapped
 * ceremony's preflight alike: each on a volume of its own, and none on a volume of this workstation
 * that Keyferry can name: the material file's, the receipts' and the journal's, the working
 * folder's, the home folder's, the temporary folder's, the folders in the workstation's memory
 * (/dev/shm, /dev, the user's /run/user/<uid>), the boot volumes (/boot, /boot/efi, /efi) and the
 * system's own folders' (/, /home, /var, /tmp, /run, /media …, each where it is a volume apart).
 * Any other volume passes: Keyferry cannot tell a stick from an internal disk. A custodian's stick
 * that is not mounted leaves its folder's path on whichever of these holds the mount point: the
 * share and the whole backup would stay on the workstation. A stick mounted anywhere below one of
 * these folders is a volume of its own, so a folder on it (or deep inside it) passes. Only a rehearsal's override
 * (`--shares-on-one-volume`, the app's rehearsal tick box) leaves the rule out: its callers do not
 * call it then.
 */
import { realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KeyferryError } from '../errors';
import { folderIdentity } from '../fs/created-entries';

/**
 * What a place of the workstation is, as the refusal names it, and whether it may lie on the transfer
 * media itself: the working folder, the material file and the receipts may be on the transfer stick
 * (a command run from it), every other place is the workstation's whatever the command line says.
 */
const MAY_BE_TRANSFER_MEDIA = {
  material: true,
  receipts: true,
  journal: false,
  cwd: true,
  home: false,
  temp: false,
  memory: false,
  boot: false,
  system: false,
} as const;

type WorkstationPlaceKind = keyof typeof MAY_BE_TRANSFER_MEDIA;

interface WorkstationPlace {
  readonly on: WorkstationPlaceKind;
  readonly path: string;
}

/** The places a command knows of itself (the others are the host's: home, temp, system folders). */
interface NamedPlaces {
  readonly material?: string | undefined;
  readonly receipts?: string | undefined;
  readonly journal?: string | undefined;
  /** The folder a command line runs in (the app has none that means anything to its user). */
  readonly cwd?: string | undefined;
}

/** The host's own places (tests give a home or a temp folder on a mount of their own). */
interface WorkstationHost {
  readonly platform: NodeJS.Platform;
  readonly homedir: string;
  readonly tmpdir: string;
  /** Windows: the system drive (`C:`). */
  readonly systemDrive?: string | undefined;
  /** The user's runtime folder in memory (XDG_RUNTIME_DIR, /run/user/<uid>), where there is one. */
  readonly runtimeDir?: string | undefined;
  /** The user's id (POSIX), for /run/user/<uid> when XDG_RUNTIME_DIR is not set. */
  readonly uid?: number | undefined;
}

/**
 * The system's folders that are a volume apart on some workstations. /media and /run/media are
 * where sticks are mounted, never a stick themselves: a path below them on their own volume is a
 * stick that is not mounted. /mnt is left out: a stick is often mounted on it directly.
 */
const SYSTEM_FOLDERS = ['/', '/home', '/var', '/tmp', '/usr', '/opt', '/srv', '/run', '/media', '/run/media'];
const DARWIN_FOLDERS = ['/Volumes', '/System/Volumes/Data'];
/**
 * Folders in the workstation's memory (tmpfs, devtmpfs): a volume apart from every disk, so a
 * custodian's folder there passed as a stick, and its share and the whole backup stayed in memory.
 */
const MEMORY_FOLDERS = ['/dev/shm', '/dev'];
/** The boot volumes, often a volume apart (an EFI system partition): the workstation's own disk. */
const BOOT_FOLDERS = ['/boot', '/boot/efi', '/efi'];

/** The user's runtime folders in memory: XDG_RUNTIME_DIR and /run/user/<uid>, where known. */
function runtimeFolders(host: WorkstationHost): string[] {
  const folders = [host.runtimeDir, host.uid === undefined ? undefined : `/run/user/${host.uid}`];
  return [...new Set(folders.filter((f): f is string => f !== undefined && f !== ''))];
}

function thisHost(): WorkstationHost {
  return {
    platform: process.platform,
    homedir: os.homedir(),
    tmpdir: os.tmpdir(),
    systemDrive: process.env['SystemDrive'],
    runtimeDir: process.env['XDG_RUNTIME_DIR'],
    uid: process.getuid?.(),
  };
}

/**
 * Every place of this workstation Keyferry can name: the system's root first (where a folder is on
 * its volume, that is the most general true thing to say, even when the material or the receipts
 * are there too), then the material's, the receipts' and the journal's, the working, home and temp
 * folders, the folders in memory, the boot volumes and the system's other folders (the refusal
 * names the first place a folder shares a volume with). A place that does not exist is left out
 * when compared. Any other volume passes: Keyferry cannot tell a stick from an internal disk.
 */
export function workstationPlaces(named: NamedPlaces, host: WorkstationHost = thisHost()): WorkstationPlace[] {
  const windows = host.platform === 'win32';
  const [root, ...system] = windows
    ? [`${host.systemDrive ?? 'C:'}\\`]
    : [...SYSTEM_FOLDERS, ...(host.platform === 'darwin' ? DARWIN_FOLDERS : [])];
  const memory = windows ? [] : [...MEMORY_FOLDERS, ...runtimeFolders(host)];
  const boot = windows ? [] : BOOT_FOLDERS;
  const places: [WorkstationPlaceKind, string | undefined][] = [
    ['system', root],
    ['material', named.material],
    ['receipts', named.receipts],
    ['journal', named.journal],
    ['cwd', named.cwd],
    ['home', host.homedir],
    ['temp', host.tmpdir],
    ...memory.map((folder): [WorkstationPlaceKind, string] => ['memory', folder]),
    ...boot.map((folder): [WorkstationPlaceKind, string] => ['boot', folder]),
    ...system.map((folder): [WorkstationPlaceKind, string] => ['system', folder]),
  ];
  return places.flatMap(([on, place]) => (place === undefined || place === '' ? [] : [{ on, path: place }]));
}

/** The places of `places` that are the workstation's whatever the command line says (none may be the transfer media). */
export function workstationOnlyPlaces(places: readonly WorkstationPlace[]): WorkstationPlace[] {
  return places.filter((p) => !MAY_BE_TRANSFER_MEDIA[p.on]);
}

/** Identifies the volume a path is on (its device number, as the media layer gives it). */
type VolumeOf = (target: string) => Promise<string | number | bigint> | string | number | bigint;

/** A custodian's folder and the volume it is on (undefined: it cannot be read, which the checks that name it refuse). */
interface CustodianVolume {
  readonly index: number;
  /** The custodian's name where the caller knows it (custody split): refusals name them. */
  readonly custodian?: string;
  readonly folder: string;
  readonly volumeId: string | undefined;
}

/** The volume of `target`, or undefined where it does not exist or cannot be read (nothing to compare). */
export async function volumeOrNothing(target: string, volumeOf: VolumeOf): Promise<string | undefined> {
  try {
    return String(await volumeOf(target));
  } catch {
    return undefined;
  }
}

/**
 * What a custodian's folder is, to compare: an existing folder's identity (device and inode, so a
 * symbolic link to it or a bind mount of it is the same folder); a folder not made yet, the real
 * path of the nearest folder above it that exists, with the rest as given (`byIdentity` false: the
 * real path even of an existing folder, to tell whether one lies inside another).
 */
function folderToCompare(folder: string, byIdentity = true): string {
  const identity = byIdentity ? folderIdentity(folder) : undefined;
  if (identity !== undefined) return identity;
  const rest: string[] = [];
  for (let at = folder; ; at = path.dirname(at)) {
    try {
      return path.join(realpathSync(at), ...rest);
    } catch {
      if (path.dirname(at) === at) return folder;
      rest.unshift(path.basename(at));
    }
  }
}

/**
 * True when `folder` lies inside `outer` (not equal to it), whatever way each was given: by their
 * real paths (a symbolic link on the way, a folder not made yet under the real path of the nearest
 * one that exists), and by the folder itself, so an existing folder on the way up from `folder` that
 * is `outer` (same device and inode: a bind mount) counts too.
 */
export function liesWithin(folder: string, outer: string): boolean {
  const inside = path.relative(folderToCompare(outer, false), folderToCompare(folder, false));
  if (inside !== '' && inside !== '..' && !inside.startsWith(`..${path.sep}`) && !path.isAbsolute(inside)) return true;
  const identity = folderIdentity(outer);
  if (identity === undefined) return false;
  for (let at = path.dirname(folder); at !== path.dirname(at); at = path.dirname(at))
    if (folderIdentity(at) === identity) return true;
  return false;
}

/** True when `first` and `second` are one folder, however each was given (folderToCompare). */
export function isSameFolder(first: string, second: string): boolean {
  return folderToCompare(path.resolve(first)) === folderToCompare(path.resolve(second));
}

/**
 * Refuses one folder given for two custodians (CUSTODY_SAME_FOLDER, naming both and the folder, and
 * the second path where it was given otherwise: a symbolic link, a bind mount): said as the same
 * folder, not as "the same volume", and whatever a rehearsal's override says (two shares in one
 * folder is never one share per custodian's media).
 */
export function refuseSameCustodianFolder(custodians: readonly { index: number; folder: string }[]): void {
  const compared = custodians.map((c) => ({ ...c, folder: path.resolve(c.folder) }));
  const seen = new Map<string, (typeof compared)[number]>();
  for (const c of compared) {
    const key = folderToCompare(c.folder);
    const other = seen.get(key);
    if (other)
      throw new KeyferryError('CUSTODY_SAME_FOLDER', {
        first: other.index,
        second: c.index,
        folder: other.folder,
        also: other.folder === c.folder ? 'none' : c.folder,
      });
    seen.set(key, c);
  }
}

/**
 * Refuses (CUSTODY_FOLDER_INSIDE_OTHER, both folders as given) a custodian folder that lies inside
 * another custodian's, however either was given (liesWithin): that custodian's media would carry
 * both shares, and the second folder's files would sit among the first's.
 */
export function refuseNestedCustodianFolders(
  custodians: readonly { index: number; custodian: string; folder: string }[],
): void {
  for (const inner of custodians)
    for (const outer of custodians)
      if (inner !== outer && liesWithin(path.resolve(inner.folder), path.resolve(outer.folder)))
        throw new KeyferryError('CUSTODY_FOLDER_INSIDE_OTHER', {
          first: outer.index,
          firstCustodian: outer.custodian,
          firstFolder: outer.folder,
          second: inner.index,
          secondCustodian: inner.custodian,
          secondFolder: inner.folder,
        });
}

/**
 * Refuses, before any material is read or made, a custodian folder on a volume of `places`
 * (one folder given twice: refuseSameCustodianFolder; CUSTODIAN_ON_WORKSTATION_VOLUME, naming the
 * first place it shares a volume with), then two
 * custodian folders on one volume (PREFLIGHT_SAME_VOLUME). `command` says which command's options
 * the way on names. A folder whose volume is unknown is left to the checks that read it.
 */
export async function refuseCustodianVolumes(
  custodians: readonly CustodianVolume[],
  places: readonly WorkstationPlace[],
  volumeOf: VolumeOf,
  command: 'split' | 'wrap',
): Promise<void> {
  refuseSameCustodianFolder(custodians);
  const known = custodians.filter((c): c is CustodianVolume & { volumeId: string } => c.volumeId !== undefined);
  if (known.length === 0) return;
  // Each folder looked up once: one folder is often several places (the receipts', the journal's and
  // the working folder; the temporary folder and the system's /tmp).
  const volumes = new Map<string, string | undefined>();
  const placeVolumes = [];
  for (const place of places) {
    if (!volumes.has(place.path)) volumes.set(place.path, await volumeOrNothing(place.path, volumeOf));
    placeVolumes.push({ ...place, volumeId: volumes.get(place.path) });
  }
  for (const c of known) {
    const same = placeVolumes.find((p) => p.volumeId === c.volumeId);
    if (same)
      throw new KeyferryError('CUSTODIAN_ON_WORKSTATION_VOLUME', {
        index: c.index,
        named: c.custodian === undefined ? 'no' : 'yes',
        custodian: c.custodian ?? '',
        folder: c.folder,
        on: same.on,
        place: same.path,
        command,
      });
  }
  for (const [i, c] of known.entries()) {
    const other = known.slice(0, i).find((o) => o.volumeId === c.volumeId);
    if (other)
      throw new KeyferryError('PREFLIGHT_SAME_VOLUME', {
        first: other.index,
        firstFolder: other.folder,
        second: c.index,
        secondFolder: c.folder,
        named: other.custodian === undefined || c.custodian === undefined ? 'no' : 'yes',
        firstCustodian: other.custodian ?? '',
        secondCustodian: c.custodian ?? '',
        command,
      });
  }
}
