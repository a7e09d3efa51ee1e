/**
 * Writing an import-parameters bundle (bundle/import-parameters-bundle.ts) into a real folder: each
 * key's console files hold exactly the wrapping key and token the KMS gave, the manifest carries what
 * the air-gapped side needs per key (token digest, replica, material expiry), and parameters that
 * did not come from the KMS or have no token are refused with nothing written.
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importParametersFromConsoleFiles } from '../../../src-main/core/bundle';
import { writeImportParametersBundle } from '../../../src-main/core/bundle/import-parameters-bundle';
import { NOW, makeImportParameters, readManifest, tempDir } from './bundle-fixtures';

describe('writeImportParametersBundle', () => {
  it("writes each key's wrapping key (DER and base64) and token exactly as the KMS gave them", async () => {
    const dir = path.join(await tempDir(), 'params');
    const keys = makeImportParameters(2);
    const written = await writeImportParametersBundle(dir, { ceremonyId: 'c-files', keys }, { now: NOW });
    expect(written.manifest.ceremonyId).toBe('c-files');
    for (const key of keys) {
      const folder = path.join(dir, 'keys', key.keyId);
      expect((await fs.readFile(path.join(folder, 'PublicKey.bin'))).equals(key.wrappingKey.spkiDer)).toBe(true);
      expect(await fs.readFile(path.join(folder, 'PublicKey.b64'), 'ascii')).toBe(
        key.wrappingKey.spkiDer.toString('base64'),
      );
      expect(await fs.readFile(path.join(folder, 'ImportToken.b64'), 'ascii')).toBe(key.importToken?.value);
    }
  });

  it('records per key what the air-gapped side needs: its token, replica and material expiry', async () => {
    const dir = path.join(await tempDir(), 'params');
    const [primary, replica] = makeImportParameters(2, NOW, ['AES_256']);
    if (!primary || !replica) throw new Error('fixture');
    const keys = [
      { ...primary, materialExpiry: '2031-01-01T00:00:00.000Z' },
      {
        ...replica,
        origin: { ...replica.origin, region: 'cn-east-3' },
        replicaOf: primary.keyId,
        materialExpiry: '2031-01-01T00:00:00.000Z',
      },
    ];
    await writeImportParametersBundle(
      dir,
      {
        ceremonyId: 'c-per-key',
        ceremony: {
          title: 'Payments 2031',
          materialExpiry: '2031-01-01T00:00:00.000Z',
          onlineJournal: 'keyferry-online-c-per-key.jsonl',
        },
        keys,
      },
      { now: NOW },
    );
    const manifest = (await readManifest(dir)) as unknown as {
      ceremony?: { title?: string };
      keys: {
        keyId: string;
        replicaOf?: string;
        materialExpiry?: string;
        importToken: { sha256: string; expiresAt: string };
      }[];
    };
    expect(manifest.ceremony?.title).toBe('Payments 2031');
    expect(manifest.keys.map((k) => [k.keyId, k.replicaOf, k.materialExpiry])).toEqual([
      [primary.keyId, undefined, '2031-01-01T00:00:00.000Z'],
      [replica.keyId, primary.keyId, '2031-01-01T00:00:00.000Z'],
    ]);
    expect(manifest.keys[0]?.importToken).toMatchObject({
      sha256: primary.importToken?.sha256,
      expiresAt: primary.importToken?.expiry?.expiresAt,
    });
  });

  it('refuses parameters read from console files and parameters without a token, writing nothing', async () => {
    const [fromKms] = makeImportParameters(1);
    if (!fromKms) throw new Error('fixture');
    const root = await tempDir();
    const fromConsole = importParametersFromConsoleFiles({
      keyId: fromKms.keyId,
      keySpec: 'AES_256',
      wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
      wrappingKeyFile: fromKms.wrappingKey.spkiDer,
    });
    const dir = path.join(root, 'params');
    await expect(
      writeImportParametersBundle(dir, { ceremonyId: 'c1', keys: [fromConsole] }, { now: NOW }),
    ).rejects.toMatchObject({
      code: 'BUNDLE_INPUT_INVALID',
      message: `The parameters of key ${fromKms.keyId} came from console files; a bundle carries only parameters fetched from the KMS.`,
    });
    await expect(
      writeImportParametersBundle(dir, { ceremonyId: 'c1', keys: [{ ...fromKms, importToken: null }] }, { now: NOW }),
    ).rejects.toMatchObject({
      code: 'BUNDLE_INPUT_INVALID',
      message: expect.stringContaining('have no import token') as unknown,
    });
    expect(existsSync(dir)).toBe(false);
  });
});
