/**
 * Bundles every Keyferry version wrote still read and check with today's reader, byte for byte
 * (fixtures/, never rewritten): format version 1 (before replica groups, commit 6e0e7c4's writer)
 * with no replica, and a wrapped bundle today's writer makes from the same keys is version 1 too;
 * import parameters of version 2 (replica groups, commit 353d06f) and version 3 (bound material,
 * the writer that introduced it) with their replicas and bindings, none with a per-key material
 * expiry (version 4: each key its own, the bundle's one expiry standing for the keys of older ones);
 * version 4 itself (fixtures/params-v4, before the ceremony's people) reads as it was written, and
 * version 5 carries the online journal's operator and witnesses. Wrapped material of version 3
 * (fixtures/wrapped-v3: who made it, before the session and the journal's earlier wraps) reads as it
 * was written; version 4 adds them, checked in order and capped; version 5 names the custody set of
 * its shares (fixtures/wrapped-v4-custody: a custody set not named, read as written).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  readBundle,
  writeImportParametersBundle,
  writeWrappedMaterialBundle,
  type WrappedMadeBy,
} from '../../../src-main/core/bundle';
import { makeImportParameters, makeWrappedMaterial, NOW, rewriteManifest, tempDir } from './bundle-fixtures';

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
    // Before version 4 no key carries its own expiry: the bundle's one expiry stands for every key.
    for (const bundle of [v2, v3])
      expect(bundle.keys.map((k) => k.materialExpiry)).toEqual([undefined, undefined, undefined]);
  });
});

describe('import parameters of format version 4: a material expiry per key', () => {
  const lapsedAt = '2029-12-31T00:00:00.000Z';
  const planned = '2030-06-30T00:00:00.000Z';

  it('carries each key its own expiry (a lapsed AES key beside keys waiting for their first material)', async () => {
    const [lapsed, fresh, ec] = makeImportParameters(3, NOW, ['AES_256', 'AES_256', 'EC_P256']);
    const keys = [
      { ...lapsed!, materialExpiry: lapsedAt },
      { ...fresh!, materialExpiry: planned },
      { ...ec!, materialExpiry: 'never' },
    ];
    const dir = path.join(await tempDir(), 'params-v4');
    const written = await writeImportParametersBundle(
      dir,
      {
        ceremonyId: 'ceremony-2030-01',
        ceremony: { title: 'Two expiries', materialExpiry: planned, onlineJournal: 'online.jsonl' },
        keys,
      },
      { now: NOW },
    );
    expect(written.manifest.formatVersion).toBe(4);
    const read = await readBundle(dir, { now: new Date(NOW.getTime() + 60_000), expectedDigest: written.digest });
    if (read.kind !== 'import-parameters') throw new Error('kind');
    expect(read.keys.map((k) => [k.keyId, k.materialExpiry])).toEqual(keys.map((k) => [k.keyId, k.materialExpiry]));
  });

  it('refuses a manifest whose version does not say its keys carry their own expiry, and the other way round', async () => {
    const keys = makeImportParameters(2, NOW, ['AES_256', 'AES_256']);
    const withExpiry = path.join(await tempDir(), 'with');
    await writeImportParametersBundle(
      withExpiry,
      { ceremonyId: 'c1', keys: keys.map((k) => ({ ...k, materialExpiry: planned })) },
      { now: NOW },
    );
    await rewriteManifest(withExpiry, (m) => {
      m.formatVersion = 1;
    });
    const without = path.join(await tempDir(), 'without');
    await writeImportParametersBundle(without, { ceremonyId: 'c1', keys }, { now: NOW });
    await rewriteManifest(without, (m) => {
      (m as { formatVersion: number }).formatVersion = 4;
    });
    for (const dir of [withExpiry, without])
      await expect(readBundle(dir, { now: NOW })).rejects.toMatchObject({
        code: 'BUNDLE_REPLICA_INVALID',
        values: { reason: 'version' },
      });
  });
});

describe('import parameters of format version 5: the ceremony’s people', () => {
  const people = { operator: 'Ana Lima', witnesses: ['Ben Okafor', 'Chloé Martin'] };
  const facts = { title: 'People', materialExpiry: 'never', onlineJournal: 'online.jsonl' };

  it('a version 4 bundle (before the people) still reads, byte for byte, naming nobody', async () => {
    const dir = path.join(FIXTURES, 'params-v4');
    const bytes = await readFile(path.join(dir, 'manifest.json'));
    const bundle = await readBundle(dir, {
      now: new Date(NOW.getTime() + 60_000),
      expectedDigest: createHash('sha256').update(bytes).digest('hex'),
    });
    if (bundle.kind !== 'import-parameters') throw new Error('kind');
    expect(bundle.manifest.formatVersion).toBe(4);
    expect(bundle.manifest.ceremony?.people).toBeUndefined();
    expect(bundle.keys.map((k) => k.materialExpiry)).toEqual([
      '2029-12-31T00:00:00.000Z',
      '2030-06-30T00:00:00.000Z',
      'never',
    ]);
  });

  it('carries the operator and witnesses under the digest, and its version says so', async () => {
    const keys = makeImportParameters(1, NOW, ['AES_256']);
    const dir = path.join(await tempDir(), 'params-v5');
    const written = await writeImportParametersBundle(
      dir,
      { ceremonyId: 'ceremony-2030-01', ceremony: { ...facts, people }, keys },
      { now: NOW },
    );
    expect(written.manifest.formatVersion).toBe(5);
    const read = await readBundle(dir, { now: NOW, expectedDigest: written.digest });
    if (read.kind !== 'import-parameters') throw new Error('kind');
    expect(read.manifest.ceremony?.people).toEqual(people);
  });

  it('refuses people under version 4, version 5 without people, and a name with a control character', async () => {
    const keys = makeImportParameters(1, NOW, ['AES_256']);
    const withPeople = path.join(await tempDir(), 'with');
    await writeImportParametersBundle(
      withPeople,
      { ceremonyId: 'c1', ceremony: { ...facts, people }, keys },
      { now: NOW },
    );
    await rewriteManifest(withPeople, (m) => {
      m.formatVersion = 4;
    });
    const without = path.join(await tempDir(), 'without');
    await writeImportParametersBundle(without, { ceremonyId: 'c1', ceremony: facts, keys }, { now: NOW });
    await rewriteManifest(without, (m) => {
      (m as { formatVersion: number }).formatVersion = 5;
    });
    for (const dir of [withPeople, without])
      await expect(readBundle(dir, { now: NOW })).rejects.toMatchObject({
        code: 'BUNDLE_REPLICA_INVALID',
        values: { reason: 'version' },
      });
    const control = path.join(await tempDir(), 'control');
    await writeImportParametersBundle(
      control,
      { ceremonyId: 'c1', ceremony: { ...facts, people }, keys },
      { now: NOW },
    );
    await rewriteManifest(control, (m) => {
      if ('ceremony' in m && m.ceremony?.people) m.ceremony.people.operator = 'Ana\u0007';
    });
    await expect(readBundle(control, { now: NOW })).rejects.toMatchObject({ code: 'BUNDLE_MANIFEST_INVALID' });
  });
});

/** The wrapped bundle fixtures/`name`, read and checked with the digest of its manifest's bytes. */
async function wrappedFixture(name: string) {
  const dir = path.join(FIXTURES, name);
  const bytes = await readFile(path.join(dir, 'manifest.json'));
  const bundle = await readBundle(dir, {
    now: new Date(NOW.getTime() + 60_000),
    expectedDigest: createHash('sha256').update(bytes).digest('hex'),
  });
  if (bundle.kind !== 'wrapped-material') throw new Error('kind');
  return bundle;
}

