/**
 * A custodian folder's custody files by what they are, not by a spelled-out name: since session 13
 * their names carry the set's tag (the backup digest's first 8 hex digits), so two custody sets of
 * one ceremony never share a name (`keyferry-share-<ceremony>-<set>-<i>of<N>.json`,
 * `keyferry-backup-<ceremony>-<set>.txt`).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** The one file in `folder` (read against `cwd` when relative) whose name matches `pattern`, as `folder` joined with it. */
function onlyFile(folder: string, pattern: RegExp, cwd: string): string {
  const found = readdirSync(path.resolve(cwd, folder)).filter((name) => pattern.test(name));
  if (found.length !== 1)
    throw new Error(`expected one file matching ${String(pattern)} in ${folder}, found ${found.length}`);
  return path.join(folder, found[0] as string);
}

/** Share `index`'s file in `folder` (a custody set's, format 2). */
export function shareFileIn(folder: string, index: number, cwd = ''): string {
  return onlyFile(folder, new RegExp(`^keyferry-share-.+-[0-9A-F]{8}-${index}of\\d+\\.json$`), cwd);
}

/** The custody set's backup file in `folder` (`html`: its printout). */
export function backupFileIn(folder: string, cwd = '', extension: 'txt' | 'html' = 'txt'): string {
  return onlyFile(folder, new RegExp(`^keyferry-backup-.+-[0-9A-F]{8}\\.${extension}$`), cwd);
}
