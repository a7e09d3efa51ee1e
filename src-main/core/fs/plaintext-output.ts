/**
 * Where plaintext key material may not be written: inside a bundle folder (one that holds a
 * manifest.json), on the way to or from the online workstation. A trial's `custody restore --out`
 * named a folder inside a wrapped-material bundle on the transfer stick: the key file was written
 * there, and the online side only called it a file "not in its manifest", never plaintext to wipe.
 */
import path from 'node:path';
import { KeyferryError } from '../errors';
import { pathExists } from './path-exists';

/** The nearest folder at or above `place` that holds a manifest.json (a bundle), if any. */
async function bundleAround(place: string): Promise<string | undefined> {
  for (let dir = path.resolve(place); ; dir = path.dirname(dir)) {
    if (await pathExists(path.join(dir, 'manifest.json'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Refuses (PLAINTEXT_OUT_IN_BUNDLE) plaintext material to be written at `out`, a folder or file inside a bundle folder. */
export async function refusePlaintextInBundle(out: string): Promise<void> {
  const bundle = await bundleAround(out);
  if (bundle !== undefined) throw new KeyferryError('PLAINTEXT_OUT_IN_BUNDLE', { path: path.resolve(out), bundle });
}
