import { execFileSync } from 'node:child_process';
import { constants as cryptoConstants, privateDecrypt } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src-main/core/fs/durable-file';
import {
  readBundle,
  writeImportParametersBundle,
  writeWrappedMaterialBundle,
  type ImportParametersBundle,
  type WrappedMaterialBundle,
} from '../../../src-main/core/bundle';
import {
  NOW,
  listFiles,
  makeImportParameters,
  makeWrappedMaterial,
  tempDir,
  wrapFor,
  wrappingKeyPair,
} from './bundle-fixtures';
import { oaepEncryptArgs } from '../crypto/helpers/openssl-commands';

describe('import-parameters bundle round trip', () => {
  for (const count of [1, 10]) {
    it(`writes and reads back ${count} key(s) exactly`, async () => {
      const dir = path.join(await tempDir(), 'params');
      const keys = makeImportParameters(count);
      const written = await writeImportParametersBundle(dir, { ceremonyId: 'ceremony-2030-01', keys }, { now: NOW });
      const manifestBytes = await fs.readFile(path.join(dir, 'manifest.json'));
      expect(written.digest).toBe(sha256Hex(manifestBytes));
      expect(written.manifest.format).toBe('keyferry.import-parameters');
      expect(written.manifest.formatVersion).toBe(1);
      expect(written.manifest.createdAt).toBe(NOW.toISOString());

      const read = (await readBundle(dir, { now: NOW })) as ImportParametersBundle;
      expect(read.kind).toBe('import-parameters');
      expect(read.digest).toBe(written.digest);
      expect(read.keys).toEqual(keys);
      expect(read.warnings).toEqual([]);
      expect(read.manifest).toEqual(written.manifest);

      const expected = [
        'README.txt',
        'manifest.json',
        ...keys.flatMap((k) =>
          ['ImportToken.b64', 'PublicKey.b64', 'PublicKey.bin'].map((f) => `keys/${k.keyId}/${f}`),
        ),
      ];
      expect(await listFiles(dir)).toEqual(expected.sort());
    });
  }

  it('writes the console files exactly as the guide names them, usable by openssl', async () => {
    const dir = path.join(await tempDir(), 'params');
    const [key] = makeImportParameters(1, NOW, ['AES_256']);
    if (!key?.importToken) throw new Error('fixture');
    await writeImportParametersBundle(dir, { ceremonyId: 'c1', keys: [key] }, { now: NOW });
    const keyDir = path.join(dir, 'keys', key.keyId);
    expect(await fs.readFile(path.join(keyDir, 'PublicKey.bin'))).toEqual(key.wrappingKey.spkiDer);
    expect(await fs.readFile(path.join(keyDir, 'PublicKey.b64'), 'ascii')).toBe(
      key.wrappingKey.spkiDer.toString('base64'),
    );
    expect(await fs.readFile(path.join(keyDir, 'ImportToken.b64'), 'ascii')).toBe(key.importToken.value);

    // The guide's own command wraps with PublicKey.bin; the matching private key unwraps it.
    const plain = path.join(keyDir, '..', '..', '..', 'PlaintextKeyMaterial.bin');
    const wrapped = path.join(path.dirname(plain), 'EncryptedKeyMaterial.bin');
    const material = Buffer.alloc(32, 7);
    await fs.writeFile(plain, material);
    execFileSync('openssl', oaepEncryptArgs(plain, path.join(keyDir, 'PublicKey.bin'), wrapped, 'sha256'));
    const unwrapped = privateDecrypt(
      { key: wrappingKeyPair(0).privateKey, padding: cryptoConstants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      await fs.readFile(wrapped),
    );
    expect(unwrapped).toEqual(material);
  });

  it('refuses to write into a folder that already exists and leaves it untouched', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, 'keep.txt'), 'mine');
    await expect(
      writeImportParametersBundle(dir, { ceremonyId: 'c1', keys: makeImportParameters(1) }, { now: NOW }),
    ).rejects.toMatchObject({
      code: 'FOLDER_NOT_FRESH',
    });
    expect(await listFiles(dir)).toEqual(['keep.txt']);
  });

  it('refuses bad input before creating anything', async () => {
    const dir = path.join(await tempDir(), 'params');
    const [key] = makeImportParameters(1);
    if (!key) throw new Error('fixture');
    const expired = {
      ...key,
      importToken: key.importToken && {
        ...key.importToken,
        expiry: {
          expiresAt: '2029-01-01T00:00:00.000Z',
          expirationTime: Date.parse('2029-01-01T00:00:00.000Z') / 1000,
        },
      },
    };
    await expect(
      writeImportParametersBundle(dir, { ceremonyId: 'c1', keys: [expired] }, { now: NOW }),
    ).rejects.toMatchObject({
      code: 'BUNDLE_INPUT_INVALID',
      message: expect.stringContaining('fetch new parameters') as unknown,
    });
    await expect(
      writeImportParametersBundle(dir, { ceremonyId: 'c1', keys: [key, key] }, { now: NOW }),
    ).rejects.toMatchObject({
      code: 'BUNDLE_INPUT_INVALID',
      message: expect.stringContaining('more than once') as unknown,
    });
    expect(existsSync(dir)).toBe(false);
  });
});

