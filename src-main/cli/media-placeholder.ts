/**
 * The removable media's placeholder of the Next lines (`MEDIA/…`, command-line.ts `onMedia`) left in
 * a pasted command line: refused before the command runs, saying to replace it, instead of the
 * command's own "does not exist" or "the media may have been removed" about `<cwd>/MEDIA/…`. Only
 * path values are looked at (options.ts: those whose --help placeholder is FILE or DIR, and such a
 * positional): a key alias or a reason may well start with MEDIA/.
 */
import { KeyferryError } from '../core/errors';

/** `MEDIA`, or a path under it written with either separator (a folder really named MEDIA: `./MEDIA/…`). */
const PLACEHOLDER_PATH = /^MEDIA(?:[\\/]|$)/;

/** Refuses the path value `value` when it still starts with the MEDIA placeholder. */
export function refuseUnreplacedMedia(value: string): void {
  if (PLACEHOLDER_PATH.test(value)) {
    throw new KeyferryError('CLI_MEDIA_NOT_REPLACED', { value: value.slice(0, 120) });
  }
}
