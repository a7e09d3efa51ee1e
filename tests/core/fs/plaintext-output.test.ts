/** Plaintext key material is never written inside a bundle folder (one that holds a manifest.json), at any depth. */
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

describe('refusePlaintextInBundle', () => {
  it('refuses a place inside a bundle folder, existing or not, naming the bundle; passes beside it', async () => {
    const bundle = path.join(dir, 'stick', 'wrapped-material-1');
    await mkdir(path.join(bundle, 'keys'), { recursive: true });
    await writeFile(path.join(bundle, 'manifest.json'), '{}');
    for (const out of [bundle, path.join(bundle, 'keys'), path.join(bundle, 'keys', 'new', 'k.key')])
      await expect(refusePlaintextInBundle(out)).rejects.toMatchObject({
        code: 'PLAINTEXT_OUT_IN_BUNDLE',
        values: { path: out, bundle },
      });
    await expect(refusePlaintextInBundle(path.join(dir, 'stick', 'restored'))).resolves.toBeUndefined();
    await expect(refusePlaintextInBundle(path.join(dir, 'restored', 'k.key'))).resolves.toBeUndefined();
  });
});
