/**
 * Where a bundle's files live (bundle/bundle-layout.ts): the folder a writer makes holds exactly the
 * files the layout names, under the console's own file names, and a manifest naming a file that could
 * leave the bundle folder is refused.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeImportParametersBundle, writeWrappedMaterialBundle } from '../../../src-main/core/bundle';
import {
  assertSafeRelativeName,
  foldersOf,
  importParametersFileNames,
  keyFilePath,
  wrappedMaterialFileNames,
} from '../../../src-main/core/bundle/bundle-layout';
import { NOW, listFiles, makeImportParameters, makeWrappedMaterial, tempDir } from './bundle-fixtures';
import { expectKeyferryError } from '../crypto/helpers/openssl';

describe('the files of a bundle', () => {
  it('an import-parameters bundle holds exactly the layout’s files and its manifest', async () => {
    const dir = path.join(await tempDir(), 'params');
    const keys = makeImportParameters(2);
    await writeImportParametersBundle(dir, { ceremonyId: 'c1', keys }, { now: NOW });
    const named = importParametersFileNames(keys.map((k) => k.keyId));
    expect(await listFiles(dir)).toEqual([...named, 'manifest.json'].sort());
    expect(named).toContain(`keys/${keys[0]?.keyId}/PublicKey.bin`);
  });

  it('a wrapped-material bundle holds one file for AES, three for RSA and EC, under the console’s names', async () => {
    const dir = path.join(await tempDir(), 'wrapped');
    const keys = makeWrappedMaterial(3);
    await writeWrappedMaterialBundle(dir, { ceremonyId: 'c1', keys }, { now: NOW });
    const named = wrappedMaterialFileNames(keys);
    expect(await listFiles(dir)).toEqual([...named, 'manifest.json'].sort());
    const [aes, rsa, ec] = keys.map((k) => named.filter((name) => name.startsWith(`keys/${k.keyId}/`)).sort());
    expect(aes).toEqual([`keys/${keys[0]?.keyId}/EncryptedKeyMaterial.bin`]);
    expect(rsa?.map((name) => path.basename(name))).toEqual([
      'EncryptedKeyMaterial.bin',
      'out_rsa_private_key.der',
      'public_key.der',
    ]);
    expect(ec?.map((name) => path.basename(name))).toEqual([
      'EncryptedKeyMaterial.bin',
      'out_ec_private_key.der',
      'public_key.der',
    ]);
  });

  it('names key files with forward slashes and lists folders parents first, then by name', () => {
    expect(keyFilePath('k-1', 'PublicKey.bin')).toBe('keys/k-1/PublicKey.bin');
    expect(foldersOf(['README.txt', 'keys/b/x.bin', 'keys/a/y.bin', 'keys/b/z.bin'])).toEqual([
      'keys',
      'keys/a',
      'keys/b',
    ]);
    expect(foldersOf(['README.txt'])).toEqual([]);
  });
});

describe('assertSafeRelativeName', () => {
  it.each(['keys/k-1/PublicKey.bin', 'README.txt', 'keys/A_b.c/ImportToken.b64'])('accepts %j', (name) => {
    expect(() => assertSafeRelativeName(name)).not.toThrow();
  });

  it.each([
    '',
    '../outside.bin',
    'keys/../../etc/passwd',
    '/etc/passwd',
    'keys\\k\\file.bin',
    'C:/Windows/file.bin',
    'keys//file.bin',
    'keys/./file.bin',
    'keys/k/file\0.bin',
    'keys/k/fi le.bin',
    'keys/k/ключ.bin',
  ])('refuses %j as a name that could point outside the bundle', (name) => {
    const error = expectKeyferryError(() => assertSafeRelativeName(name), 'BUNDLE_UNSAFE_PATH');
    expect(error.message).toContain(JSON.stringify(name));
    expect(error.message).toContain('could point outside the bundle folder');
  });

  it('refuses a manifest that lists itself', () => {
    expectKeyferryError(
      () => assertSafeRelativeName('manifest.json'),
      'BUNDLE_MANIFEST_LISTS_ITSELF',
      'The manifest lists itself (manifest.json) as a file.',
    );
  });
});
