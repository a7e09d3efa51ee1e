/**
 * Writing a wrapped-material bundle (src-main/core/bundle/wrapped-material-bundle.ts) into real
 * folders, from material wrapped for real: the staged folder holds every key file and the README
 * but no manifest, so it is not yet a bundle the online side would read; `complete()` writes the
 * manifest whose SHA-256 the receipt printed, and it reads back with each key's files exactly as
 * the console names them, the public key's fingerprint, replica group and custody. Material of the
 * wrong shape for its spec is refused naming the key, and nothing is written.
 */
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  readBundle,
  type CustodyArrangement,
  type ImportParameters,
  type WrappedMaterialBundle,
} from '../../../src-main/core/bundle';
import {
  stageWrappedMaterialBundle,
  writeWrappedMaterialBundle,
} from '../../../src-main/core/bundle/wrapped-material-bundle';
import { NOW, listFiles, makeImportParameters, tempDir, wrapFor } from './bundle-fixtures';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('stageWrappedMaterialBundle', () => {
  it('writes the key files and README but no manifest: the folder is a bundle only once complete() writes it', async () => {
    const dir = path.join(await tempDir(), 'wrapped');
    const [aes, rsa] = makeImportParameters(2, NOW, ['AES_256', 'RSA_2048']).map((p) => wrapFor(p));
    if (!aes || !rsa) throw new Error('fixture');
    const staged = await stageWrappedMaterialBundle(
      dir,
      { ceremonyId: 'KF-20300102-abcdef', keys: [aes, rsa] },
      {
        now: NOW,
      },
    );
    expect(await listFiles(dir)).toEqual(
      [
        'README.txt',
        `keys/${aes.keyId}/EncryptedKeyMaterial.bin`,
        `keys/${rsa.keyId}/EncryptedKeyMaterial.bin`,
        `keys/${rsa.keyId}/out_rsa_private_key.der`,
        `keys/${rsa.keyId}/public_key.der`,
      ].sort(),
    );
    await expect(readBundle(dir, { now: NOW })).rejects.toThrow();

    const written = await staged.complete();
    expect(written.digest).toBe(staged.digest);
    expect(sha256(await fs.readFile(path.join(dir, 'manifest.json')))).toBe(staged.digest);
    const read = (await readBundle(dir, { now: NOW })) as WrappedMaterialBundle;
    expect(read.kind).toBe('wrapped-material');
    expect(read.digest).toBe(staged.digest);
  });

  it("records each key's check value or public-key fingerprint, its replica group and the custody, and the console's file bytes", async () => {
    const dir = path.join(await tempDir(), 'wrapped');
    const [aes, ec] = makeImportParameters(2, NOW, ['AES_256', 'EC_P256']).map((p) => wrapFor(p));
    if (!aes || !ec) throw new Error('fixture');
    // A replica holds its primary's material, wrapped under its own region's wrapping key.
    const replica = {
      ...wrapFor(makeImportParameters(1, NOW, ['AES_256'])[0] as ImportParameters),
      keyCheckValue: aes.keyCheckValue,
      replicaOf: aes.keyId,
    };
    const custody: CustodyArrangement = { kind: 'hsm-token', label: 'ceremony-token', serial: '0123456789abcdef' };
    const written = await writeWrappedMaterialBundle(
      dir,
      { ceremonyId: 'KF-20300102-abcdef', keys: [aes, ec, replica], custody },
      { now: NOW },
    );
    expect(written.manifest.custody).toEqual(custody);
    const byId = new Map(written.manifest.keys.map((k) => [k.keyId, k]));
    expect(byId.get(aes.keyId)).toMatchObject({ keyCheckValue: aes.keyCheckValue, publicKeyFingerprint: null });
    expect(byId.get(ec.keyId)).toMatchObject({
      keyCheckValue: null,
      publicKeyFingerprint: sha256(ec.publicKeyDer as Buffer),
    });
    expect(byId.get(replica.keyId)?.replicaOf).toBe(aes.keyId);
    expect(byId.get(aes.keyId)).not.toHaveProperty('replicaOf');
    const keyDir = path.join(dir, 'keys', ec.keyId);
    expect(await fs.readFile(path.join(keyDir, 'EncryptedKeyMaterial.bin'))).toEqual(ec.encryptedKeyMaterial);
    expect(await fs.readFile(path.join(keyDir, 'out_ec_private_key.der'))).toEqual(ec.encryptedPrivateKey);
    expect(await fs.readFile(path.join(keyDir, 'public_key.der'))).toEqual(ec.publicKeyDer);
    expect(await fs.readFile(path.join(dir, 'README.txt'), 'utf8')).toContain('KF-20300102-abcdef');
  });

  it.each([
    ['an RSA key without its wrapped private key', 'RSA_2048', { encryptedPrivateKey: null }, 'privateKeyMissing'],
    ['an EC key without its public key', 'EC_P256', { publicKeyDer: null }, 'privateKeyMissing'],
    ['an AES key that comes with a public key', 'AES_256', { publicKeyDer: Buffer.alloc(91, 1) }, 'symmetricExtra'],
  ] as const)('refuses %s, naming the key, and writes nothing', async (_case, spec, change, reason) => {
    const dir = path.join(await tempDir(), 'wrapped');
    const key = { ...wrapFor(makeImportParameters(1, NOW, [spec])[0] as ImportParameters), ...change };
    await expect(
      stageWrappedMaterialBundle(dir, { ceremonyId: 'KF-20300102-abcdef', keys: [key] }, { now: NOW }),
    ).rejects.toMatchObject({
      code: 'BUNDLE_INPUT_INVALID',
      values: expect.objectContaining({ reason, keyId: key.keyId, keySpec: spec }),
    });
    expect(existsSync(dir)).toBe(false);
  });
});
