/**
 * Import parameters that carry the material a key is bound to (format version 3): written and
 * read back, covered by the bundle digest the witnesses type, refused when the binding does not
 * fit its key (wrong kind, a replica bound to other material than its primary, a version that does
 * not match), and the comparison the air-gapped side makes with material it holds.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  readBundle,
  requireBoundMaterial,
  writeImportParametersBundle,
  writeWrappedMaterialBundle,
  type BoundMaterial,
  type ImportParameters,
} from '../../../src-main/core/bundle';
import { groupHex } from '../../../src-main/core/hex-groups';
import { toProblem } from '../../../src-main/core/errors';
import { translator } from '../../../src-main/i18n/translate';
import { NOW, makeImportParameters, rewriteManifest, tempDir, wrapFor } from './bundle-fixtures';
import { refusal } from './tamper-setup';

const KCV: BoundMaterial = {
  kind: 'key-check-value',
  method: 'aes-ecb-zero-block',
  keyCheckValue: '1A2B3C',
  importedSeq: 12,
};
const SPKI: BoundMaterial = { kind: 'public-key-sha256', publicKeyFingerprint: 'ab'.repeat(32), importedSeq: 14 };

/** An AES key bound by KCV, an RSA key bound by fingerprint, an EC key never imported into. */
function boundParameters(): ImportParameters[] {
  const [aes, rsa, ec] = makeImportParameters(3) as [ImportParameters, ImportParameters, ImportParameters];
  return [{ ...aes, boundMaterial: KCV }, { ...rsa, boundMaterial: SPKI }, ec];
}

async function written(keys: ImportParameters[], name = 'params') {
  const dir = path.join(await tempDir(), name);
  const bundle = await writeImportParametersBundle(dir, { ceremonyId: 'bound-1', keys }, { now: NOW });
  return { dir, bundle };
}