/** A wrapped bundle written with `madeBy` says format `version`, and reads back as written under its digest. */
async function madeByReadBack(madeBy: WrappedMadeBy, version: number): Promise<void> {
  const dir = path.join(await tempDir(), 'wrapped');
  const written = await writeWrappedMaterialBundle(
    dir,
    { ceremonyId: 'c1', keys: makeWrappedMaterial(1), madeBy },
    { now: NOW },
  );
  expect(written.manifest.formatVersion).toBe(version);
  const read = await readBundle(dir, { now: NOW, expectedDigest: written.digest });
  if (read.kind !== 'wrapped-material') throw new Error('kind');
  expect(read.manifest.madeBy).toEqual(madeBy);
}

/** Who made a wrapped bundle, as version 3 says it (fixtures/wrapped-v3 says this). */
const MADE_BY_V3: WrappedMadeBy = {
  purpose: 'wrap',
  operator: 'Ana Lima',
  witnesses: ['Ben Okafor', 'Chloé Martin'],
  journalFile: 'airgap-C.jsonl',
  journalFirstEntrySha256: 'c'.repeat(64),
};

describe('wrapped material of format version 3: who made it on the air-gapped side', () => {
  const madeBy = MADE_BY_V3;

  it('a version 1 bundle with its custody (before madeBy) still reads, byte for byte, naming nobody', async () => {
    const bundle = await wrappedFixture('wrapped-v1-custody');
    expect(bundle.manifest.formatVersion).toBe(1);
    expect(bundle.manifest.custody).toMatchObject({ kind: 'shares', threshold: 2, total: 3 });
    expect(bundle.manifest.madeBy).toBeUndefined();
  });

  it('is written as version 3 with the people and the journal, under the digest, and read back as written', async () => {
    await madeByReadBack(madeBy, 3);
  });

  it('refuses version 3 without madeBy, madeBy under an older version, and a name with a control character', async () => {
    const withMadeBy = path.join(await tempDir(), 'with');
    await writeWrappedMaterialBundle(
      withMadeBy,
      { ceremonyId: 'c1', keys: makeWrappedMaterial(1), madeBy },
      { now: NOW },
    );
    await rewriteManifest(withMadeBy, (m) => {
      m.formatVersion = 1;
    });
    const without = path.join(await tempDir(), 'without');
    await writeWrappedMaterialBundle(without, { ceremonyId: 'c1', keys: makeWrappedMaterial(1) }, { now: NOW });
    await rewriteManifest(without, (m) => {
      (m as { formatVersion: number }).formatVersion = 3;
    });
    for (const dir of [withMadeBy, without])
      await expect(readBundle(dir, { now: NOW })).rejects.toMatchObject({
        code: 'BUNDLE_REPLICA_INVALID',
        values: { reason: 'version' },
      });
    const control = path.join(await tempDir(), 'control');
    await writeWrappedMaterialBundle(control, { ceremonyId: 'c1', keys: makeWrappedMaterial(1), madeBy }, { now: NOW });
    await rewriteManifest(control, (m) => {
      if ('madeBy' in m && m.madeBy) m.madeBy.witnesses = ['Ben\u0007'];
    });
    await expect(readBundle(control, { now: NOW })).rejects.toMatchObject({ code: 'BUNDLE_MANIFEST_INVALID' });
  });
});

