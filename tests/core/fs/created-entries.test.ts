/**
 * Taking away exactly what one write attempt created (src-main/core/fs/created-entries.ts), on real
 * folders: the layer notes the files it created exclusively and the folders it made, never a file it
 * only opened; removal takes those away newest first, leaves what someone else put there (and so the
 * folder holding it), and names a file it could not remove from read-only media.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { constants, mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  recordingLayer,
  refuseMovedFolders,
  removeCreatedEntries,
  writeAllOrNothing,
} from '../../../src-main/core/fs/created-entries';
import { createFreshFolder, nodeFileLayer, writeFileExclusive } from '../../../src-main/core/fs/durable-file';
import { KeyferryError } from '../../../src-main/core/errors';
import { errnoError } from '../bundle/fault-layer';
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
    expect(created).toMatchObject({
      files: [path.join(bundle, 'keys', 'a.bin'), path.join(bundle, 'README.txt')],
      createdFolders: [bundle, path.join(bundle, 'keys')],
    });
    // What each file and folder was: the two files, the two folders made, nothing opened only.
    expect([...created.identities.keys()].sort()).toEqual(
      [bundle, path.join(bundle, 'keys'), path.join(bundle, 'keys', 'a.bin'), path.join(bundle, 'README.txt')].sort(),
    );
    expect(await removeCreatedEntries(created)).toEqual({
      removedFiles: 2,
      removedFolders: [path.join(bundle, 'keys'), bundle],
      keptFolders: [],
      leftFiles: [],
      movedFiles: [],
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
    expect(removed).toEqual({
      removedFiles: 1,
      removedFolders: [],
      keptFolders: [],
      leftFiles: [file],
      movedFiles: [],
    });
    expect(await readdir(media)).toEqual(['EncryptedKeyMaterial.bin']);
  });

  it('never calls files removed that went away with their folder, nor touches what the path now leads to', async () => {
    const { layer, created } = recordingLayer(nodeFileLayer);
    const bundle = path.join(dir, 'bundle');
    await layer.mkdir(bundle);
    await writeFileExclusive(path.join(bundle, 'a.bin'), 'a', { layer });
    await writeFileExclusive(path.join(bundle, 'b.bin'), 'b', { layer });
    // Moved away mid-write, and a link to another folder put in its place (a trial's race), where
    // a file of the same name is someone else's.
    await rename(bundle, path.join(dir, 'moved'));
    await mkdir(path.join(dir, 'decoy'));
    await writeFile(path.join(dir, 'decoy', 'b.bin'), 'theirs');
    await symlink(path.join(dir, 'decoy'), bundle);
    const removed = await removeCreatedEntries(created);
    // The folder made is named once, for both files.
    expect(removed).toEqual({
      removedFiles: 0,
      removedFolders: [],
      keptFolders: [],
      leftFiles: [],
      movedFiles: [bundle],
    });
    expect((await readdir(path.join(dir, 'moved'))).sort()).toEqual(['a.bin', 'b.bin']);
    expect(await readFile(path.join(dir, 'decoy', 'b.bin'), 'utf8')).toBe('theirs');
  });

  it('removes its own file reached through a link to the folder it was written into', async () => {
    const { layer, created } = recordingLayer(nodeFileLayer);
    const bundle = path.join(dir, 'bundle');
    await layer.mkdir(bundle);
    await writeFileExclusive(path.join(bundle, 'a.bin'), 'a', { layer });
    await rename(bundle, path.join(dir, 'moved'));
    await symlink(path.join(dir, 'moved'), bundle);
    expect(await removeCreatedEntries(created)).toMatchObject({ removedFiles: 1, leftFiles: [], movedFiles: [] });
    expect(await readdir(path.join(dir, 'moved'))).toEqual([]);
  });

  it('counts a file its own failed write took away as removed, and one taken out of its folder as not where written', async () => {
    const full = { ...nodeFileLayer, readFile: () => Promise.reject(errnoError('EIO')) };
    const { layer, created } = recordingLayer(full);
    const failed = path.join(dir, 'a.bin');
    await expect(writeFileExclusive(failed, 'a', { layer })).rejects.toMatchObject({ code: 'WRITE_FAILED' });
    // A share taken out of the (unchanged) folder before the clean-up: never "removed".
    const taken = path.join(dir, 'share.json');
    await writeFileExclusive(taken, 's', { layer: recordingLayer(nodeFileLayer, undefined, created).layer });
    await rename(taken, path.join(dir, '..', `${path.basename(dir)}-stolen.json`));
    expect(await removeCreatedEntries(created)).toMatchObject({ removedFiles: 1, movedFiles: [taken], leftFiles: [] });
    await rm(path.join(dir, '..', `${path.basename(dir)}-stolen.json`));
  });

  it('a second pass over what a first one took away through a link calls it removed, as the first did', async () => {
    const { layer, created } = recordingLayer(nodeFileLayer);
    const folder = path.join(dir, 'custodian');
    await mkdir(folder);
    await writeFileExclusive(path.join(folder, 'a.json'), 'a', { layer });
    await rename(folder, path.join(dir, 'moved'));
    await mkdir(path.join(dir, 'elsewhere'));
    await symlink(path.join(dir, 'elsewhere'), folder);
    // Written through the link after the swap: onto the other disk.
    await writeFileExclusive(path.join(folder, 'b.html'), 'b', { layer });
    const first = await removeCreatedEntries({ ...created, files: created.files.slice(1) });
    expect(first).toMatchObject({ removedFiles: 1, movedFiles: [] });
    expect(await removeCreatedEntries(created)).toMatchObject({
      removedFiles: 1,
      movedFiles: [path.join(folder, 'a.json')],
    });
  });

  it('names a folder it made that went elsewhere once, for all it holds', async () => {
    const { layer, created } = recordingLayer(nodeFileLayer);
    const bundle = path.join(dir, 'params');
    await layer.mkdir(bundle);
    await layer.mkdir(path.join(bundle, 'keys'));
    for (const name of ['k1', 'k2', 'k3']) await writeFileExclusive(path.join(bundle, 'keys', name), name, { layer });
    await writeFileExclusive(path.join(dir, 'beside.txt'), 'x', { layer });
    await rename(bundle, path.join(dir, 'params.moved'));
    await mkdir(path.join(dir, 'elsewhere'));
    await symlink(path.join(dir, 'elsewhere'), bundle);
    expect(await removeCreatedEntries(created)).toEqual({
      removedFiles: 1,
      removedFolders: [],
      keptFolders: [],
      leftFiles: [],
      movedFiles: [bundle],
    });
    expect(await readdir(path.join(dir, 'params.moved', 'keys'))).toEqual(['k1', 'k2', 'k3']);
  });

  it.skipIf(!MOUNTS_AVAILABLE)(
    'a folder it made on a stick pulled before any file went in holds nothing of this write: never named as not where it was made',
    async () => {
      const { layer, created } = recordingLayer(nodeFileLayer);
      const [dana, eli] = [path.join(dir, 'dana'), path.join(dir, 'eli')];
      for (const stick of [dana, eli]) {
        await mkdir(stick);
        unmounts.push(mountTmpfs(stick, { sizeKiB: 64 }));
      }
      for (const stick of [dana, eli]) await layer.mkdir(path.join(stick, 'kf'));
      await writeFileExclusive(path.join(dana, 'kf', 'share-1.json'), 'share 1', { layer });
      // Both sticks pulled: Dana's holds the share written there, Eli's only the empty folder made.
      for (const unmount of unmounts.splice(0)) unmount();
      expect(await removeCreatedEntries(created)).toEqual({
        removedFiles: 0,
        removedFolders: [path.join(eli, 'kf')],
        keptFolders: [],
        leftFiles: [],
        movedFiles: [path.join(dana, 'kf')],
      });
    },
  );

  it('refuses a folder written into that is no longer at its path, before anything is called written', async () => {
    const { layer, created } = recordingLayer(nodeFileLayer);
    const bundle = path.join(dir, 'bundle');
    await layer.mkdir(bundle);
    await writeFileExclusive(path.join(bundle, 'a.bin'), 'a', { layer });
    await expect(refuseMovedFolders(created)).resolves.toBeUndefined();
    await rename(bundle, path.join(dir, 'moved'));
    await mkdir(bundle);
    await expect(refuseMovedFolders(created)).rejects.toMatchObject({
      code: 'OUTPUT_FOLDER_CHANGED',
      values: { folder: bundle },
    });
  });
});

describe('writeAllOrNothing', () => {
  it('takes away what a failed write created, and names plain key material it could not find again', async () => {
    const out = path.join(dir, 'restored');
    const error = (await writeAllOrNothing(
      async (layer) => {
        await createFreshFolder(out, layer);
        await writeFileExclusive(path.join(out, 'k1.key'), 'secret', { layer });
        // Something beside Keyferry moves the folder, then the next write fails.
        await rename(out, path.join(dir, 'taken'));
        await writeFileExclusive(path.join(out, 'k2.key'), 'secret', { layer });
      },
      { plain: true },
    ).catch((caught: unknown) => caught)) as KeyferryError;
    expect(error.code).toBe('FILES_LEFT_BEHIND');
    expect(error.message).toContain(`Not where it was written`);
    // The folder made is named, for the key file it holds wherever it is now.
    expect(error.message).toContain(`: ${out}; it holds key material`);
    expect(error.message).toContain('it holds key material in plain form');
    expect(error.nextStep).toMatch(/^Find that file wherever that folder is now and destroy it at once/);
    expect(await readdir(path.join(dir, 'taken'))).toEqual(['k1.key']);
  });

  it('refuses a write whose folder was swapped while it wrote, and removes what went elsewhere', async () => {
    const out = path.join(dir, 'wrapped');
    await mkdir(path.join(dir, 'workstation'));
    const error = (await writeAllOrNothing(async (layer) => {
      await createFreshFolder(out, layer);
      await writeFileExclusive(path.join(out, 'a.bin'), 'a', { layer });
      await rename(out, path.join(dir, 'stick-moved'));
      await symlink(path.join(dir, 'workstation'), out);
      await writeFileExclusive(path.join(out, 'b.bin'), 'b', { layer });
    }).catch((caught: unknown) => caught)) as KeyferryError;
    expect(error.code).toBe('FILES_LEFT_BEHIND');
    expect(error.toProblem().values).toMatchObject({ cause: 'OUTPUT_FOLDER_CHANGED', moved: 1, left: 0 });
    // The file that went through the link is taken away again; the one in the moved folder is named.
    expect(await readdir(path.join(dir, 'workstation'))).toEqual([]);
    expect(await readdir(path.join(dir, 'stick-moved'))).toEqual(['a.bin']);
  });

  it('passes a failure through unchanged when everything it created was taken away', async () => {
    const out = path.join(dir, 'out');
    const error = await writeAllOrNothing(async (layer) => {
      await createFreshFolder(out, layer);
      await writeFileExclusive(path.join(out, 'a.bin'), 'a', { layer });
      throw new KeyferryError('OUTPUT_FOLDER_CHANGED', { folder: out });
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'OUTPUT_FOLDER_CHANGED' });
    expect(await readdir(dir)).toEqual([]);
  });
});
