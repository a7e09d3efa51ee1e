/** Where a Next line puts a bundle, and how commands are written for pasting into a shell (core/shell-command.ts). */
import path from 'node:path';
import { groupHex } from '../core/hex-groups';
import { cliTranslator } from './cli-locale';
import type { CliIo } from './command';
import { commandLine } from '../core/shell-command';

export { commandLine };

/**
 * `name` on the removable media, as a Next line gives it: `MEDIA/<name>`, where MEDIA is the media's
 * folder as the workstation typing the line mounts it (the line says so). Never the working folder
 * or this workstation's mount point: bundles travel on the media, and the two workstations mount it
 * at different paths.
 */
export function onMedia(name: string): string {
  return `MEDIA/${name}`;
}

/** The bundle folder `dir`, written on this workstation, as the other one finds it on the media: `MEDIA/<its name>`. */
export function bundleOnMedia(dir: string): string {
  return onMedia(path.basename(dir));
}

/**
 * The line after a Next line that names the bundle `dir` as `MEDIA/<its name>`: what MEDIA stands
 * for on the workstation of `side`, and the folder it is on this one.
 */
export function mediaFolderLine(io: Pick<CliIo, 'env' | 'locale'>, dir: string, side: 'online' | 'airgap'): string {
  return cliTranslator(io).t('cli.next.media-folder', { folder: path.dirname(path.resolve(dir)), side });
}

/**
 * What to type next on the online workstation after a wrapped-material bundle is written: the
 * import with the bundle's digest grouped as the air-gapped receipt prints it (quoted, so the line
 * still pastes), in the folder of the online journal (named by the parameters bundle when it said,
 * else a placeholder). The bundle is named on the media (`MEDIA/…`); mediaFolderLine says what MEDIA is.
 */
export function onlineImportHint(
  io: Pick<CliIo, 'env' | 'locale'>,
  onlineJournal: string | undefined,
  bundle: { readonly dir: string; readonly manifestSha256: string },
): string {
  const command = commandLine([
    'keyferry',
    'online',
    'import',
    '--journal',
    onlineJournal ?? 'ONLINE-JOURNAL.jsonl',
    '--bundle',
    bundleOnMedia(bundle.dir),
    '--expect-digest',
    groupHex(bundle.manifestSha256),
  ]);
  return cliTranslator(io).t('airgap.next.online-import', { command });
}

/**
 * What to do next after wrapping the console's raw files: no Keyferry online journal created that
 * key (the ceremony id was made up here), so `online import` cannot take the bundle; the console's
 * Import Key Material dialog takes the files of `keys/<key id>/` (the bundle's README.txt lists them).
 */
export function consoleImportHint(
  io: Pick<CliIo, 'env' | 'locale'>,
  keyId: string,
  bundle: { readonly dir: string; readonly manifestSha256: string },
): string {
  // Named on the media, as the online workstation mounts it (mediaFolderLine says where MEDIA is here).
  const onlineDir = bundleOnMedia(bundle.dir);
  return cliTranslator(io).t('airgap.next.console-import', {
    keyDir: path.posix.join(onlineDir, 'keys', keyId),
    readme: path.posix.join(onlineDir, 'README.txt'),
    digest: groupHex(bundle.manifestSha256),
  });
}
