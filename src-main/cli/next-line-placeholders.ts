/**
 * The placeholders of the printed Next lines left in a pasted command line, refused before the
 * command runs, saying what to put in their place, instead of the command's own "does not exist",
 * "could not read the share file" or "not a date-time":
 * - `MEDIA/…`, the removable media's folder (command-line.ts `onMedia`), in any path value;
 * - `SHARE-1`, `SHARE-2` …, the custodians' share files of a `custody restore` line, in a path value;
 * - `EXPIRY`, the restored keys' material expiry of a `custody restore` line (refuseUnreplacedExpiry).
 * Only path values are looked at for the first two (options.ts: those whose --help placeholder is
 * FILE or DIR, and such a positional): a key alias or a reason may well start with MEDIA/.
 */
import { KeyferryError } from '../core/errors';

/** `MEDIA`, or a path under it written with either separator (a folder really named MEDIA: `./MEDIA/…`). */
const MEDIA_PATH = /^MEDIA(?:[\\/]|$)/;
/** A share file's placeholder as `online params` and `online status` print it (a file really so named: `./SHARE-1`). */
const SHARE_FILE = /^SHARE-\d{1,3}$/;

/** Refuses the path value `value` when it still is, or starts with, a Next line's placeholder. */
export function refuseUnreplacedPath(value: string): void {
  if (MEDIA_PATH.test(value)) throw new KeyferryError('CLI_MEDIA_NOT_REPLACED', { value: value.slice(0, 120) });
  if (SHARE_FILE.test(value)) throw new KeyferryError('CLI_SHARE_NOT_REPLACED', { value });
}

/** Refuses `custody restore --expires EXPIRY`, the placeholder its Next line gives, naming what it takes. */
export function refuseUnreplacedExpiry(value: string | undefined): void {
  if (value?.trim() === 'EXPIRY') throw new KeyferryError('CLI_EXPIRY_NOT_REPLACED', {});
}
