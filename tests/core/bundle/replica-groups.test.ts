/**
 * Bundles with replica groups (format version 2): written and read with each replica's primary;
 * refused by writer and reader when a group is inconsistent (a replica of a replica, another
 * spec, two keys of a group in one region/project, wrapped evidence that differs) or when the
 * version does not match the keys. Bundles without replicas stay version 1.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  materialIdOf,
  materialsTaken,
  readBundle,
  writeImportParametersBundle,
  writeWrappedMaterialBundle,
  type ImportParameters,
} from '../../../src-main/core/bundle';
import { NOW, makeImportParameters, rewriteManifest, tempDir, wrapFor } from './bundle-fixtures';
import { refusal } from './tamper-setup';

/** `p` as a replica of `primary` in `region` (same spec and usage as made by makeImportParameters). */
function replicaOf(p: ImportParameters, primary: ImportParameters, region = 'cn-east-3'): ImportParameters {
  if (p.origin.kind !== 'kms-answer') throw new Error('kms answer expected');
  return { ...p, keySpec: primary.keySpec, origin: { ...p.origin, region }, replicaOf: primary.keyId };
}

/** Two AES_256 keys of one group (north primary, east replica) and an RSA key alone. */
function groupParameters(): ImportParameters[] {
  const [a, b, c] = makeImportParameters(3, NOW, ['AES_256', 'RSA_2048', 'AES_256']) as [
    ImportParameters,
    ImportParameters,
    ImportParameters,
  ];
  return [a, b, replicaOf(c, a)];
}

/** Gives the second key of the wrapped bundle in `dir` another KCV, as a tamperer would (canonical manifest, checksum recomputed). */
async function secondKeyOtherKcv(dir: string): Promise<void> {
  await rewriteManifest(dir, (m) => {
    const key = m.keys[1] as { keyCheckValue: string | null };
    key.keyCheckValue = key.keyCheckValue === 'ABCDEF' ? '123456' : 'ABCDEF';
  });
}

