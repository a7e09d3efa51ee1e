import { execFileSync } from 'node:child_process';
import { promises as fs, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeFolder, volumeIdOf } from '../../../src-main/core/media';

const temps: string[] = [];
const mounted: string[] = [];
async function made(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of mounted.splice(0)) execFileSync('umount', [dir]);
  for (const dir of temps.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

/** Mounts a small tmpfs (a second volume) when this machine allows it. */
async function tmpfsVolume(options: string): Promise<string | undefined> {
  const dir = await made('keyferry-vol-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'pipe' });
    mounted.push(dir);
    return dir;
  } catch {
    return undefined;
  }
}

describe('describeFolder', () => {
  it('gives free space, writability and the volume id (st_dev)', async () => {
    const dir = await made('keyferry-folder-');
    const info = await describeFolder(dir);
    expect(info.path).toBe(dir);
    expect(info.writable).toBe(true);
    expect(info.totalBytes).toBeGreaterThan(0);
    expect(info.freeBytes).toBeLessThanOrEqual(info.totalBytes);
    expect(info.volumeId).toBe(String(statSync(dir).dev));
    const sibling = await made('keyferry-folder-');
    expect(await volumeIdOf(sibling)).toBe(info.volumeId);
  });

  it('tells two volumes apart and sees read-only media', async (ctx) => {
    const second = await tmpfsVolume('size=1m');
    const readOnly = await tmpfsVolume('ro,size=64k');
    if (!second || !readOnly) {
      console.warn('second-volume test skipped: mount is not permitted here.');
      ctx.skip();
      return;
    }
    const first = await made('keyferry-folder-');
    expect(await volumeIdOf(second)).not.toBe(await volumeIdOf(first));
    const info = await describeFolder(second);
    expect(info.totalBytes).toBe(1024 * 1024);
    expect((await describeFolder(readOnly)).writable).toBe(false);
  });

  it('refuses a path that is missing or not a folder', async () => {
    const dir = await made('keyferry-folder-');
    await fs.writeFile(path.join(dir, 'file'), 'x');
    for (const target of [path.join(dir, 'missing'), path.join(dir, 'file')]) {
      await expect(describeFolder(target)).rejects.toMatchObject({
        code: 'FOLDER_UNAVAILABLE',
        message: expect.stringContaining(target) as unknown,
      });
    }
    await expect(volumeIdOf(path.join(dir, 'missing'))).rejects.toMatchObject({ code: 'FOLDER_UNAVAILABLE' });
  });
});