describe('wrapped-material bundle round trip', () => {
  for (const count of [1, 10]) {
    it(`writes and reads back ${count} key(s) of mixed specs exactly`, async () => {
      const dir = path.join(await tempDir(), 'wrapped');
      const keys = makeWrappedMaterial(count);
      const written = await writeWrappedMaterialBundle(dir, { ceremonyId: 'ceremony-2030-01', keys }, { now: NOW });
      expect(written.digest).toBe(sha256Hex(await fs.readFile(path.join(dir, 'manifest.json'))));
      const read = (await readBundle(dir, { now: NOW })) as WrappedMaterialBundle;
      expect(read.kind).toBe('wrapped-material');
      expect(read.digest).toBe(written.digest);
      expect(read.keys).toEqual(keys);
      expect(read.warnings).toEqual([]);
    });
  }

  it('uses the console file names per spec', async () => {
    const dir = path.join(await tempDir(), 'wrapped');
    const params = makeImportParameters(3, NOW, ['AES_256', 'RSA_3072', 'EC_P384']);
    const keys = params.map((p) => wrapFor(p));
    await writeWrappedMaterialBundle(dir, { ceremonyId: 'c1', keys }, { now: NOW });
    const [aes, rsa, ec] = params.map((p) => `keys/${p.keyId}`);
    expect(await listFiles(dir)).toEqual(
      [
        'README.txt',
        'manifest.json',
        `${aes}/EncryptedKeyMaterial.bin`,
        `${rsa}/EncryptedKeyMaterial.bin`,
        `${rsa}/out_rsa_private_key.der`,
        `${rsa}/public_key.der`,
        `${ec}/EncryptedKeyMaterial.bin`,
        `${ec}/out_ec_private_key.der`,
        `${ec}/public_key.der`,
      ].sort(),
    );
    expect(await fs.readFile(path.join(dir, `${rsa}/out_rsa_private_key.der`))).toEqual(keys[1]?.encryptedPrivateKey);
  });

  it('carries a symmetric material expiry and warns once it has passed', async () => {
    const dir = path.join(await tempDir(), 'wrapped');
    const [p] = makeImportParameters(1, NOW, ['AES_256']);
    if (!p) throw new Error('fixture');
    const key = wrapFor(p, '2030-02-01T00:00:00.000Z');
    await writeWrappedMaterialBundle(dir, { ceremonyId: 'c1', keys: [key] }, { now: NOW });
    expect((await readBundle(dir, { now: NOW })).keys[0]).toMatchObject({
      materialExpiresAt: '2030-02-01T00:00:00.000Z',
    });
    const later = await readBundle(dir, { now: new Date('2030-03-01T00:00:00Z') });
    expect(later.warnings.map((w) => w.code)).toEqual(['MATERIAL_EXPIRY_PAST']);
  });

  it('refuses an asymmetric key without its wrapped private key', async () => {
    const dir = path.join(await tempDir(), 'wrapped');
    const [p] = makeImportParameters(1, NOW, ['RSA_2048']);
    if (!p) throw new Error('fixture');
    const key = { ...wrapFor(p), encryptedPrivateKey: null };
    await expect(
      writeWrappedMaterialBundle(dir, { ceremonyId: 'c1', keys: [key] }, { now: NOW }),
    ).rejects.toMatchObject({ code: 'BUNDLE_INPUT_INVALID' });
    expect(existsSync(dir)).toBe(false);
  });
});
