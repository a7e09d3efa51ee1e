/** Removable volumes on macOS: the entries of a real /Volumes-like folder, the boot volume left out. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listRemovableVolumes } from '../../../src-main/core/media';

const temps: string[] = [];
async function made(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of temps.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

describe('macOS /Volumes', () => {
  it('lists volumes but the boot volume (a link to / or on the boot device) and system entries', async () => {
    const root = await made('keyferry-volumes-');
    await fs.symlink('/', path.join(root, 'Macintosh HD'));
    for (const name of ['KEYS', 'SHARE 2', 'com.apple.TimeMachine.localsnapshots', '.hidden'])
      await fs.mkdir(path.join(root, name));
    // /proc is on another device than the temp folders, standing in for the boot volume.
    const listed = await listRemovableVolumes({
      platform: 'darwin',
      darwinRoots: { volumesRoot: root, bootRoot: '/proc' },
    });
    expect(listed.map((v) => [v.label, v.mountPoint])).toEqual([
      ['KEYS', path.join(root, 'KEYS')],
      ['SHARE 2', path.join(root, 'SHARE 2')],
    ]);
    const sameDevice = await listRemovableVolumes({
      platform: 'darwin',
      darwinRoots: { volumesRoot: root, bootRoot: root },
    });
    expect(sameDevice).toEqual([]);
  });
});
