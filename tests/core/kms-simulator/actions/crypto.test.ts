/**
 * The simulator's crypto actions, over real HTTP, with the key's own material: what one key
 * encrypted only that key decrypts (KMS.2201 otherwise); a signature the simulator makes verifies
 * with OpenSSL against the key's public key from get-publickey, and a changed message does not;
 * the refusals a rehearsal should meet (a digest of the wrong length, an encryption key asked to
 * sign, a symmetric key asked for its public key) are KMS.0308.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedPost, startSimWithClient, uniqueAlias, type SimSetup } from '../../kms/helpers/sim';

let setup: SimSetup;
const dir = mkdtempSync(path.join(os.tmpdir(), 'keyferry-sim-crypto-'));
beforeAll(async () => {
  setup = await startSimWithClient();
});
afterAll(async () => {
  await setup.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = async (action: string, body: Record<string, unknown>) =>
  (await signedPost(setup.sim, action, JSON.stringify(body))).json as Record<string, unknown> & {
    error?: { error_code: string };
  };

/** `openssl dgst -verify`: true when OpenSSL accepts `signature` over `message`. */
function opensslVerifies(publicPem: string, message: Buffer, signature: Buffer, extra: string[] = []): boolean {
  writeFileSync(path.join(dir, 'pub.pem'), publicPem);
  writeFileSync(path.join(dir, 'msg'), message);
  writeFileSync(path.join(dir, 'sig'), signature);
  try {
    execFileSync(
      'openssl',
      [
        'dgst',
        '-sha256',
        ...extra,
        '-verify',
        path.join(dir, 'pub.pem'),
        '-signature',
        path.join(dir, 'sig'),
        path.join(dir, 'msg'),
      ],
      { stdio: 'pipe' },
    );
    return true;
  } catch {
    return false;
  }
}

describe('encrypt-data and decrypt-data', () => {
  it('what a key encrypted it decrypts; another key refuses it with KMS.2201', async () => {
    const a = await setup.client.createKey({ alias: uniqueAlias('a'), spec: 'AES_256', origin: 'kms' });
    const b = await setup.client.createKey({ alias: uniqueAlias('b'), spec: 'AES_256', origin: 'kms' });
    const sealed = await post('encrypt-data', { key_id: a.keyId, plain_text: '机密 secret' });
    expect(sealed.cipher_text).toEqual(expect.any(String));
    expect(await post('decrypt-data', { cipher_text: sealed.cipher_text })).toMatchObject({
      key_id: a.keyId,
      plain_text: '机密 secret',
    });
    expect((await post('decrypt-data', { cipher_text: sealed.cipher_text, key_id: b.keyId })).error?.error_code).toBe(
      'KMS.2201',
    );
  });
});

describe('sign and verify', () => {
  it('an RSA signature (PKCS#1 and PSS, RAW) verifies with OpenSSL and the public key from get-publickey', async () => {
    const { keyId } = await setup.client.createKey({ alias: uniqueAlias('rsa'), spec: 'RSA_2048', origin: 'kms' });
    const { public_key: pem } = (await post('get-publickey', { key_id: keyId })) as { public_key: string };
    const message = Buffer.from('ceremony receipt 2026-12-01');
    const signed = async (algorithm: string) =>
      Buffer.from(
        (
          await post('sign', {
            key_id: keyId,
            message: message.toString('base64'),
            signing_algorithm: algorithm,
            message_type: 'RAW',
          })
        ).signature as string,
        'base64',
      );
    const pkcs1 = await signed('RSASSA_PKCS1_V1_5_SHA_256');
    const pss = await signed('RSASSA_PSS_SHA_256');
    expect(opensslVerifies(pem, message, pkcs1)).toBe(true);
    expect(
      opensslVerifies(pem, message, pss, ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:32']),
    ).toBe(true);
    expect(opensslVerifies(pem, Buffer.from('ceremony receipt 2026-12-02'), pkcs1)).toBe(false);
    const verified = await post('verify', {
      key_id: keyId,
      message: createHash('sha256').update(message).digest('base64'),
      signature: pss.toString('base64'),
      signing_algorithm: 'RSASSA_PSS_SHA_256',
      message_type: 'DIGEST',
    });
    expect(verified.signature_valid).toBe('true');
  });

  it('refuses a digest of the wrong length, signing with an encryption key, a public key of a symmetric key', async () => {
    const ec = await setup.client.createKey({ alias: uniqueAlias('ec'), spec: 'EC_P256', origin: 'kms' });
    const rsaEnc = await setup.client.createKey({
      alias: uniqueAlias('enc'),
      spec: 'RSA_2048',
      usage: 'ENCRYPT_DECRYPT',
      origin: 'kms',
    });
    const aes = await setup.client.createKey({ alias: uniqueAlias('aes'), spec: 'AES_256', origin: 'kms' });
    const digest48 = Buffer.alloc(48, 1).toString('base64');
    expect(
      (await post('sign', { key_id: ec.keyId, message: digest48, signing_algorithm: 'ECDSA_SHA_256' })).error
        ?.error_code,
    ).toBe('KMS.0308');
    expect(
      (await post('sign', { key_id: ec.keyId, message: digest48, signing_algorithm: 'ECDSA_SHA_384' })).error
        ?.error_code,
    ).toBe('KMS.0308');
    expect(
      (
        await post('sign', {
          key_id: rsaEnc.keyId,
          message: Buffer.alloc(32).toString('base64'),
          signing_algorithm: 'RSASSA_PSS_SHA_256',
        })
      ).error?.error_code,
    ).toBe('KMS.0308');
    expect((await post('get-publickey', { key_id: aes.keyId })).error?.error_code).toBe('KMS.0308');
  });
});
