/**
 * The removable media's placeholder of the Next lines (`MEDIA/…`, command-line.ts `onMedia`) left in
 * a pasted command line: refused before the command runs, saying to replace it, instead of the
 * command's own "does not exist" or "the media may have been removed" about `<cwd>/MEDIA/…`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { KeyferryError } from '../core/errors';

const PLACEHOLDER = 'MEDIA';

/** The value in `args` (a word, or an `--option=value`) naming a path under MEDIA, if any. */
function placeholderPath(args: readonly string[]): string | undefined {
  for (const arg of args) {
    const value = arg.startsWith('--') && arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : arg;
    if (value === PLACEHOLDER || value.startsWith(`${PLACEHOLDER}/`)) return value;
  }
  return undefined;
}

/**
 * Refuses `args` when a value still starts with MEDIA and no folder MEDIA exists in `cwd` (one that
 * does is a real folder of that name, and is taken as given).
 */
export function refuseUnreplacedMedia(args: readonly string[], cwd: string): void {
  const value = placeholderPath(args);
  if (value !== undefined && !existsSync(path.join(cwd, PLACEHOLDER))) {
    throw new KeyferryError('CLI_MEDIA_NOT_REPLACED', { value: value.slice(0, 120) });
  }
}
