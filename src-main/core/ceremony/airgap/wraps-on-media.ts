/**
 * This ceremony's wraps on the media: the wrapped-material bundles in the folders beside the
 * import-parameters bundle and beside the folder a wrap writes to, that name this ceremony and were
 * made by a wrap (not a custody restore), each with the air-gapped journal its manifest names.
 * Parameters that name no journal (a first wrap's) are held to such a journal as to the one
 * parameters name (named-journal.ts): a trial's officer ran the first parameters' wrap again in a
 * new journal in another folder, beside the finished wrap's bundle on the same stick, and made a
 * second material with no word. Read from the manifests alone, unchecked (bundle/neighbour-bundles.ts):
 * a folder that claims what it is not can only refuse a wrap, and the refusal says to check it.
 */
import type { ClaimedWrapJournal } from '../../bundle/read-bundle';
import { neighbourBundles } from '../../bundle/neighbour-bundles';

export interface WrapOnMedia {
  /** The bundle's folder, named as the folder it lies beside was given (its last path part replaced). */
  readonly folder: string;
  readonly journal: ClaimedWrapJournal;
}

/** The wraps of `ceremonyId` in the folders beside each of `beside` (a folder and how it was given), each folder once. */
export async function wrapsOnMedia(
  beside: readonly { readonly dir: string; readonly shownAs: string }[],
  ceremonyId: string,
): Promise<WrapOnMedia[]> {
  const found = new Map<string, WrapOnMedia>();
  for (const { dir, shownAs } of beside) {
    for (const bundle of await neighbourBundles(dir, shownAs, ceremonyId)) {
      if (bundle.wrappedIn === undefined || bundle.ceremonyId !== ceremonyId || found.has(bundle.folder)) continue;
      found.set(bundle.folder, { folder: bundle.folder, journal: bundle.wrappedIn });
    }
  }
  return [...found.values()];
}