describe('wrapped material of format version 4: the session that made it and the journal’s earlier wraps', () => {
  const madeBy: WrappedMadeBy = {
    ...MADE_BY_V3,
    wrapEntry: { seq: 40, sha256: 'd'.repeat(64), at: '2030-01-02T03:00:00.000Z' },
    earlierWraps: [
      { seq: 2, sha256: 'e'.repeat(64) },
      { seq: 21, sha256: 'f'.repeat(64) },
    ],
  };

  it('a version 3 bundle (before the session and earlier wraps) still reads, byte for byte', async () => {
    const bundle = await wrappedFixture('wrapped-v3');
    expect(bundle.manifest.formatVersion).toBe(3);
    expect(bundle.manifest.madeBy).toEqual(MADE_BY_V3);
  });

  it('is written as version 4 with them, under the digest, and read back as written', async () => {
    await madeByReadBack(madeBy, 4);
  });

  it('refuses version 3 with them, a session without its list, a list out of order or after the session, and a list over the cap', async () => {
    const changes: ((m: { formatVersion: number; madeBy?: Record<string, unknown> }) => void)[] = [
      (m) => {
        m.formatVersion = 3;
      },
      (m) => {
        delete m.madeBy?.earlierWraps;
      },
      (m) => {
        if (m.madeBy) m.madeBy.earlierWraps = [...(madeBy.earlierWraps ?? [])].reverse();
      },
      (m) => {
        if (m.madeBy) m.madeBy.earlierWraps = [{ seq: 40, sha256: 'e'.repeat(64) }];
      },
      (m) => {
        if (m.madeBy)
          m.madeBy.earlierWraps = Array.from({ length: 201 }, (_, i) => ({ seq: i + 1, sha256: 'e'.repeat(64) }));
        if (m.madeBy) m.madeBy.wrapEntry = { seq: 5000, sha256: 'd'.repeat(64), at: '2030-01-02T03:00:00.000Z' };
      },
    ];
    for (const change of changes) {
      const dir = path.join(await tempDir(), 'changed');
      await writeWrappedMaterialBundle(dir, { ceremonyId: 'c1', keys: makeWrappedMaterial(1), madeBy }, { now: NOW });
      await rewriteManifest(dir, change as never);
      await expect(readBundle(dir, { now: NOW })).rejects.toMatchObject({
        code: expect.stringMatching(/^BUNDLE_(MANIFEST|REPLICA)_INVALID$/),
      });
    }
  });
});

