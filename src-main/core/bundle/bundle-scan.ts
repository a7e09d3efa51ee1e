/**
 * Lists what is really in a bundle folder without following anything: lstat only, symbolic
 * links and special files refused wherever they are, entries and depth capped.
 */
import fs, { type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { BUNDLE_LIMITS, isOsMetadataFile } from './bundle-limits';
import { KeyferryError } from '../errors';
import { bundleUnreadable } from './bundle-problem';
import { eventLoopSlicer } from '../yield';

// Synchronous calls, as bundle-file-reader.ts reads, the event loop turning between them once a
// slice has used its budget: a bundle of 100 keys is 100 listings and 300 lstat calls, each a few
// microseconds here and 12-40 µs of the main thread's CPU through libuv's thread pool.

export interface ScannedFile {
  readonly size: number;
  readonly dev: number;
  readonly ino: number;
}

export interface FolderScan {
  /** Regular files by relative name (forward slashes). */
  readonly files: Map<string, ScannedFile>;
  /** Folders by relative name. */
  readonly folders: Set<string>;
  /** OS metadata files (.DS_Store, ._*, Thumbs.db, desktop.ini) that are never read. */
  readonly ignored: string[];
}

/** What Node puts in a file name for bytes that are not UTF-8. */
const UNDECODABLE = '\uFFFD';

function specialKind(stat: Stats): 'fifo' | 'socket' | 'device' | 'special' {
  if (stat.isFIFO()) return 'fifo';
  if (stat.isSocket()) return 'socket';
  if (stat.isBlockDevice() || stat.isCharacterDevice()) return 'device';
  return 'special';
}

function lstatOrRefuse(full: string, name: string): Stats {
  try {
    return fs.lstatSync(full);
  } catch (error) {
    throw bundleUnreadable('look', name, error);
  }
}

/** Refuses `dir` unless it is a real folder (not a link to one). */
function requireRealFolder(dir: string): void {
  let top: Stats;
  try {
    top = fs.lstatSync(dir);
  } catch (error) {
    // Nothing there: a mistyped path when the folder it would be in exists, else media not mounted there too.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw bundleUnreadable('look', dir, error);
    const parent = fs.existsSync(path.dirname(path.resolve(dir)));
    throw new KeyferryError('BUNDLE_FOLDER_MISSING', { dir, parent: parent ? 'yes' : 'no' }, { cause: error });
  }
  if (top.isSymbolicLink()) {
    throw new KeyferryError('BUNDLE_SYMLINK', { where: 'folder', name: dir });
  }
  if (!top.isDirectory()) {
    throw new KeyferryError('BUNDLE_NOT_A_FOLDER', { dir });
  }
}

/**
 * The one regular file `name` directly in the real folder `dir`, as the full scan would list it;
 * undefined when there is nothing by that name. A link or special file is refused as the scan does.
 */
export function scanOneFile(dir: string, name: string): ScannedFile | undefined {
  requireRealFolder(dir);
  let stat: Stats;
  try {
    stat = fs.lstatSync(path.join(dir, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw bundleUnreadable('look', name, error);
  }
  if (stat.isSymbolicLink()) throw new KeyferryError('BUNDLE_SYMLINK', { where: 'inside', name });
  if (!stat.isFile()) {
    if (stat.isDirectory()) return undefined;
    throw new KeyferryError('BUNDLE_SPECIAL_FILE', { kind: specialKind(stat), name });
  }
  return { size: stat.size, dev: stat.dev, ino: stat.ino };
}

/**
 * Scans `dir`, which must be a real folder (not a link to one): each folder's entries in name order,
 * a sub-folder's contents in place after it. The first problem in that order is the refusal; a
 * folder past the entry limit is refused as soon as its listing is read, and nothing more is read.
 */
export async function scanBundleFolder(dir: string): Promise<FolderScan> {
  requireRealFolder(dir);
  const scan: FolderScan = { files: new Map(), folders: new Set(), ignored: [] };
  let entries = 0;
  const slicer = eventLoopSlicer();
  const walk = async (rel: string, depth: number): Promise<void> => {
    await slicer.pause();
    let dirents: Dirent[];
    try {
      dirents = fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
    } catch (error) {
      throw bundleUnreadable('list', rel || dir, error);
    }
    entries += dirents.length;
    // Hostile media may hold many folders of huge listings: a scan past the limit reads no more.
    if (entries > BUNDLE_LIMITS.maxEntries) {
      throw new KeyferryError('BUNDLE_TOO_MANY_FILES', { dir, limit: BUNDLE_LIMITS.maxEntries });
    }
    dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of dirents) {
      await slicer.pause();
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      // A name that is not UTF-8 reads with U+FFFD and cannot be looked at by it (ENOENT, said as
      // media removed, a trial found): no bundle file has one, so it is refused as what it is.
      if (entry.name.includes(UNDECODABLE))
        throw new KeyferryError('BUNDLE_UNEXPECTED_FILE', { entry: 'undecodable', name });
      // A folder is known from its entry's type (what lstat says of it, read by readdir with the
      // name; Node asks lstat where the file system does not say): only the other entries are
      // looked at, for their size and identity.
      const stat = entry.isDirectory() ? entry : lstatOrRefuse(path.join(dir, name), name);
      if (stat.isSymbolicLink()) {
        throw new KeyferryError('BUNDLE_SYMLINK', { where: 'inside', name });
      }
      if (stat.isDirectory()) {
        if (depth >= BUNDLE_LIMITS.maxDepth) {
          throw new KeyferryError('BUNDLE_UNEXPECTED_FILE', { entry: 'deep', name });
        }
        scan.folders.add(name);
        await walk(name, depth + 1);
      } else if (stat.isFile()) {
        // Not a folder: lstat's own answer, with the size and identity.
        const { size, dev, ino } = stat as Stats;
        if (isOsMetadataFile(entry.name)) scan.ignored.push(name);
        else scan.files.set(name, { size, dev, ino });
      } else {
        throw new KeyferryError('BUNDLE_SPECIAL_FILE', { kind: specialKind(stat as Stats), name });
      }
    }
  };
  await walk('', 1);
  return scan;
}
