/**
 * The bundles beside a bundle folder, by the SHA-256 of their manifests: only real folders beside it
 * holding a regular manifest.json count; the folder itself, links, files and oversized manifests do
 * not; each is named as the officer gave the bundle's folder.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { neighbourBundles } from '../../../src-main/core/bundle/neighbour-bundles';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-neighbours-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function folderWithManifest(name: string, manifest: string): Promise<void> {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, 'manifest.json'), manifest);
}

describe('the bundles beside a bundle folder', () => {
  it('lists each real folder beside it with a manifest, by its digest, named as the bundle was given', async () => {
    await folderWithManifest('params', '{"own":1}');
    await folderWithManifest('params-2', '{"newer":1}');
    await mkdir(path.join(dir, 'photos'));
    await writeFile(path.join(dir, 'notes.txt'), 'x');
    await symlink(path.join(dir, 'params-2'), path.join(dir, 'link-to-params-2'));
    await mkdir(path.join(dir, 'linked-manifest'));
    await symlink(path.join(dir, 'params-2', 'manifest.json'), path.join(dir, 'linked-manifest', 'manifest.json'));
    await folderWithManifest('huge', 'x'.repeat(1024 * 1024 + 1));

    const found = await neighbourBundles(path.join(dir, 'params'), 'usb/params', 'KF-20261206-aaaaaa');
    expect(found).toEqual([{ folder: 'usb/params-2', digest: sha256('{"newer":1}') }]);
  });

  it('names the ceremony a neighbour’s manifest claims when it is another than the bundle read here', async () => {
    await folderWithManifest('params', '{"ceremonyId":"KF-20261206-aaaaaa"}');
    await folderWithManifest('params-again', '{"ceremonyId":"KF-20261206-aaaaaa","n":2}');
    await folderWithManifest('params-other', '{"ceremonyId":"KF-20261206-bbbbbb"}');
    const found = await neighbourBundles(path.join(dir, 'params'), 'usb/params', 'KF-20261206-aaaaaa');
    expect(found.map((n) => [n.folder, n.otherCeremony])).toEqual([
      ['usb/params-again', undefined],
      ['usb/params-other', { named: 'KF-20261206-bbbbbb', own: 'KF-20261206-aaaaaa' }],
    ]);
  });

  it('finds nothing, and throws nothing, when the parent cannot be read', async () => {
    expect(await neighbourBundles(path.join(dir, 'gone', 'params'), 'params', undefined)).toEqual([]);
  });
});
