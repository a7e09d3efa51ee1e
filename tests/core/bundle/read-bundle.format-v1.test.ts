/**
 * Bundles written by Keyferry before replica groups existed (format version 1, the files in
 * fixtures/ written by commit 6e0e7c4's writer) still read and check with today's reader, byte for
 * byte: same digest, keys, tokens, evidence, and no replica. A bundle today's writer makes from
 * the same keys is version 1 too.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundle, writeWrappedMaterialBundle } from '../../../src-main/core/bundle';
import { NOW, tempDir } from './bundle-fixtures';

const FIXTURES = path.join(__dirname, 'fixtures');

describe('format version 1 bundles written before replica groups', () => {
  it('read and check, byte for byte, with the digest of their manifest', async () => {
    const later = new Date(NOW.getTime() + 60_000);
    for (const name of ['params-v1', 'wrapped-v1']) {
      const dir = path.join(FIXTURES, name);
      const bytes = await readFile(path.join(dir, 'manifest.json'));
      const bundle = await readBundle(dir, {
        now: later,
        expectedDigest: createHash('sha256').update(bytes).digest('hex'),
      });
      expect(bundle.manifest.formatVersion).toBe(1);
      expect(bundle.keys.map((k) => k.keySpec)).toEqual(['AES_256', 'RSA_2048', 'EC_P256']);
      expect(bundle.keys.every((k) => k.replicaOf === undefined)).toBe(true);
    }
    // A wrapped bundle today's writer makes from the same keys is version 1 as well.
    const old = await readBundle(path.join(FIXTURES, 'wrapped-v1'), { now: later });
    if (old.kind !== 'wrapped-material') throw new Error('kind');
    const again = await writeWrappedMaterialBundle(
      path.join(await tempDir(), 'again'),
      { ceremonyId: old.manifest.ceremonyId, keys: old.keys },
      { now: NOW },
    );
    expect(again.manifest.formatVersion).toBe(1);
    expect(again.manifest.keys).toEqual(old.manifest.keys);
  });
});
