/**
 * A STAND-IN for Electron's Linux dist (the folder electron-builder's `electronDist` option
 * names), so electron-builder can pack here, where no Electron can be downloaded. It has the
 * shape electron-builder copies and renames (an `electron` executable, `version`, `LICENSE`,
 * `locales/`, `resources/`) and, inside the executable, the fuse wire @electron/fuses flips:
 * the sentinel, wire version 1, the wire length and one byte per fuse with Electron's defaults.
 * It is not Electron: it cannot run the app; it proves what packaging does to the files.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** @electron/fuses' sentinel: the fuse wire follows it in every Electron binary since 12. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's unflipped wire, fuse V1 order (runAsNode … grantFileProtocolExtraPrivileges). */
const DEFAULT_WIRE = '10110001';

export async function writeStandInElectronDist(folder: string, version: string): Promise<void> {
  await mkdir(path.join(folder, 'locales'), { recursive: true });
  await mkdir(path.join(folder, 'resources'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, DEFAULT_WIRE.length]),
    Buffer.from(DEFAULT_WIRE, 'latin1'),
  ]);
  const executable = path.join(folder, 'electron');
  await writeFile(
    executable,
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "stand-in for Electron: cannot run apps" >&2\nexit 1\n# '),
      wire,
      Buffer.from('\n'),
    ]),
  );
  await chmod(executable, 0o755);
  await writeFile(path.join(folder, 'version'), `v${version}`);
  await writeFile(path.join(folder, 'LICENSE'), 'Stand-in Electron dist for packaging tests.\n');
  await writeFile(path.join(folder, 'locales', 'en-US.pak'), '');
}