describe('wrapped material of format version 5: the custody set its shares belong to', () => {
  const custody = {
    kind: 'shares' as const,
    threshold: 2,
    total: 3,
    custodians: ['Carol', 'Dan', 'Eve'],
    backupDigest: '0123abcd'.repeat(8),
  };

  it('a version 4 bundle whose custody shares do not name their set still reads, byte for byte', async () => {
    const bundle = await wrappedFixture('wrapped-v4-custody');
    expect(bundle.manifest.formatVersion).toBe(4);
    expect(bundle.manifest.custody).toEqual({
      kind: 'shares',
      threshold: 2,
      total: 3,
      custodians: ['Carol', 'Dan', 'Eve'],
    });
  });

  it('is written as version 5 with the set, under the digest, and read back as written', async () => {
    const dir = path.join(await tempDir(), 'wrapped');
    const written = await writeWrappedMaterialBundle(
      dir,
      { ceremonyId: 'c1', keys: makeWrappedMaterial(1), madeBy: MADE_BY_V3, custody },
      { now: NOW },
    );
    expect(written.manifest.formatVersion).toBe(5);
    const read = await readBundle(dir, { now: NOW, expectedDigest: written.digest });
    if (read.kind !== 'wrapped-material') throw new Error('kind');
    expect(read.manifest.custody).toEqual(custody);
  });

  it('refuses the set under version 4, version 5 without it, and a set digest that is not 64 lower-case hex digits', async () => {
    const changes: ((m: { formatVersion: number; custody?: Record<string, unknown> }) => void)[] = [
      (m) => {
        m.formatVersion = 4;
      },
      (m) => {
        delete m.custody?.['backupDigest'];
      },
      (m) => {
        if (m.custody) m.custody['backupDigest'] = custody.backupDigest.toUpperCase();
      },
    ];
    for (const change of changes) {
      const dir = path.join(await tempDir(), 'wrapped');
      await writeWrappedMaterialBundle(
        dir,
        { ceremonyId: 'c1', keys: makeWrappedMaterial(1), madeBy: MADE_BY_V3, custody },
        { now: NOW },
      );
      await rewriteManifest(dir, change as never);
      await expect(readBundle(dir, { now: NOW })).rejects.toMatchObject({
        code: expect.stringMatching(/^BUNDLE_(MANIFEST|REPLICA)_INVALID$/),
      });
    }
  });
});
