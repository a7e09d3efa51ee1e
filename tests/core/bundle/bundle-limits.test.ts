/**
 * The fixed names and limits of bundles (bundle/bundle-limits.ts): the ciphertext sizes the KMS
 * accepts agree with what OpenSSL writes, file managers' litter is recognised, and every version any
 * Keyferry wrote still reads.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUNDLE_FORMAT_VERSIONS,
  HUAWEI_ENCRYPTED_KEY_MATERIAL_CHARS,
  IMPORT_PARAMETERS_FORMAT,
  WRAPPED_MATERIAL_FORMAT,
  isOsMetadataFile,
  rsaCiphertextBase64Chars,
} from '../../../src-main/core/bundle/bundle-limits';
import { oaepEncryptArgs } from '../crypto/helpers/openssl-commands';
import { tempDir, wrappingKeyPair } from './bundle-fixtures';

describe('ciphertext sizes', () => {
  it('an RSA-2048 OAEP ciphertext from OpenSSL has the predicted base64 length, inside the KMS range', async () => {
    const dir = await tempDir();
    const [plain, pub, out] = ['PlaintextKeyMaterial.bin', 'PublicKey.bin', 'EncryptedKeyMaterial.bin'].map((f) =>
      path.join(dir, f),
    ) as [string, string, string];
    await fs.writeFile(plain, Buffer.alloc(32, 9));
    await fs.writeFile(pub, wrappingKeyPair(0).publicDer);
    execFileSync('openssl', oaepEncryptArgs(plain, pub, out, 'sha256'));
    const chars = (await fs.readFile(out)).toString('base64').length;
    expect(chars).toBe(rsaCiphertextBase64Chars(2048));
    expect(chars).toBeGreaterThanOrEqual(HUAWEI_ENCRYPTED_KEY_MATERIAL_CHARS.min);
    expect(chars).toBeLessThanOrEqual(HUAWEI_ENCRYPTED_KEY_MATERIAL_CHARS.max);
  });

  it('RSA-3072 and RSA-4096 ciphertexts do not fit the KMS field', () => {
    expect(rsaCiphertextBase64Chars(3072)).toBe(512);
    expect(rsaCiphertextBase64Chars(4096)).toBe(684);
    expect(rsaCiphertextBase64Chars(3072)).toBeGreaterThan(HUAWEI_ENCRYPTED_KEY_MATERIAL_CHARS.max);
  });
});

describe('file manager litter', () => {
  it.each(['.DS_Store', '._PublicKey.bin', 'Thumbs.db', 'desktop.ini'])('%s is OS metadata', (name) => {
    expect(isOsMetadataFile(name)).toBe(true);
  });

  it.each(['PublicKey.bin', 'README.txt', 'DS_Store', 'thumbs.db.bak'])('%s is not', (name) => {
    expect(isOsMetadataFile(name)).toBe(false);
  });
});

describe('versions', () => {
  it('keeps reading every version each format was ever written in (a version is never dropped)', () => {
    expect(BUNDLE_FORMAT_VERSIONS[IMPORT_PARAMETERS_FORMAT]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(BUNDLE_FORMAT_VERSIONS[WRAPPED_MATERIAL_FORMAT]).toEqual([1, 2, 3, 4, 5]);
  });
});
