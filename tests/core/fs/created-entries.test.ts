/**
 * Taking away exactly what one write attempt created (src-main/core/fs/created-entries.ts), on real
 * folders: the layer notes the files it created exclusively and the folders it made, never a file it
 * only opened; removal takes those away newest first, leaves what someone else put there (and so the
 * folder holding it), and names a file it could not remove from read-only media.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { constants, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordingLayer, removeCreatedEntries } from '../../../src-main/core/fs/created-entries';
import { nodeFileLayer, writeFileExclusive } from '../../../src-main/core/fs/durable-file';
import { MOUNTS_AVAILABLE, mountTmpfs } from '../../support/tmpfs-mount';

let dir: string;
const unmounts: (() => void)[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-created-entries-'));
});
afterEach(async () => {
  for (const unmount of unmounts.splice(0)) unmount();
  await rm(dir, { recursive: true, force: true });
});

describe('recordingLayer and removeCreatedEntries', () => {
  it('notes the folders made and the files created exclusively, and removes them newest first', async () => {
    const { layer, created } = recordingLayer(nodeFileLayer);
    const bundle = path.join(dir, 'bundle');
    await layer.mkdir(bundle);
    await layer.mkdir(path.join(bundle, 'keys'));
    await writeFileExclusive(path.join(bundle, 'keys', 'a.bin'), 'a', { layer });
    await writeFileExclusive(path.join(bundle, 'README.txt'), 'r', { layer });
    // Opened, not created: never taken for this attempt's.
    await (await layer.open(path.join(bundle, 'README.txt'), constants.O_RDONLY, 0)).close();
    expect(created).toEqual({
      files: [path.join(bundle, 'keys', 'a.bin'), path.join(bundle, 'README.txt')],
      createdFolders: [bundle, path.join(bundle, 'keys')],
    });
    expect(await removeCreatedEntries(created)).toEqual({
      removedFiles: 2,
      removedFolders: [path.join(bundle, 'keys'), bundle],
      keptFolders: [],
      leftFiles: [],
    });
    expect(existsSync(bundle)).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });

  it('leaves a file someone else put there, and the folders holding it', async () => {
    const { layer, created } = recordingLayer(nodeFileLayer);
    const bundle = path.join(dir, 'bundle');
    await layer.mkdir(bundle);
    await layer.mkdir(path.join(bundle, 'keys'));
    await writeFileExclusive(path.join(bundle, 'keys', 'a.bin'), 'a', { layer });
    await writeFile(path.join(bundle, 'keys', 'notes.txt'), 'mine');
    const removed = await removeCreatedEntries(created);
    expect(removed).toMatchObject({ removedFiles: 1, removedFolders: [], leftFiles: [] });
    expect(removed.keptFolders).toEqual([bundle, path.join(bundle, 'keys')]);
    expect(await readdir(path.join(bundle, 'keys'))).toEqual(['notes.txt']);
  });

  it.skipIf(!MOUNTS_AVAILABLE)('names the files it could not remove from media made read-only', async () => {
    const media = path.join(dir, 'media');
    let file = '';
    unmounts.push(
      mountTmpfs(media, {
        sizeKiB: 64,
        readOnly: true,
        prepare: (folder) => {
          file = path.join(folder, 'EncryptedKeyMaterial.bin');
          writeFileSync(file, 'x');
        },
      }),
    );
    const elsewhere = path.join(dir, 'elsewhere');
    await mkdir(elsewhere);
    await writeFile(path.join(elsewhere, 'b.bin'), 'b');
    const removed = await removeCreatedEntries({ files: [file, path.join(elsewhere, 'b.bin')], createdFolders: [] });
    expect(removed).toEqual({ removedFiles: 1, removedFolders: [], keptFolders: [], leftFiles: [file] });
    expect(await readdir(media)).toEqual(['EncryptedKeyMaterial.bin']);
  });
});
