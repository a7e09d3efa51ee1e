/**
 * A custodian's folder given where its share file belongs (`--share /media/stick`, the folder the
 * airgap wrap wrote into): refused naming the share files it holds, so the officer picks the file
 * instead of reading "not a regular file" and guessing. Nothing in the folder is read or chosen: a
 * stick may hold shares of several ceremonies, and which one is meant is for the officer to say.
 */
import { listValue } from '../../i18n/list';
import { readdir, stat } from 'node:fs/promises';
import { KeyferryError } from '../errors';

/** Share files as airgap wrap and custody split name them: keyferry-share-…-<i>of<n>.json. */
const SHARE_FILE_NAME = /^keyferry-share-.+-\d+of\d+\.json$/;

/** At most this many share files are named (the count says how many there are). */
const NAMED_SHARES = 4;

/**
 * The refusal of `folder` given as a share file when it is a folder holding share files
 * (CUSTODY_SHARE_PATH_IS_FOLDER); undefined when it is no folder or holds none.
 */
export async function shareFolderRefusal(folder: string): Promise<KeyferryError | undefined> {
  const isFolder = await stat(folder).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isFolder) return undefined;
  const names = await readdir(folder).then(
    (entries) => entries.filter((name) => SHARE_FILE_NAME.test(name)).sort((a, b) => a.localeCompare(b)),
    () => [],
  );
  if (names.length === 0) return undefined;
  const shown = names.slice(0, NAMED_SHARES);
  return new KeyferryError('CUSTODY_SHARE_PATH_IS_FOLDER', {
    folder,
    count: names.length,
    namesList: listValue(names.length > NAMED_SHARES ? [...shown, '…'] : shown),
  });
}
