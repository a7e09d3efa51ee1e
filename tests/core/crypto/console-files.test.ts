/**
 * The file names the KMS console's import dialog expects (console-files.ts; Huawei's importing
 * key materials guide, step 3): every spec uploads EncryptedKeyMaterial.bin; an RSA key adds
 * out_rsa_private_key.der and an EC key out_ec_private_key.der, with public_key.der to compare
 * with get-publickey later; a symmetric key has nothing more to upload.
 */
import { describe, expect, it } from 'vitest';
import { consoleFileNames } from '../../../src-main/core/crypto/console-files';
import { KEY_SPECS } from '../../../src-main/core/crypto/key-spec';

describe('the console file names', () => {
  it("are the guide's names for each kind of key", () => {
    expect(consoleFileNames('AES_256')).toEqual({ encryptedKeyMaterial: 'EncryptedKeyMaterial.bin' });
    expect(consoleFileNames('RSA_3072')).toEqual({
      encryptedKeyMaterial: 'EncryptedKeyMaterial.bin',
      encryptedPrivateKey: 'out_rsa_private_key.der',
      publicKey: 'public_key.der',
    });
    expect(consoleFileNames('EC_P384')).toEqual({
      encryptedKeyMaterial: 'EncryptedKeyMaterial.bin',
      encryptedPrivateKey: 'out_ec_private_key.der',
      publicKey: 'public_key.der',
    });
  });

  it('give every RSA and EC spec its private key file, and no two files of one spec the same name', () => {
    for (const spec of KEY_SPECS) {
      const names = consoleFileNames(spec);
      const expected = spec.startsWith('RSA_')
        ? 'out_rsa_private_key.der'
        : spec.startsWith('EC_')
          ? 'out_ec_private_key.der'
          : undefined;
      expect(names.encryptedPrivateKey, spec).toBe(expected);
      const files = Object.values(names);
      expect(new Set(files).size, spec).toBe(files.length);
    }
  });
});
