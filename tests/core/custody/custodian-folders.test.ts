/**
 * What each custodian's folder holds (custody/custodian-folders.ts), written for real into three temp
 * folders: the custodian's own share file, the slip as HTML and text, the same backup file and its
 * printout; the files of any two folders restore the key; two folders on one volume are refused with
 * nothing written.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyMaterial } from '../../../src-main/core/crypto/key-material';
import { parseBackupText } from '../../../src-main/core/custody/backup-text';
import { writeCustodySet } from '../../../src-main/core/custody/custodian-folders';
import { restoreCustodySet } from '../../../src-main/core/custody/set-restore';
import { isSetShare, type SetShare } from '../../../src-main/core/custody/set-share';
import { splitCustodySet, type CustodySet } from '../../../src-main/core/custody/set-split';
import { decodeAnyShareFile } from '../../../src-main/core/custody/share-file';
import { CUSTODIANS, materialFor } from './helpers';

const CEREMONY = 'ceremony-2026-12-02';
const KEY_ID = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
/** Each folder its own volume, by its name (the temp folders share one disk). */
const byName = (folder: string) => path.basename(folder);

let material: KeyMaterial;
let set: CustodySet;
let root: string;

beforeAll(async () => {
  material = await materialFor('AES_256');
  set = await splitCustodySet({
    ceremonyId: CEREMONY,
    m: 2,
    n: 3,
    custodians: CUSTODIANS.slice(0, 3),
    keys: [{ keyId: KEY_ID, spec: 'AES_256', material }],
  });
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'keyferry-custodian-folders-'));
});
afterAll(async () => {
  material.dispose();
  for (const s of set.shares) s.share.dispose();
  await fs.rm(root, { recursive: true, force: true });
});

async function folders(names: readonly string[]): Promise<string[]> {
  return Promise.all(
    names.map(async (name) => {
      const folder = path.join(root, name);
      await fs.mkdir(folder);
      return folder;
    }),
  );
}

describe('writeCustodySet', () => {
  it("writes each custodian's share, slip, the backup and its printout; two folders' files restore the key", async () => {
    const usb = await folders(['usb-alice', 'usb-bob', 'usb-carol']);
    const written = await writeCustodySet(set, { m: 2, n: 3, folders: usb, volumeIdOf: byName });
    const tag = set.backup.digest.slice(0, 8).toUpperCase();
    expect(written.backupFile).toBe(`keyferry-backup-${CEREMONY}-${tag}.txt`);
    expect(written.written.map((w) => [w.index, w.custodian])).toEqual([
      [1, 'Alice'],
      [2, 'Bob'],
      [3, 'Carol'],
    ]);
    const backups = new Set<string>();
    for (const [i, folder] of usb.entries()) {
      const share = `keyferry-share-${CEREMONY}-${tag}-${i + 1}of3`;
      expect((await fs.readdir(folder)).sort()).toEqual(
        [
          `${share}.json`,
          `${share}.slip.html`,
          `${share}.slip.txt`,
          `keyferry-backup-${CEREMONY}-${tag}.txt`,
          `keyferry-backup-${CEREMONY}-${tag}.html`,
        ].sort(),
      );
      expect(await fs.readFile(path.join(folder, `${share}.slip.txt`), 'utf8')).toContain(CUSTODIANS[i]);
      backups.add(await fs.readFile(path.join(folder, written.backupFile), 'utf8'));
    }
    expect(backups.size).toBe(1);

    const readShare = async (folder: string, index: number): Promise<SetShare> => {
      const name = `keyferry-share-${CEREMONY}-${tag}-${index}of3.json`;
      const share = decodeAnyShareFile(await fs.readFile(path.join(folder, name), 'utf8'), name);
      if (!isSetShare(share)) throw new Error('not a set share');
      return share;
    };
    const shares = [await readShare(usb[0]!, 1), await readShare(usb[2]!, 3)];
    const backup = parseBackupText(await fs.readFile(path.join(usb[2]!, written.backupFile), 'utf8'), 'backup');
    const [restored] = await restoreCustodySet(shares, backup);
    expect(restored?.material.secret.use((a) => material.secret.use((b) => a.equals(b)))).toBe(true);
    restored?.material.dispose();
    for (const s of shares) s.share.dispose();
  });

  it("a second custody set of the same ceremony (a later wrap) never takes the first set's file names", async () => {
    const usb = await folders(['c1-again', 'c2-again', 'c3-again']);
    const later = await splitCustodySet({
      ceremonyId: CEREMONY,
      m: 2,
      n: 3,
      custodians: CUSTODIANS.slice(0, 3),
      keys: [{ keyId: KEY_ID, spec: 'AES_256', material }],
    });
    try {
      // The same custodians, the same sticks: both sets side by side, each file named by its set.
      const first = await writeCustodySet(set, { m: 2, n: 3, folders: usb, volumeIdOf: byName });
      const second = await writeCustodySet(later, { m: 2, n: 3, folders: usb, volumeIdOf: byName });
      expect(second.backupFile).not.toBe(first.backupFile);
      expect(second.backupFile).toBe(
        `keyferry-backup-${CEREMONY}-${later.backup.digest.slice(0, 8).toUpperCase()}.txt`,
      );
      const names = await fs.readdir(usb[0] as string);
      expect(names).toHaveLength(10);
      expect(names.filter((n) => n.endsWith('-1of3.json'))).toHaveLength(2);
    } finally {
      for (const s of later.shares) s.share.dispose();
    }
  });

  it('refuses two folders on one volume and writes nothing', async () => {
    const usb = await folders(['stick-1', 'stick-2', 'stick-3']);
    const oneVolume = (folder: string) => (folder.endsWith('stick-3') ? 'B' : 'A');
    await expect(writeCustodySet(set, { m: 2, n: 3, folders: usb, volumeIdOf: oneVolume })).rejects.toMatchObject({
      code: 'CUSTODY_SAME_VOLUME',
    });
    for (const folder of usb) expect(await fs.readdir(folder)).toEqual([]);
  });
});
