/**
 * The bundles beside a bundle folder on the same media, by digest: a hint for a refused witness
 * value, never a source of anything a ceremony uses. The online side writes a new bundle (with its
 * own digest) each time `online params` runs; when the witnesses type the digest read aloud and it is
 * not the digest of the bundle here but of a folder beside it, the officer took the wrong folder, and
 * saying which one is the whole help. A folder is a neighbour when it is a real folder (not a link)
 * holding a regular file `manifest.json`; its digest is that file's SHA-256, as for any bundle. It is
 * not verified: the refusal only names the folder whose manifest has the value typed, and the
 * ceremony that manifest names when it is another than the bundle read here (a stick of two
 * ceremonies: then wrapping that folder instead is not the answer). The same look one level down
 * finds the bundle in a stick's root given where its folder was meant (bundlesInside).
 */
import { lstat, open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_FILE, WRAPPED_MATERIAL_FORMAT } from './bundle-limits';
import { manifestClaims, type ClaimedWrapJournal } from './read-bundle';

/** A folder beside the bundle and the SHA-256 of its manifest (64 lower-case hex digits). */
export interface NeighbourBundle {
  readonly folder: string;
  readonly digest: string;
  /** The ceremony its manifest names, when another than that of the bundle read here (its own). */
  readonly otherCeremony?: { readonly named: string; readonly own: string };
  /** Its manifest claims a wrapped-material bundle (an air-gapped side's output, not the online side's). */
  readonly wrapped?: true;
  /** For a wrapped-material bundle made by a wrap, the air-gapped journal its manifest names (unchecked). */
  readonly wrappedIn?: ClaimedWrapJournal;
  /** The ceremony its manifest names (unchecked; none when it names no valid id). */
  readonly ceremonyId?: string;
}

/** How many folders beside the bundle are looked at, and the largest manifest read: a hint stays cheap. */
const MAX_NEIGHBOURS = 64;
const MAX_MANIFEST_BYTES = 1024 * 1024;

/**
 * The SHA-256 of `folder`'s manifest and the ceremony it names (unchecked), or undefined when it has
 * none that is a regular file of a sane size.
 */
async function folderManifestClaims(folder: string): Promise<ReturnType<typeof manifestClaims> | undefined> {
  const file = path.join(folder, MANIFEST_FILE);
  const stat = await lstat(file).catch(() => undefined);
  if (!stat?.isFile() || stat.size > MAX_MANIFEST_BYTES) return undefined;
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    return manifestClaims(await handle.readFile());
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/** Whether `folder` holds a manifest.json that claims a Keyferry bundle format (unchecked, as every look here). */
export async function claimsKeyferryBundle(folder: string): Promise<boolean> {
  return (await folderManifestClaims(folder))?.format !== undefined;
}

/**
 * The bundles in the folders beside `dir` (its parent's other real folders that hold a manifest),
 * each named as the bundle is shown (`shownAs`: the folder as the officer gave it), its last path
 * part replaced, with the ceremony it names when another than `ceremonyId`. Anything unreadable is left out.
 */
export async function neighbourBundles(
  dir: string,
  shownAs: string,
  ceremonyId: string | undefined,
): Promise<NeighbourBundle[]> {
  return bundlesIn(
    path.dirname(path.resolve(dir)),
    path.dirname(shownAs),
    ceremonyId,
    path.basename(path.resolve(dir)),
  );
}

/**
 * The bundles in the real folders right inside `dir`, named under `shownAs` (the folder as the
 * officer gave it): for a stick's root given where a bundle folder was meant.
 */
export function bundlesInside(dir: string, shownAs: string, ceremonyId?: string): Promise<NeighbourBundle[]> {
  return bundlesIn(path.resolve(dir), shownAs, ceremonyId);
}

/** The bundles in `parent`'s real folders (but `skip`), named under `shownParent`. */
async function bundlesIn(
  parent: string,
  shownParent: string,
  ceremonyId: string | undefined,
  skip?: string,
): Promise<NeighbourBundle[]> {
  const entries = await readdir(parent, { withFileTypes: true }).catch(() => []);
  const folders = entries
    .filter((e) => e.isDirectory() && e.name !== skip)
    .map((e) => e.name)
    .sort()
    .slice(0, MAX_NEIGHBOURS);
  const found: NeighbourBundle[] = [];
  for (const name of folders) {
    const claims = await folderManifestClaims(path.join(parent, name));
    if (claims === undefined) continue;
    const named = claims.ceremonyId;
    found.push({
      folder: path.join(shownParent, name),
      digest: claims.digest,
      ...(claims.format === WRAPPED_MATERIAL_FORMAT ? { wrapped: true as const } : {}),
      ...(claims.wrappedIn ? { wrappedIn: claims.wrappedIn } : {}),
      ...(named !== undefined ? { ceremonyId: named } : {}),
      ...(named !== undefined && ceremonyId !== undefined && named !== ceremonyId
        ? { otherCeremony: { named, own: ceremonyId } }
        : {}),
    });
  }
  return found;
}
