/**
 * One ceremony's key material (crypto/key-material.ts): it owns the secret it was given, disposing it
 * zero-fills those very bytes (twice is harmless), and the public key travels with it unchanged.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyMaterial } from '../../../src-main/core/crypto/key-material';
import { SecretBytes } from '../../../src-main/core/crypto/secret-bytes';
import { expectKeyferryError } from './helpers/openssl';

describe('createKeyMaterial', () => {
  it('disposing the material zero-fills the bytes it was given and refuses later use', () => {
    const bytes = Buffer.alloc(32, 0xa5);
    const material = createKeyMaterial('AES_256', SecretBytes.from(bytes));
    expect(material.secret.use((b) => b.toString('hex'))).toBe('a5'.repeat(32));
    material.dispose();
    expect(bytes.equals(Buffer.alloc(32))).toBe(true);
    expect(material.secret.disposed).toBe(true);
    expectKeyferryError(() => material.secret.use((b) => b.length), 'SECRET_DISPOSED');
    expect(() => material.dispose()).not.toThrow();
  });

  it('carries an asymmetric key with its public key, and a symmetric one without', () => {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const der = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
    const spki = pair.publicKey.export({ format: 'der', type: 'spki' });
    const ec = createKeyMaterial('EC_P256', SecretBytes.from(Buffer.from(der)), spki);
    expect(ec.spec).toBe('EC_P256');
    expect(ec.publicKeySpkiDer?.equals(spki)).toBe(true);
    const publicOfSecret = ec.secret.use((bytes) =>
      createPublicKey(createPrivateKey({ key: bytes, format: 'der', type: 'pkcs8' })).export({
        format: 'der',
        type: 'spki',
      }),
    );
    expect(publicOfSecret.equals(spki)).toBe(true);
    const aes = createKeyMaterial('AES_256', SecretBytes.from(Buffer.alloc(32, 1)));
    expect('publicKeySpkiDer' in aes).toBe(false);
    ec.dispose();
    aes.dispose();
  });
});
