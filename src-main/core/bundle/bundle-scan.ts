/**
 * Lists what is really in a bundle folder without following anything: lstat only, symbolic
 * links and special files refused wherever they are, entries and depth capped.
 */
import type { Stats } from 'node:fs';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { BUNDLE_LIMITS, isOsMetadataFile } from './bundle-limits';
import { bundleRefused } from './bundle-problem';

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

function specialKind(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isBlockDevice() || stat.isCharacterDevice()) return 'a device file';
  return 'a special file';
}

async function lstatOrRefuse(full: string, name: string): Promise<Stats> {
  try {
    return await fs.lstat(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw bundleRefused(
      'BUNDLE_UNREADABLE',
      `Could not look at ${name} (${code ?? 'error'}): the media may have been removed.`,
      'Reconnect the media and read the bundle again.',
    );
  }
}

/** Scans `dir`, which must be a real folder (not a link to one). */
export async function scanBundleFolder(dir: string): Promise<FolderScan> {
  const top = await lstatOrRefuse(dir, dir);
  if (top.isSymbolicLink()) {
    throw bundleRefused(
      'BUNDLE_SYMLINK',
      `${dir} is a symbolic link, not a bundle folder.`,
      'Open the bundle folder itself.',
    );
  }
  if (!top.isDirectory()) {
    throw bundleRefused(
      'BUNDLE_NOT_A_FOLDER',
      `${dir} is not a folder.`,
      'Pick the bundle folder (the one holding manifest.json).',
    );
  }
  const scan: FolderScan = { files: new Map(), folders: new Set(), ignored: [] };
  let entries = 0;
  const walk = async (rel: string, depth: number): Promise<void> => {
    let names: string[];
    try {
      names = (await fs.readdir(path.join(dir, rel))).sort();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw bundleRefused(
        'BUNDLE_UNREADABLE',
        `Could not list ${rel || dir} (${code ?? 'error'}).`,
        'Reconnect the media and read the bundle again.',
      );
    }
    entries += names.length;
    if (entries > BUNDLE_LIMITS.maxEntries) {
      throw bundleRefused(
        'BUNDLE_TOO_MANY_FILES',
        `The bundle folder holds more than ${BUNDLE_LIMITS.maxEntries} entries.`,
      );
    }
    const stats = await Promise.all(
      names.map((base) => lstatOrRefuse(path.join(dir, rel, base), rel ? `${rel}/${base}` : base)),
    );
    for (const [i, base] of names.entries()) {
      const name = rel ? `${rel}/${base}` : base;
      const stat = stats[i] as Stats;
      if (stat.isSymbolicLink()) {
        throw bundleRefused(
          'BUNDLE_SYMLINK',
          `The bundle contains a symbolic link, ${name}; bundles never hold links.`,
        );
      }
      if (stat.isDirectory()) {
        if (depth >= BUNDLE_LIMITS.maxDepth) {
          throw bundleRefused('BUNDLE_UNEXPECTED_FILE', `The bundle holds a folder nested too deep: ${name}.`);
        }
        scan.folders.add(name);
        await walk(name, depth + 1);
      } else if (stat.isFile()) {
        if (isOsMetadataFile(base)) scan.ignored.push(name);
        else scan.files.set(name, { size: stat.size, dev: stat.dev, ino: stat.ino });
      } else {
        throw bundleRefused(
          'BUNDLE_SPECIAL_FILE',
          `The bundle contains ${specialKind(stat)}, ${name}; bundles hold only regular files.`,
        );
      }
    }
  };
  await walk('', 1);
  return scan;
}
