/**
 * Keyferry writes only into the folder named, never through a symbolic link. A link planted on
 * removable media (`/media/stick/out` → a folder on the workstation's own disk) sent a wrapped
 * bundle onto the air-gapped disk while the tool said it was on the stick (a trial). So before
 * anything is asked of a witness or made, the folder as given and every existing folder above it
 * is looked at without following it (lstat), deepest first (the folder may not exist yet), and the
 * first link found is refused as OUTPUT_THROUGH_LINK, naming the link and where it points, in the
 * words bundle reading refuses a linked bundle folder with.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { KeyferryError } from '../errors';

/**
 * What a folder Keyferry writes into is for; messages name the folder by it. The first five are the
 * air-gapped preflight's (core/media/preflight.ts); `restored`: a custody restore's `--out`;
 * `onlineReceipt`: the online import's receipt folder; `rehearsal`: the rehearsal's folder.
 */
export type OutputRole =
  'bundle' | 'parameters' | 'receipt' | 'custodian' | 'console' | 'restored' | 'onlineReceipt' | 'rehearsal';

/** A folder Keyferry writes into: what for, and a custodian's number, 1-based. */
interface OutputPlace {
  readonly role: OutputRole;
  readonly index?: number;
  readonly folder: string;
}

/**
 * The one exception: a link in the first component of the path that root owns, i.e. the system's
 * own layout, not something on a medium. macOS has /tmp → private/tmp and /var → private/var (every
 * temporary folder, os.tmpdir() among them, lies under /var/folders), usr-merged Linux /bin → usr/bin,
 * Fedora Atomic /home → var/home. A medium is mounted further down (/media/…, /Volumes/…), and only
 * root can make or replace a name at the top of the file system. (Windows reports uid 0 for every
 * file, so a junction right under a drive's root passes too; any deeper one is refused.)
 */
function isSystemLayoutLink(at: string, owner: number): boolean {
  return owner === 0 && path.dirname(at) === path.parse(at).root;
}

/** The deepest symbolic link among `folder` (absolute) and the existing folders above it; where it points, absolute. */
async function linkOnTheWay(folder: string): Promise<{ link: string; target: string } | undefined> {
  for (let at = folder; path.dirname(at) !== at; at = path.dirname(at)) {
    // Not there (yet), under a file, a loop or not searchable: the folders above tell.
    const found = await fs.lstat(at).catch(() => undefined);
    if (!found?.isSymbolicLink() || isSystemLayoutLink(at, found.uid)) continue;
    const target = await fs.readlink(at);
    return { link: at, target: path.resolve(path.dirname(at), target) };
  }
  return undefined;
}

/** Refuses (OUTPUT_THROUGH_LINK) when `place.folder`, or an existing folder it lies in, is a symbolic link. */
export async function refuseOutputThroughLink(place: OutputPlace): Promise<void> {
  const folder = path.resolve(place.folder);
  const found = await linkOnTheWay(folder);
  if (!found) return;
  throw new KeyferryError('OUTPUT_THROUGH_LINK', {
    role: place.role,
    index: place.index ?? 0,
    folder,
    at: found.link === folder ? 'itself' : 'above',
    link: found.link,
    target: found.target,
  });
}
