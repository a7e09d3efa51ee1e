/**
 * The preflight on a real exFAT volume (an image with 128 KiB allocation units, mounted through
 * FUSE, as a large USB stick is formatted): statfs gives the allocation unit, so a bundle of many
 * small files that the 4 KiB estimate would let through is refused before anything is written; and
 * the volume really cannot take it: the same number of small files runs out of room part way.
 */
import { statfs, writeFile, mkdir, readdir, open } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preflightDestinations, type Destination } from '../../../src-main/core/media/preflight';
import { exfatUnavailable, mountExfat, requireExfatOnCi, type ExfatVolume } from '../../helpers/exfat-volume';

requireExfatOnCi();
const unavailable = exfatUnavailable();
if (unavailable) console.info(`preflight.exfat: skipped here: ${unavailable}`);

const FREE_LEFT = 8 * 1024 * 1024;
let stick: ExfatVolume;
beforeAll(async () => {
  if (unavailable) return;
  stick = await mountExfat(64, 128);
  // Fill the stick until about 8 MiB is left, as a stick holding other files would be.
  const { bavail, bsize } = await statfs(stick.dir);
  const handle = await open(path.join(stick.dir, 'other-files.bin'), 'wx');
  await handle.truncate(bavail * bsize - FREE_LEFT);
  await handle.write(Buffer.from('x'), 0, 1, bavail * bsize - FREE_LEFT - 1);
  await handle.sync();
  await handle.close();
}, 60_000);
afterAll(async () => {
  if (!unavailable) await stick.unmount();
});

describe.skipIf(unavailable)('preflightDestinations on an exFAT stick', () => {
  it('counts each file and folder as a whole 128 KiB unit, and the volume really has no room for them', async () => {
    const { bsize, bavail } = await statfs(stick.dir);
    expect(bsize).toBe(128 * 1024);
    const freeKiB = Math.floor((bavail * bsize) / 1024);
    expect(freeKiB).toBeLessThanOrEqual(FREE_LEFT / 1024);
    // 100 keys' worth: 200 files and folders, 800 KiB of content: about 1 MiB at 4 KiB per entry.
    const wrapped: Destination = {
      role: 'bundle',
      folder: path.join(stick.dir, 'wrapped'),
      expect: 'new-or-empty',
      bytes: 800 * 1024,
      entries: 200,
    };
    await expect(preflightDestinations([wrapped])).rejects.toMatchObject({
      code: 'PREFLIGHT_NO_ROOM',
      message: expect.stringContaining(
        `${wrapped.folder} is on a volume with ${freeKiB} KiB free, but about 25724 KiB will be written there (the volume allocates 128 KiB at least to each file and folder). Nothing was generated.`,
      ),
    });
    expect((await readdir(stick.dir)).sort()).toEqual(['other-files.bin']);
    // What the refusal saved: 100 folders of one small file each stop part way with ENOSPC.
    const tryIt = path.join(stick.dir, 'try');
    await mkdir(tryIt);
    let written = 0;
    const full = (async () => {
      for (let i = 0; i < 100; i++) {
        await mkdir(path.join(tryIt, `k${i}`));
        await writeFile(path.join(tryIt, `k${i}`, 'key.json'), 'x'.repeat(4000));
        written++;
      }
    })();
    await expect(full).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(written).toBeLessThan(100);
  });
});
