/**
 * Withdrawing a stopped session's custody files (src-main/core/custody/withdraw-custody.ts) on
 * real folders: exactly the files the session wrote go, anything else stays; a folder the session
 * created goes only when it is empty again; a file that cannot be removed (a custodian's media made
 * read-only, a real tmpfs remounted ro) is reported for deletion by hand, never silently kept.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withdrawCustodyWrites } from '../../../src-main/core/custody/withdraw-custody';
import { recordingLayer } from '../../../src-main/core/fs/created-entries';
import { nodeFileLayer } from '../../../src-main/core/fs/durable-file';
import { MOUNTS_AVAILABLE, mountTmpfs } from '../../support/tmpfs-mount';

let dir: string;
const unmounts: (() => void)[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-withdraw-custody-'));
});
afterEach(async () => {
  for (const unmount of unmounts.splice(0)) unmount();
  await rm(dir, { recursive: true, force: true });
});

async function writeFiles(folder: string, names: string[]): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  return Promise.all(
    names.map(async (name) => {
      await writeFile(path.join(folder, name), name);
      return path.join(folder, name);
    }),
  );
}

describe('withdrawCustodyWrites', () => {
  it('removes the files written and the folders it created, and leaves a folder that existed', async () => {
    const created = path.join(dir, 'c1');
    const existing = path.join(dir, 'c2');
    const files = [
      ...(await writeFiles(created, ['share-1of2.json', 'share-1of2.slip.html', 'backup.txt'])),
      ...(await writeFiles(existing, ['share-2of2.json', 'backup.txt'])),
    ];
    const withdrawn = await withdrawCustodyWrites({ files, createdFolders: [created] });
    expect(withdrawn).toEqual({
      folders: [created, existing],
      removedFiles: 5,
      removedFolders: [created],
      leftFiles: [],
      movedFiles: [],
    });
    expect(existsSync(created)).toBe(false);
    expect(await readdir(existing)).toEqual([]);
  });

  it('never touches a file it did not write, and keeps a created folder that still holds one', async () => {
    const created = path.join(dir, 'c1');
    const files = await writeFiles(created, ['share-1of2.json']);
    await writeFile(path.join(created, 'notes-of-the-custodian.txt'), 'mine');
    const withdrawn = await withdrawCustodyWrites({ files, createdFolders: [created] });
    expect(withdrawn.removedFiles).toBe(1);
    expect(await readdir(created)).toEqual(['notes-of-the-custodian.txt']);
  });

  it('removes an empty folder it created before anything was written into it', async () => {
    const created = path.join(dir, 'c1');
    await mkdir(created);
    expect(await withdrawCustodyWrites({ files: [], createdFolders: [created] })).toEqual({
      folders: [created],
      removedFiles: 0,
      removedFolders: [created],
      leftFiles: [],
      movedFiles: [],
    });
    expect(existsSync(created)).toBe(false);
  });

  it('names a folder it made that went elsewhere as not withdrawn, never as one files were removed from', async () => {
    const created = path.join(dir, 'c1');
    const files = await writeFiles(created, ['share-1of2.json', 'backup.txt']);
    const { created: record } = recordingLayer(nodeFileLayer);
    record.files.push(...files);
    record.createdFolders.push(created);
    for (const at of [created, ...files]) {
      const stats = await stat(at, { bigint: true });
      record.identities.set(at, `${stats.dev}:${stats.ino}`);
    }
    // The custodian's stick taken out and put back under another name while the split wrote.
    await rename(created, path.join(dir, 'c1-elsewhere'));
    expect(await withdrawCustodyWrites(record)).toEqual({
      folders: [],
      removedFiles: 0,
      removedFolders: [],
      leftFiles: [],
      movedFiles: [created],
    });
    expect((await readdir(path.join(dir, 'c1-elsewhere'))).sort()).toEqual(['backup.txt', 'share-1of2.json']);
  });

  it.skipIf(!MOUNTS_AVAILABLE)('reports the files it could not remove from read-only media', async () => {
    const media = path.join(dir, 'media');
    let files: string[] = [];
    unmounts.push(
      mountTmpfs(media, {
        sizeKiB: 64,
        readOnly: true,
        prepare: (folder) => {
          files = ['share-1of2.json', 'backup.txt'].map((name) => path.join(folder, name));
          for (const file of files) writeFileSync(file, 'x');
        },
      }),
    );
    const elsewhere = await writeFiles(path.join(dir, 'c2'), ['share-2of2.json']);
    const withdrawn = await withdrawCustodyWrites({ files: [...files, ...elsewhere], createdFolders: [] });
    expect(withdrawn.leftFiles).toEqual(files);
    expect(withdrawn.removedFiles).toBe(1);
    expect(withdrawn.folders).toEqual([path.join(dir, 'c2')]);
    expect((await readdir(media)).sort()).toEqual(['backup.txt', 'share-1of2.json']);
  });
});
