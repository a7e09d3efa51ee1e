/**
 * Where plaintext key material may not be written: inside a Keyferry bundle folder, or beside one
 * (the medium that carries bundles between the workstations). A trial's `custody restore --out`
 * named a folder inside a wrapped-material bundle on the transfer stick: the key file was written
 * there, and the online side only called it a file "not in its manifest", never plaintext to wipe;
 * a review then wrote it beside the bundle on the same stick, where nothing looks at all. A folder
 * is a bundle when its manifest.json names a Keyferry format (another program's manifest.json, in a
 * home folder say, is not one).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { claimsKeyferryBundle } from '../bundle/neighbour-bundles';
import { KeyferryError } from '../errors';

/** The nearest bundle folder at or above `place`, if any. */
async function bundleAround(place: string): Promise<string | undefined> {
  for (let dir = path.resolve(place); ; dir = path.dirname(dir)) {
    if (await claimsKeyferryBundle(dir)) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** A bundle folder right inside `parent` (beside what is written there), if any. */
async function bundleBeside(parent: string): Promise<string | undefined> {
  const entries = await fs.readdir(parent, { withFileTypes: true }).catch(() => []);
  for (const entry of entries)
    if (entry.isDirectory() && (await claimsKeyferryBundle(path.join(parent, entry.name))))
      return path.join(parent, entry.name);
  return undefined;
}

/**
 * Refuses (PLAINTEXT_OUT_IN_BUNDLE) plaintext material to be written at `out` (a folder or a file)
 * inside a bundle folder, or in a folder that holds one.
 */
export async function refusePlaintextInBundle(out: string): Promise<void> {
  const place = path.resolve(out);
  const inside = await bundleAround(place);
  if (inside !== undefined)
    throw new KeyferryError('PLAINTEXT_OUT_IN_BUNDLE', { path: place, bundle: inside, where: 'inside' });
  const beside = await bundleBeside(path.dirname(place));
  if (beside !== undefined)
    throw new KeyferryError('PLAINTEXT_OUT_IN_BUNDLE', { path: place, bundle: beside, where: 'beside' });
}
