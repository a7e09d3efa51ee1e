/**
 * The proof recorded on every share and checked after a restore (custody/material-check.ts): for AES
 * the key check value OpenSSL computes (the first 3 bytes of the key's AES-256-ECB encryption of a
 * zero block), for RSA/EC the SHA-256 of the public key OpenSSL derives from the private key; material
 * that could not be proven is refused before a split, and rebuilt bytes that differ are refused and
 * zero-filled.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createKeyMaterial, type KeyMaterial } from '../../../src-main/core/crypto/key-material';
import { SecretBytes } from '../../../src-main/core/crypto/secret-bytes';
import {
  isMaterialProblem,
  materialCheckOf,
  proveRebuiltMaterial,
} from '../../../src-main/core/custody/material-check';
import { expectKeyferryRejection, makeTempDir, openssl, removeTempDir } from '../crypto/helpers/openssl';

const AES = Buffer.from('603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4', 'hex');

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('material-check');
});
afterAll(async () => {
  await removeTempDir(dir);
});

async function opensslKcv(key: Buffer): Promise<string> {
  const zero = path.join(dir, 'zero.bin');
  await fs.writeFile(zero, Buffer.alloc(16));
  const block = await openssl(['enc', '-aes-256-ecb', '-nopad', '-K', key.toString('hex'), '-in', zero]);
  return block.subarray(0, 3).toString('hex').toUpperCase();
}

/** materialCheckOf's refusal of `material`: CUSTODY_MATERIAL_INVALID, its message matching `message`, with a next step. */
async function expectRefusedCheck(material: KeyMaterial, message?: string) {
  const error = await expectKeyferryRejection(materialCheckOf(material), 'CUSTODY_MATERIAL_INVALID', message);
  expect(error.nextStep.length).toBeGreaterThan(0);
  return error;
}

describe('materialCheckOf', () => {
  it('records the AES key check value OpenSSL computes', async () => {
    const check = await materialCheckOf(createKeyMaterial('AES_256', SecretBytes.from(Buffer.from(AES))));
    expect(check).toEqual({ kind: 'kcv', value: await opensslKcv(AES) });
  });

  it("records the SHA-256 of the public key OpenSSL derives from an EC key's PKCS#8", async () => {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pkcs8 = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
    const file = path.join(dir, 'ec.der');
    await fs.writeFile(file, pkcs8);
    const spki = await openssl(['pkey', '-inform', 'DER', '-in', file, '-pubout', '-outform', 'DER']);
    const check = await materialCheckOf(createKeyMaterial('EC_P256', SecretBytes.from(Buffer.from(pkcs8))));
    expect(check).toEqual({ kind: 'spki-sha256', value: createHash('sha256').update(spki).digest('hex') });
  });

  it('wipes its own copy of the key when the material is wiped during the self-test (a stop), and says so', async () => {
    const pkcs8 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
      format: 'der',
      type: 'pkcs8',
    });
    const material = createKeyMaterial('EC_P256', SecretBytes.from(Buffer.from(pkcs8)));
    const made: SecretBytes[] = [];
    const from = SecretBytes.from.bind(SecretBytes);
    const spy = vi.spyOn(SecretBytes, 'from').mockImplementation((buffer) => {
      const secret = from(buffer);
      made.push(secret);
      return secret;
    });
    try {
      const checking = materialCheckOf(material);
      // The self-test waits on the thread pool: the stop wipes the vault meanwhile.
      material.dispose();
      await expect(checking).rejects.toMatchObject({ code: 'SECRET_DISPOSED' });
    } finally {
      spy.mockRestore();
    }
    expect(made.length).toBeGreaterThan(0);
    expect(made.every((secret) => secret.disposed)).toBe(true);
  });

  it('refuses AES material of the wrong length and a public key that is not the private key’s', async () => {
    await expectRefusedCheck(
      createKeyMaterial('AES_256', SecretBytes.from(Buffer.alloc(16, 1))),
      'The AES_256 key material cannot be split: it holds 16 bytes, not 32.',
    );
    const [one, other] = [0, 1].map(() => generateKeyPairSync('ec', { namedCurve: 'P-256' }));
    const material = createKeyMaterial(
      'EC_P256',
      SecretBytes.from(Buffer.from(one!.privateKey.export({ format: 'der', type: 'pkcs8' }))),
      other!.publicKey.export({ format: 'der', type: 'spki' }),
    );
    await expectRefusedCheck(material, 'its recorded public key does not belong to its private key.');
  });

  it('refuses bytes that are not a private key of the spec', async () => {
    const error = await expectRefusedCheck(createKeyMaterial('EC_P384', SecretBytes.from(Buffer.from('not a key'))));
    expect(error.message).toMatch(/^The EC_P384 key material cannot be split: /);
  });
});

describe('proveRebuiltMaterial', () => {
  it('accepts rebuilt AES bytes whose check value matches, owning those bytes', async () => {
    const rebuilt = Buffer.from(AES);
    const proven = await proveRebuiltMaterial('AES_256', rebuilt, { kind: 'kcv', value: await opensslKcv(AES) });
    if (isMaterialProblem(proven)) throw new Error(`refused: ${proven.reason}`);
    expect(proven.secret.use((b) => b.equals(AES))).toBe(true);
    proven.dispose();
    expect(rebuilt.every((b) => b === 0)).toBe(true);
  });

  it('refuses other AES bytes, naming both check values, and zero-fills them', async () => {
    const wrong = Buffer.alloc(32, 0x11);
    const expected = await opensslKcv(AES);
    const problem = await proveRebuiltMaterial('AES_256', wrong, { kind: 'kcv', value: expected });
    expect(problem).toEqual({ reason: 'kcv', actual: await opensslKcv(Buffer.alloc(32, 0x11)), expected });
    expect(wrong.every((b) => b === 0)).toBe(true);
  });

  it('refuses rebuilt EC bytes of another key by its fingerprint, and a rebuilt key of the wrong length', async () => {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const rebuilt = Buffer.from(pair.privateKey.export({ format: 'der', type: 'pkcs8' }));
    const problem = await proveRebuiltMaterial('EC_P256', rebuilt, { kind: 'spki-sha256', value: 'ab'.repeat(32) });
    expect(problem).toMatchObject({ reason: 'fingerprint', expected: 'ab'.repeat(32) });
    expect(rebuilt.every((b) => b === 0)).toBe(true);
    expect(await proveRebuiltMaterial('AES_256', Buffer.alloc(31), { kind: 'kcv', value: '000000' })).toEqual({
      reason: 'length',
      size: 31,
      bytes: 32,
    });
  });
});