describe('bound material in import parameters (format version 3)', () => {
  it('is written as version 3, read back per key, and changes the digest the witnesses type', async () => {
    const keys = boundParameters();
    const { dir, bundle } = await written(keys);
    expect(bundle.manifest.formatVersion).toBe(3);
    const read = await readBundle(dir, { now: NOW, expectedDigest: groupHex(bundle.digest) });
    if (read.kind !== 'import-parameters') throw new Error('kind');
    expect(read.keys.map((k) => k.boundMaterial)).toEqual([KCV, SPKI, undefined]);

    // The same keys without the binding: version 1, another digest.
    const plain = await written(
      keys.map(({ boundMaterial: _bound, ...k }) => k),
      'plain',
    );
    expect(plain.bundle.manifest.formatVersion).toBe(1);
    expect(plain.bundle.digest).not.toBe(bundle.digest);

    // A bound KCV edited on the media (checksum recomputed) no longer matches the digest the witnesses typed.
    await rewriteManifest(dir, (m) => {
      const key = m.keys[0] as { boundMaterial?: { keyCheckValue?: string } };
      if (key.boundMaterial) key.boundMaterial.keyCheckValue = 'FFFFFF';
    });
    await expect(readBundle(dir, { now: NOW, expectedDigest: groupHex(bundle.digest) })).rejects.toMatchObject({
      code: 'BUNDLE_DIGEST_MISMATCH',
    });
  });

  it('refuses a binding of the wrong kind, a replica bound to other material, and a version that does not match', async () => {
    const [aes, rsa] = makeImportParameters(2) as [ImportParameters, ImportParameters];
    // The writer refuses what the reader would refuse; the reader names the reason.
    await expect(written([{ ...aes, boundMaterial: SPKI }])).rejects.toMatchObject({
      code: 'BUNDLE_INPUT_INVALID',
      values: { reason: 'wouldBeRefused' },
    });
    const kind = await written([{ ...aes, boundMaterial: KCV }], 'kind');
    await rewriteManifest(kind.dir, (m) => {
      (m.keys[0] as { boundMaterial?: unknown }).boundMaterial = SPKI;
    });
    expect(await refusal(kind.dir)).toMatchObject({
      code: 'BUNDLE_BOUND_MATERIAL_INVALID',
      values: { reason: 'kind', keyId: aes.keyId, spec: 'AES_256' },
    });
    const [other] = makeImportParameters(1) as [ImportParameters];
    if (other.origin.kind !== 'kms-answer') throw new Error('kms answer expected');
    const replica: ImportParameters = {
      ...other,
      origin: { ...other.origin, region: 'cn-east-3' },
      replicaOf: aes.keyId,
      boundMaterial: { ...KCV, keyCheckValue: '000000' },
    };
    const group = await written(
      [
        { ...aes, boundMaterial: KCV },
        { ...replica, boundMaterial: KCV },
      ],
      'group',
    );
    await rewriteManifest(group.dir, (m) => {
      (m.keys[1] as { boundMaterial?: unknown }).boundMaterial = replica.boundMaterial;
    });
    expect(await refusal(group.dir)).toMatchObject({
      code: 'BUNDLE_BOUND_MATERIAL_INVALID',
      values: { reason: 'groupDiffers', keyId: replica.keyId, other: aes.keyId },
    });

    // Version 3 without any binding, and version 1 with one: both refused by the reader.
    const { dir } = await written([{ ...aes, boundMaterial: KCV }, rsa]);
    await rewriteManifest(dir, (m) => {
      delete (m.keys[0] as { boundMaterial?: unknown }).boundMaterial;
    });
    expect(await refusal(dir)).toMatchObject({ code: 'BUNDLE_REPLICA_INVALID', values: { reason: 'version' } });
    const again = await written([{ ...aes, boundMaterial: KCV }, rsa], 'again');
    await rewriteManifest(again.dir, (m) => Object.assign(m, { formatVersion: 1 }));
    expect(await refusal(again.dir)).toMatchObject({ code: 'BUNDLE_REPLICA_INVALID', values: { reason: 'version' } });
  });

  it('is a version only import parameters have: a wrapped-material bundle of version 3 names who made it, nothing bound', async () => {
    const [p] = makeImportParameters(1) as [ImportParameters];
    const dir = path.join(await tempDir(), 'wrapped');
    await writeWrappedMaterialBundle(dir, { ceremonyId: 'bound-1', keys: [wrapFor(p)] }, { now: NOW });
    await rewriteManifest(dir, (m) => Object.assign(m, { formatVersion: 3 }));
    const error = await refusal(dir);
    expect(error).toMatchObject({ code: 'BUNDLE_REPLICA_INVALID', values: { reason: 'version' } });
  });

  it('takes material showing the bound KCV or fingerprint and refuses other material, naming both values', () => {
    const keys = boundParameters();
    const [aes, rsa, ec] = keys as [ImportParameters, ImportParameters, ImportParameters];
    expect(requireBoundMaterial(aes, keys, { keyCheckValue: '1a2b3c', publicKeyFingerprint: null })).toEqual(KCV);
    expect(requireBoundMaterial(rsa, keys, { keyCheckValue: null, publicKeyFingerprint: 'AB'.repeat(32) })).toEqual(
      SPKI,
    );
    expect(requireBoundMaterial(ec, keys, { keyCheckValue: null, publicKeyFingerprint: 'cd'.repeat(32) })).toBe(
      undefined,
    );
    let error: unknown;
    try {
      requireBoundMaterial(rsa, keys, { keyCheckValue: null, publicKeyFingerprint: 'cd'.repeat(32) });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: 'MATERIAL_NOT_THE_BOUND',
      values: {
        keyId: rsa.keyId,
        kind: 'spki',
        bound: groupHex('ab'.repeat(32)),
        held: groupHex('cd'.repeat(32)),
        seq: 14,
      },
    });
    const en = translator('en').problem(toProblem(error));
    expect(en.message).toContain(`public-key fingerprint ${groupHex('cd'.repeat(32))} here`);
    expect(en.nextStep).toContain('keyferry custody restore');
    // Shares of the set a wrap again made rebuild other material (a trial's): the set to use is named.
    expect(en.nextStep).toContain(
      'With shares, use the custody set whose material the KMS holds: online params and online status name it by the tag in its share files’ names',
    );
    const zh = translator('zh-CN').problem(toProblem(error));
    expect(zh.message).toContain('公钥指纹');
    expect(zh.message).toContain(groupHex('ab'.repeat(32)));
  });
});
