/**
 * Bundles every Keyferry version wrote still read and check with today's reader, byte for byte
 * (fixtures/, never rewritten): format version 1 (before replica groups, commit 6e0e7c4's writer)
 * with no replica, and a wrapped bundle today's writer makes from the same keys is version 1 too;
 * import parameters of version 2 (replica groups, commit 353d06f) and version 3 (bound material,
 * the writer that introduced it) with their replicas and bindings.
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

describe('import parameters of format versions 2 and 3', () => {
  it('read and check, byte for byte, with their replicas and the material each key is bound to', async () => {
    const later = new Date(NOW.getTime() + 60_000);
    const read = async (name: string) => {
      const dir = path.join(FIXTURES, name);
      const bytes = await readFile(path.join(dir, 'manifest.json'));
      const bundle = await readBundle(dir, {
        now: later,
        expectedDigest: createHash('sha256').update(bytes).digest('hex'),
      });
      if (bundle.kind !== 'import-parameters') throw new Error('kind');
      return bundle;
    };
    const v2 = await read('params-v2');
    expect(v2.manifest.formatVersion).toBe(2);
    expect(v2.keys.map((k) => [k.keySpec, k.replicaOf === undefined, k.boundMaterial])).toEqual([
      ['AES_256', true, undefined],
      ['AES_256', false, undefined],
      ['RSA_2048', true, undefined],
    ]);
    expect(v2.keys[1]?.replicaOf).toBe(v2.keys[0]?.keyId);
    const v3 = await read('params-v3');
    expect(v3.manifest.formatVersion).toBe(3);
    expect(v3.keys[1]?.replicaOf).toBe(v3.keys[0]?.keyId);
    const kcv = { kind: 'key-check-value', method: 'aes-ecb-zero-block', keyCheckValue: '5F1C0A', importedSeq: 17 };
    expect(v3.keys.map((k) => k.boundMaterial)).toEqual([
      kcv,
      kcv,
      { kind: 'public-key-sha256', publicKeyFingerprint: '3b'.repeat(32), importedSeq: 18 },
    ]);
  });
});
