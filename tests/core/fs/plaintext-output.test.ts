/**
 * Plaintext key material is never written inside a Keyferry bundle folder (at any depth) nor beside
 * one (the medium that carries bundles); another program's manifest.json makes no folder a bundle.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refusePlaintextInBundle } from '../../../src-main/core/fs/plaintext-output';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-plaintext-out-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const KEYFERRY_MANIFEST = JSON.stringify({ format: 'keyferry.wrapped-material', formatVersion: 4 });

describe('refusePlaintextInBundle', () => {
  it('refuses a place inside a bundle folder, existing or not, and beside one, naming the bundle', async () => {
    const stick = path.join(dir, 'stick');
    const bundle = path.join(stick, 'wrapped-material-1');
    await mkdir(path.join(bundle, 'keys'), { recursive: true });
    await writeFile(path.join(bundle, 'manifest.json'), KEYFERRY_MANIFEST);
    for (const out of [bundle, path.join(bundle, 'keys'), path.join(bundle, 'keys', 'new', 'k.key')])
      await expect(refusePlaintextInBundle(out)).rejects.toMatchObject({
        code: 'PLAINTEXT_OUT_IN_BUNDLE',
        values: { path: out, bundle, where: 'inside' },
      });
    // On the stick beside it (a review's way round): a file, or a new folder.
    for (const out of [path.join(stick, 'k.key'), path.join(stick, 'restored')])
      await expect(refusePlaintextInBundle(out)).rejects.toMatchObject({
        code: 'PLAINTEXT_OUT_IN_BUNDLE',
        values: { path: out, bundle, where: 'beside' },
      });
    await expect(refusePlaintextInBundle(path.join(dir, 'restored', 'k.key'))).resolves.toBeUndefined();
  });

  it('takes another program’s manifest.json, or a damaged one, for no bundle', async () => {
    const home = path.join(dir, 'home');
    await mkdir(path.join(home, 'offline', 'app'), { recursive: true });
    await writeFile(path.join(home, 'manifest.json'), JSON.stringify({ name: 'some app', version: 2 }));
    await writeFile(path.join(home, 'offline', 'app', 'manifest.json'), '{ not json');
    await expect(refusePlaintextInBundle(path.join(home, 'offline', 'keys', 'v1.bin'))).resolves.toBeUndefined();
    await expect(refusePlaintextInBundle(path.join(home, 'offline', 'v1.bin'))).resolves.toBeUndefined();
  });
});
