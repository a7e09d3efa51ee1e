/**
 * The bundles beside a bundle folder on the same media, by digest: a hint for a refused witness
 * value, never a source of anything a ceremony uses. The online side writes a new bundle (with its
 * own digest) each time `online params` runs; when the witnesses type the digest read aloud and it is
 * not the digest of the bundle here but of a folder beside it, the officer took the wrong folder, and
 * saying which one is the whole help. A folder is a neighbour when it is a real folder (not a link)
 * holding a regular file `manifest.json`; its digest is that file's SHA-256, as for any bundle. It is
 * not verified: the refusal only names the folder whose manifest has the value typed.
 */
import { createHash } from 'node:crypto';
import { lstat, open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_FILE } from './bundle-limits';

/** A folder beside the bundle and the SHA-256 of its manifest (64 lower-case hex digits). */
export interface NeighbourBundle {
  readonly folder: string;
  readonly digest: string;
}

/** How many folders beside the bundle are looked at, and the largest manifest read: a hint stays cheap. */
const MAX_NEIGHBOURS = 64;
const MAX_MANIFEST_BYTES = 1024 * 1024;

/** The SHA-256 of `folder`'s manifest, or undefined when it has none that is a regular file of a sane size. */
async function manifestDigest(folder: string): Promise<string | undefined> {
  const file = path.join(folder, MANIFEST_FILE);
  const stat = await lstat(file).catch(() => undefined);
  if (!stat?.isFile() || stat.size > MAX_MANIFEST_BYTES) return undefined;
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const bytes = await handle.readFile();
    return createHash('sha256').update(bytes).digest('hex');
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/**
 * The bundles in the folders beside `dir` (its parent's other real folders that hold a manifest),
 * each named as the bundle is shown (`shownAs`: the folder as the officer gave it), its last path
 * part replaced. Anything unreadable is left out.
 */
export async function neighbourBundles(dir: string, shownAs = dir): Promise<NeighbourBundle[]> {
  const parent = path.dirname(path.resolve(dir));
  const own = path.basename(path.resolve(dir));
  const entries = await readdir(parent, { withFileTypes: true }).catch(() => []);
  const folders = entries
    .filter((e) => e.isDirectory() && e.name !== own)
    .map((e) => e.name)
    .sort()
    .slice(0, MAX_NEIGHBOURS);
  const found: NeighbourBundle[] = [];
  for (const name of folders) {
    const digest = await manifestDigest(path.join(parent, name));
    if (digest !== undefined) found.push({ folder: path.join(path.dirname(shownAs), name), digest });
  }
  return found;
}
