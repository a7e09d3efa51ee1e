import { describe, expect, it } from 'vitest';
import { assertNoSecrets, isSensitiveKeyName } from '../../../src-main/core/journal';

describe('the journal secret guard', () => {
  it.each([
    'material',
    'keyMaterial',
    'plaintextKeyMaterial',
    'secret',
    'clientSecret',
    'privateKey',
    'PRIVATE_KEY',
    'password',
    'passphrase',
    'plaintext',
    'sk',
    'SK',
    'huaweiSk',
    'accessKeySK',
    'aws_sk',
    'cloud-sk',
  ])('refuses the key name %s', (name) => {
    expect(isSensitiveKeyName(name)).toBe(true);
  });

  it.each([
    'keyId',
    'alias',
    'privateKeyFingerprint',
    'materialSha256',
    'material_sha256',
    'keyCheckValue',
    'materialKeyCheckValue',
    'disk',
    'task',
    'risk',
    'ak',
    'importTokenSha256',
    'spec',
  ])('allows the key name %s', (name) => {
    expect(isSensitiveKeyName(name)).toBe(false);
  });

  it('refuses a Buffer, a typed array and an ArrayBuffer anywhere, without echoing the bytes', () => {
    const key = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
    for (const data of [{ wrapped: key }, { list: [{ bytes: new Uint8Array(key) }] }, { raw: key.buffer }]) {
      let message = '';
      try {
        assertNoSecrets(data);
      } catch (error) {
        message = (error as Error).message;
        expect(error).toMatchObject({ code: 'JOURNAL_SECRET_REFUSED' });
      }
      expect(message).toMatch(/binary values/);
      expect(message).not.toContain('00112233');
    }
  });

  it('refuses a material key even when nested, naming the path but not the value', () => {
    expect(() => assertNoSecrets({ keys: [{ keyId: 'k1', material: 'deadbeef' }] })).toThrow(
      /data\.keys\[0\]\.material/,
    );
    expect(() => assertNoSecrets({ keys: [{ keyId: 'k1', material: 'deadbeef' }] })).not.toThrow(/deadbeef/);
  });

  it('refuses a PEM private key in a harmless-looking field', () => {
    expect(() => assertNoSecrets({ note: '-----BEGIN PRIVATE KEY-----\nMIIE...' })).toThrow(/PEM private key/);
    expect(() => assertNoSecrets({ note: '-----BEGIN EC PRIVATE KEY-----' })).toThrow(/PEM private key/);
  });

  it('passes ordinary ceremony facts', () => {
    expect(() =>
      assertNoSecrets({
        keyId: 'k',
        publicKeyFingerprint: 'ab'.repeat(32),
        files: [{ name: 'a.bin', sha256: 'cd'.repeat(32) }],
      }),
    ).not.toThrow();
  });
});
