/**
 * Every Buffer that held plaintext key bytes is zero-filled once done, on success and on error.
 * node:crypto is wrapped (not faked: every call goes to the real function) to capture each
 * plaintext-bearing Buffer it hands to the wrapping engine; Buffer.alloc is watched for the
 * engine's own decode buffers.
 */
import type * as NodeCrypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const seen = vi.hoisted(() => ({ buffers: [] as Buffer[], failPublicEncrypt: false }));

vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof NodeCrypto>();
  const keep = <T>(value: T): T => {
    if (Buffer.isBuffer(value)) seen.buffers.push(value);
    return value;
  };
  const watchExport = (key: NodeCrypto.KeyObject): NodeCrypto.KeyObject => {
    const exportReal = key.export.bind(key) as (options?: object) => unknown;
    Object.defineProperty(key, 'export', { value: (options?: object) => keep(exportReal(options)) });
    return key;
  };
  const watchDecipher = (decipher: NodeCrypto.Decipher): NodeCrypto.Decipher => {
    const update = decipher.update.bind(decipher) as (data: Buffer) => Buffer;
    const final = decipher.final.bind(decipher) as () => Buffer;
    Object.assign(decipher, { update: (data: Buffer) => keep(update(data)), final: () => keep(final()) });
    return decipher;
  };
  const mocked = {
    ...real,
    randomBytes: (size: number) => keep(real.randomBytes(size)),
    createPrivateKey: (input: Parameters<typeof real.createPrivateKey>[0]) => watchExport(real.createPrivateKey(input)),
    privateDecrypt: (key: Parameters<typeof real.privateDecrypt>[0], data: Parameters<typeof real.privateDecrypt>[1]) =>
      keep(real.privateDecrypt(key, data)),
    createDecipheriv: (...args: Parameters<typeof real.createDecipheriv>) =>
      watchDecipher(real.createDecipheriv(...args)),
    publicEncrypt: (...args: Parameters<typeof real.publicEncrypt>) => {
      if (seen.failPublicEncrypt) throw new Error('simulated failure in RSA-OAEP');
      return real.publicEncrypt(...args);
    },
    generateKeyPair: (
      type: string,
      options: object,
      callback: (error: Error | null, publicKey: unknown, privateKey: unknown) => void,
    ) =>
      (real.generateKeyPair as unknown as (t: string, o: object, cb: typeof callback) => void)(
        type,
        options,
        (error, publicKey, privateKey) => callback(error, publicKey, keep(privateKey)),
      ),
  };
  return { ...mocked, default: mocked };
});

const { generateKeyPairSync } = await import('node:crypto');
const { generateKeyMaterial } = await import('../../../src-main/core/crypto/generate-key-material');
const { loadKeyMaterial } = await import('../../../src-main/core/crypto/load-key-material');
const { wrapKeyMaterial } = await import('../../../src-main/core/crypto/wrap');
const { unwrapKeyMaterial } = await import('../../../src-main/core/crypto/unwrap');
const { loadWrappingPublicKey } = await import('../../../src-main/core/crypto/wrapping-key');
const { rsaOaepEncrypt } = await import('../../../src-main/core/crypto/rsa-oaep');
const { aesKeyWrapPad } = await import('../../../src-main/core/crypto/aes-key-wrap');

const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
const wrappingKey = loadWrappingPublicKey(pair.publicKey.export({ type: 'spki', format: 'der' }));
const algorithm = 'RSAES_OAEP_SHA_256' as const;

const isZero = (b: Buffer) => b.every((x) => x === 0);
function expectAllWiped(minimum: number): void {
  const plaintextBearing = seen.buffers.filter((b) => b.length > 0);
  expect(plaintextBearing.length).toBeGreaterThanOrEqual(minimum);
  plaintextBearing.forEach((b, i) =>
    expect(isZero(b), `captured buffer #${i} (${b.length} bytes) still holds data`).toBe(true),
  );
}

