/**
 * Lists what is really in a bundle folder without following anything: lstat only, symbolic
 * links and special files refused wherever they are, entries and depth capped.
 */
import fs, { type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { BUNDLE_LIMITS, isOsMetadataFile } from './bundle-limits';
import { KeyferryError } from '../errors';

// The callback calls, as bundle-file-reader.ts reads: fs.promises costs the main thread about a
// quarter more CPU time per call, and a bundle of 100 keys is 100 listings and 300 lstat calls.
const lstat = promisify(fs.lstat);
const readdir = (dir: string) =>
  new Promise<Dirent[]>((resolve, reject) => {
    fs.readdir(dir, { withFileTypes: true }, (error, entries) => (error ? reject(error) : resolve(entries)));
  });

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

function specialKind(stat: Stats): 'fifo' | 'socket' | 'device' | 'special' {
  if (stat.isFIFO()) return 'fifo';
  if (stat.isSocket()) return 'socket';
  if (stat.isBlockDevice() || stat.isCharacterDevice()) return 'device';
  return 'special';
}

function unreadable(name: string, error: unknown): KeyferryError {
  const code = (error as NodeJS.ErrnoException).code;
  return new KeyferryError('BUNDLE_UNREADABLE', { action: 'look', name, errno: code ?? 'error' });
}

async function lstatOrRefuse(full: string, name: string): Promise<Stats> {
  try {
    return await lstat(full);
  } catch (error) {
    throw unreadable(name, error);
  }
}

/** Refuses `dir` unless it is a real folder (not a link to one). */
async function requireRealFolder(dir: string): Promise<void> {
  const top = await lstatOrRefuse(dir, dir);
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
export async function scanOneFile(dir: string, name: string): Promise<ScannedFile | undefined> {
  await requireRealFolder(dir);
  let stat: Stats;
  try {
    stat = await lstat(path.join(dir, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw unreadable(name, error);
  }
  if (stat.isSymbolicLink()) throw new KeyferryError('BUNDLE_SYMLINK', { where: 'inside', name });
  if (!stat.isFile()) {
    if (stat.isDirectory()) return undefined;
    throw new KeyferryError('BUNDLE_SPECIAL_FILE', { kind: specialKind(stat), name });
  }
  return { size: stat.size, dev: stat.dev, ino: stat.ino };
}

/** How many folder listings a scan reads at once. */
const LISTINGS_AT_ONCE = 8;

/** Runs the functions given to it at most `n` at a time, in the order given. */
function limiter(n: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (fn) => {
    // A full limiter hands a finishing run's place straight to the first waiting (never n + 1 at once).
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}

/** What one folder holds, its sub-folders' contents in place after each of them, in name order. */
interface FolderListing {
  readonly files: [string, ScannedFile][];
  readonly folders: string[];
  readonly ignored: string[];
}

/**
 * Scans `dir`, which must be a real folder (not a link to one). The sub-folders of a folder are
 * walked at once (a bundle of 100 keys has 100 folders, each a listing and a batch of lstat calls
 * on libuv's thread pool: one after the other they were 200 round trips), and their listings taken
 * in name order: the same scan, and the same refusal as a walk one folder after the other, the first
 * problem in name order (only a bundle past the entry limit that holds another problem too may be
 * refused for the one or the other).
 */
export async function scanBundleFolder(dir: string): Promise<FolderScan> {
  await requireRealFolder(dir);
  let entries = 0;
  const tooMany = () => new KeyferryError('BUNDLE_TOO_MANY_FILES', { limit: BUNDLE_LIMITS.maxEntries });
  // Hostile media may hold many folders of huge listings: a few listings are read at a time, and
  // none once the entries seen are past the limit (a refused scan stops reading).
  const listings = limiter(LISTINGS_AT_ONCE);
  const walk = async (rel: string, depth: number): Promise<FolderListing> => {
    let names: string[];
    let kinds: Map<string, Dirent>;
    try {
      const dirents = await listings(async () => {
        if (entries > BUNDLE_LIMITS.maxEntries) throw tooMany();
        return readdir(path.join(dir, rel));
      });
      kinds = new Map(dirents.map((d) => [d.name, d]));
      names = [...kinds.keys()].sort();
    } catch (error) {
      if (error instanceof KeyferryError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new KeyferryError('BUNDLE_UNREADABLE', { action: 'list', name: rel || dir, errno: code ?? 'error' });
    }
    entries += names.length;
    if (entries > BUNDLE_LIMITS.maxEntries) throw tooMany();
    // A folder is known from its entry's type (what lstat says of it, read by readdir with the name;
    // Node asks lstat where the file system does not say): only the other entries are looked at,
    // for their size and identity.
    const stats = await Promise.all(
      names.map((base) => {
        const entry = kinds.get(base) as Dirent;
        return entry.isDirectory() ? entry : lstatOrRefuse(path.join(dir, rel, base), rel ? `${rel}/${base}` : base);
      }),
    );
    // This folder's entries in name order, each sub-folder's listing (its walk started at once) in
    // its place: the folder, then everything in it, as a walk one folder after the other lists them.
    let here: FolderListing = { files: [], folders: [], ignored: [] };
    const parts: (FolderListing | Promise<FolderListing>)[] = [here];
    try {
      for (const [i, base] of names.entries()) {
        const name = rel ? `${rel}/${base}` : base;
        const stat = stats[i] as Stats | Dirent;
        if (stat.isSymbolicLink()) {
          throw new KeyferryError('BUNDLE_SYMLINK', { where: 'inside', name });
        }
        if (stat.isDirectory()) {
          if (depth >= BUNDLE_LIMITS.maxDepth) {
            throw new KeyferryError('BUNDLE_UNEXPECTED_FILE', { entry: 'deep', name });
          }
          here.folders.push(name);
          const sub = walk(name, depth + 1);
          // Taken in order below; one left behind by a refusal is never an unhandled rejection.
          sub.catch(() => undefined);
          here = { files: [], folders: [], ignored: [] };
          parts.push(sub, here);
        } else if (stat.isFile()) {
          // Not a folder: lstat's own answer, with the size and identity.
          const { size, dev, ino } = stat as Stats;
          if (isOsMetadataFile(base)) here.ignored.push(name);
          else here.files.push([name, { size, dev, ino }]);
        } else {
          throw new KeyferryError('BUNDLE_SPECIAL_FILE', { kind: specialKind(stat as Stats), name });
        }
      }
    } catch (error) {
      // A refusal here comes after the sub-folders before it in name order: theirs come first.
      for (const part of parts) await part;
      throw error;
    }
    const listing: FolderListing = { files: [], folders: [], ignored: [] };
    for (const part of parts) {
      const found = await part;
      listing.files.push(...found.files);
      listing.folders.push(...found.folders);
      listing.ignored.push(...found.ignored);
    }
    return listing;
  };
  const top = await walk('', 1);
  return { files: new Map(top.files), folders: new Set(top.folders), ignored: top.ignored };
}