describe('replica groups in bundles', () => {
  it('writes format 2 naming each replica, reads it back, and keeps bundles without replicas at version 1', async () => {
    const root = await tempDir();
    const keys = groupParameters();
    await writeImportParametersBundle(path.join(root, 'p2'), { ceremonyId: 'c-1', keys }, { now: NOW });
    const read = await readBundle(path.join(root, 'p2'), { now: NOW });
    if (read.kind !== 'import-parameters') throw new Error('kind');
    expect(read.manifest.formatVersion).toBe(2);
    expect(read.keys.map((k) => k.replicaOf)).toEqual([undefined, undefined, keys[0]?.keyId]);
    await writeImportParametersBundle(
      path.join(root, 'p1'),
      { ceremonyId: 'c-1', keys: keys.slice(0, 2) },
      { now: NOW },
    );
    expect((await readBundle(path.join(root, 'p1'), { now: NOW })).manifest.formatVersion).toBe(1);
  });

  it('refuses to write a group with two keys in one region/project, a replica of a replica, or of no key', async () => {
    const root = await tempDir();
    const [a, b, c, d] = makeImportParameters(4, NOW, ['AES_256', 'RSA_2048', 'AES_256', 'AES_256']) as [
      ImportParameters,
      ImportParameters,
      ImportParameters,
      ImportParameters,
    ];
    const east = replicaOf(c, a);
    const cases: [ImportParameters[], string][] = [
      [[a, b, replicaOf(c, a, 'cn-north-4')], 'sameTarget'],
      [[a, b, { ...c, replicaOf: b.keyId }], 'specDiffers'],
      [[a, b, east, replicaOf(d, east, 'ap-southeast-1')], 'chained'],
      [[a, b, { ...c, replicaOf: '0d0466b0-e727-4d9c-b35d-f84bb474a37f' }], 'unknownPrimary'],
    ];
    for (const [i, [keys, reason]] of cases.entries()) {
      const error = await writeImportParametersBundle(
        path.join(root, `bad-${i}`),
        { ceremonyId: 'c-1', keys },
        { now: NOW },
      ).then(
        () => undefined,
        (e: unknown) => e as { code: string; values: { cause: string; causeValues: string } },
      );
      expect(error?.code).toBe('BUNDLE_INPUT_INVALID');
      expect(error?.values.cause).toBe('BUNDLE_REPLICA_INVALID');
      expect(JSON.parse(error?.values.causeValues ?? '{}')).toMatchObject({ reason });
    }
  });

  it('writes and reads a replica without its primary only when bound to the group’s material (a round for it alone)', async () => {
    const root = await tempDir();
    const [a, c] = makeImportParameters(2, NOW, ['AES_256', 'AES_256']) as [ImportParameters, ImportParameters];
    const bound = {
      kind: 'key-check-value',
      method: 'aes-ecb-zero-block',
      keyCheckValue: '6DA546',
      importedSeq: 17,
    } as const;
    const alone = { ...replicaOf(c, a), boundMaterial: bound };
    await writeImportParametersBundle(path.join(root, 'alone'), { ceremonyId: 'c-1', keys: [alone] }, { now: NOW });
    const read = await readBundle(path.join(root, 'alone'), { now: NOW });
    if (read.kind !== 'import-parameters') throw new Error('kind');
    expect(read.keys.map((k) => [k.keyId, k.replicaOf, k.boundMaterial])).toEqual([[c.keyId, a.keyId, bound]]);
    const unbound = await writeImportParametersBundle(
      path.join(root, 'unbound'),
      { ceremonyId: 'c-1', keys: [replicaOf(c, a)] },
      { now: NOW },
    ).then(
      () => undefined,
      (e: unknown) => e as { values: { causeValues: string } },
    );
    expect(JSON.parse(unbound?.values.causeValues ?? '{}')).toMatchObject({ reason: 'unknownPrimary' });
  });

  it('reads a wrapped group holding one material and refuses one whose replica claims other material', async () => {
    const root = await tempDir();
    const [a, , c] = groupParameters() as [ImportParameters, ImportParameters, ImportParameters];
    const primary = wrapFor(a);
    const replica = { ...wrapFor(c), keyCheckValue: primary.keyCheckValue, replicaOf: a.keyId };
    const dir = path.join(root, 'wrapped');
    await writeWrappedMaterialBundle(dir, { ceremonyId: 'c-1', keys: [primary, replica] }, { now: NOW });
    const read = await readBundle(dir, { now: NOW });
    expect(read.manifest.formatVersion).toBe(2);
    expect(read.keys.map((k) => k.replicaOf)).toEqual([undefined, a.keyId]);

    // A tamperer gives the replica other evidence (canonical manifest, checksum recomputed).
    await secondKeyOtherKcv(dir);
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_REPLICA_INVALID');
    expect(error.values).toMatchObject({ reason: 'evidenceDiffers', keyId: c.keyId, primary: a.keyId });
  });

  it('refuses a wrapped bundle giving two replicas of a primary it does not carry two materials', async () => {
    const root = await tempDir();
    const [a, , c, d] = makeImportParameters(4, NOW, ['AES_256', 'RSA_2048', 'AES_256', 'AES_256']) as [
      ImportParameters,
      ImportParameters,
      ImportParameters,
      ImportParameters,
    ];
    const east = { ...wrapFor(replicaOf(c, a)), replicaOf: a.keyId };
    const south = { ...wrapFor(replicaOf(d, a, 'cn-south-1')), replicaOf: a.keyId };
    const sameMaterial = path.join(root, 'same');
    const keys = [east, { ...south, keyCheckValue: east.keyCheckValue }];
    await writeWrappedMaterialBundle(sameMaterial, { ceremonyId: 'c-1', keys }, { now: NOW });
    expect((await readBundle(sameMaterial, { now: NOW })).keys.map((k) => k.replicaOf)).toEqual([a.keyId, a.keyId]);

    // Each replica alone is allowed (a later round binds it to its group's material); two of them differing are not.
    await secondKeyOtherKcv(sameMaterial);
    const error = await refusal(sameMaterial);
    expect(error.code).toBe('BUNDLE_REPLICA_INVALID');
    expect(error.values).toMatchObject({ reason: 'membersDiffer', keyId: d.keyId, primary: c.keyId });
    expect(error.message).toContain(
      `Keys ${d.keyId} and ${c.keyId} are replicas of one group, whose primary is not in this bundle, but their`,
    );
  });

  it('refuses a version 1 manifest carrying replicaOf and a version 2 manifest without replicas', async () => {
    const root = await tempDir();
    const keys = groupParameters();
    const v2 = path.join(root, 'v2');
    await writeImportParametersBundle(v2, { ceremonyId: 'c-1', keys }, { now: NOW });
    await rewriteManifest(v2, (m) => {
      (m as { formatVersion: number }).formatVersion = 1;
    });
    expect((await refusal(v2)).values).toMatchObject({ reason: 'version' });
    const v1 = path.join(root, 'v1');
    await writeImportParametersBundle(v1, { ceremonyId: 'c-1', keys: keys.slice(0, 2) }, { now: NOW });
    await rewriteManifest(v1, (m) => {
      (m as { formatVersion: number }).formatVersion = 2;
    });
    expect((await refusal(v1)).values).toMatchObject({ reason: 'version' });
    await rewriteManifest(v1, (m) => {
      (m as { formatVersion: number }).formatVersion = 7;
    });
    expect((await refusal(v1)).code).toBe('BUNDLE_UNSUPPORTED_VERSION');
  });

  it('holds a replica’s material under its primary’s id, a key alone under its own, and takes each material once', () => {
    const keys = [
      { keyId: 'r', replicaOf: 'p', keySpec: 'AES_256' },
      { keyId: 'k', keySpec: 'RSA_2048' },
      { keyId: 'p', keySpec: 'AES_256' },
    ] as const;
    expect(keys.map(materialIdOf)).toEqual(['p', 'k', 'p']);
    // The online side's keys say "no primary" with null.
    expect(materialIdOf({ keyId: 'k', replicaOf: null })).toBe('k');
    expect(materialsTaken(keys)).toEqual([
      { keyId: 'p', keySpec: 'AES_256' },
      { keyId: 'k', keySpec: 'RSA_2048' },
    ]);
  });
});