let allocSpy: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  seen.buffers.length = 0;
  seen.failPublicEncrypt = false;
  const realAlloc = Buffer.alloc.bind(Buffer);
  allocSpy = vi.spyOn(Buffer, 'alloc').mockImplementation(((size: number, fill?: never, encoding?: never) => {
    const b = realAlloc(size, fill, encoding);
    if (size > 0) seen.buffers.push(b);
    return b;
  }) as typeof Buffer.alloc);
});
afterEach(() => allocSpy.mockRestore());

describe('plaintext buffers are zero-filled on success', () => {
  it('AES_256: generated material, wrapped, disposed', async () => {
    const material = await generateKeyMaterial('AES_256');
    wrapKeyMaterial({ material, wrappingKey, algorithm });
    material.dispose();
    expectAllWiped(1);
  });

  it('RSA_2048: generated PKCS#8, temporary key and the self-check unwrap, once disposed', async () => {
    const material = await generateKeyMaterial('RSA_2048');
    wrapKeyMaterial({ material, wrappingKey, algorithm });
    material.dispose();
    expectAllWiped(3);
  });

  it('AES_256 from hex and base64 text: the decoded buffers', () => {
    const key = pair.privateKey.export({ type: 'pkcs8', format: 'der' }).subarray(40, 72);
    for (const text of [key.toString('hex'), key.toString('base64')]) {
      seen.buffers.length = 0;
      loadKeyMaterial('AES_256', Buffer.from(text)).dispose();
      expectAllWiped(1);
    }
  });

  it('RSA_2048 from an encrypted PEM: the exported PKCS#8 DER', async () => {
    const pem = Buffer.from(
      pair.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }),
    );
    seen.buffers.length = 0;
    const material = loadKeyMaterial('RSA_2048', pem, 'pw');
    wrapKeyMaterial({ material, wrappingKey, algorithm });
    material.dispose();
    expectAllWiped(2);
  });

  it('the KMS side: decrypted temporary key and unwrapped private key', async () => {
    const material = await generateKeyMaterial('EC_P256');
    const wrapped = wrapKeyMaterial({ material, wrappingKey, algorithm });
    material.dispose();
    seen.buffers.length = 0;
    unwrapKeyMaterial({ ...wrapped, wrappingPrivateKey: pair.privateKey }).dispose();
    expectAllWiped(2);
  });
});

describe('plaintext buffers are zero-filled on error', () => {
  it('AES material of the wrong length or not random', () => {
    expect(() => loadKeyMaterial('AES_256', Buffer.from('ab'.repeat(31)))).toThrow(/31 bytes/);
    expect(() => loadKeyMaterial('AES_256', Buffer.from('ab'.repeat(32)))).toThrow(/identical/);
    expectAllWiped(2);
  });

  it('the temporary key when RSA-OAEP fails part-way through a wrap', async () => {
    const material = await generateKeyMaterial('EC_P384');
    seen.failPublicEncrypt = true;
    expect(() => wrapKeyMaterial({ material, wrappingKey, algorithm })).toThrow(/simulated failure/);
    seen.failPublicEncrypt = false;
    material.dispose();
    expectAllWiped(2);
  });

  it('the unwrapped private key and temporary key when the KMS side refuses them', () => {
    const temporaryKey = Buffer.from(pair.privateKey.export({ type: 'pkcs1', format: 'der' }).subarray(100, 132));
    const pkcs1 = pair.privateKey.export({ type: 'pkcs1', format: 'der' });
    const encryptedKeyMaterial = rsaOaepEncrypt(wrappingKey.keyObject, algorithm, temporaryKey);
    const encryptedPrivateKey = aesKeyWrapPad(temporaryKey, pkcs1);
    seen.buffers.length = 0;
    expect(() =>
      unwrapKeyMaterial({
        spec: 'RSA_2048',
        algorithm,
        wrappingPrivateKey: pair.privateKey,
        encryptedKeyMaterial,
        encryptedPrivateKey,
      }),
    ).toThrow(/KMS\.2609/);
    expectAllWiped(2);
  });
});
