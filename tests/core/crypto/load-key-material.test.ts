/**
 * AES_256 material from a file (load-key-material.ts): raw bytes, hex or base64 text made by the
 * OpenSSL CLI, and the refusals of everything else. Private keys as material:
 * private-key-material.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeySpec } from '../../../src-main/core/crypto/key-spec';
import { loadKeyMaterial } from '../../../src-main/core/crypto/load-key-material';
import { expectKeyferryError, makeTempDir, openssl, removeTempDir } from './helpers/openssl';

let dir: string;
const file = (name: string) => readFile(path.join(dir, name));
/** Fixture bytes, read synchronously (fixtures exist once beforeAll ran). */
const fixture = (name: string) => readFileSync(path.join(dir, name));
const run = (args: string[]) => openssl(args, { cwd: dir });
const secretHex = (spec: KeySpec, bytes: Buffer, passphrase?: string) => {
  const material = loadKeyMaterial(spec, bytes, passphrase);
  try {
    return material.secret.use((b) => b.toString('hex'));
  } finally {
    material.dispose();
  }
};

beforeAll(async () => {
  dir = await makeTempDir('load-material');
  // AES material in every accepted encoding, from one openssl rand.
  await run(['rand', '-out', 'aes.bin', '32']);
  await writeFile(path.join(dir, 'aes.hex'), `${(await file('aes.bin')).toString('hex')}\n`);
  await run(['enc', '-base64', '-in', 'aes.bin', '-out', 'aes.b64']);
  // A private key, which AES material is not.
  await run(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'rsa-pkcs8.pem']);
});
afterAll(() => removeTempDir(dir));

describe('loadKeyMaterial: AES_256', () => {
  it('reads 32 raw bytes, hex text and base64 text to the same key', async () => {
    const raw = fixture('aes.bin');
    expect(secretHex('AES_256', raw)).toBe(raw.toString('hex'));
    expect(secretHex('AES_256', fixture('aes.hex'))).toBe(raw.toString('hex'));
    expect(secretHex('AES_256', fixture('aes.b64'))).toBe(raw.toString('hex'));
    const spacedUpper = raw
      .toString('hex')
      .toUpperCase()
      .replace(/(.{8})/g, '$1 ')
      .replace(/(.{36})/g, '$1\r\n');
    expect(secretHex('AES_256', Buffer.from(spacedUpper))).toBe(raw.toString('hex'));
    const wrappedBase64 = `${raw.toString('base64').slice(0, 20)}\r\n${raw.toString('base64').slice(20)}\r\n`;
    expect(secretHex('AES_256', Buffer.from(wrappedBase64))).toBe(raw.toString('hex'));
  });

  it("does not modify the caller's file bytes", async () => {
    const hexFile = fixture('aes.hex');
    const copy = Buffer.from(hexFile);
    secretHex('AES_256', hexFile);
    expect(hexFile.equals(copy)).toBe(true);
  });

  it('refuses the wrong length, saying the length and form found', () => {
    expectKeyferryError(
      () => loadKeyMaterial('AES_256', Buffer.from(randomBytes(31).toString('hex'))),
      'MATERIAL_WRONG_LENGTH',
      'The key material file holds 31 bytes (as hex text); AES_256 needs exactly 32.',
    );
    expectKeyferryError(
      () => loadKeyMaterial('AES_256', Buffer.from(randomBytes(24).toString('base64'))),
      'MATERIAL_WRONG_LENGTH',
      /holds 24 bytes \(as base64 text\)/,
    );
    expectKeyferryError(
      () => loadKeyMaterial('AES_256', Buffer.concat([Buffer.from([0xff]), randomBytes(32)])),
      'MATERIAL_WRONG_LENGTH',
      /holds 33 bytes \(raw bytes\)/,
    );
    expectKeyferryError(
      () => loadKeyMaterial('AES_256', Buffer.concat([Buffer.from([0xff]), randomBytes(15)])),
      'MATERIAL_WRONG_LENGTH',
      /holds 16 bytes \(raw bytes\)/,
    );
  });

  it('refuses empty, non-random and PEM input, and a passphrase', async () => {
    expectKeyferryError(
      () => loadKeyMaterial('AES_256', Buffer.alloc(0)),
      'MATERIAL_EMPTY',
      'The key material file is empty.',
    );
    expectKeyferryError(() => loadKeyMaterial('AES_256', Buffer.from('\n \n')), 'MATERIAL_EMPTY');
    expectKeyferryError(
      () => loadKeyMaterial('AES_256', Buffer.alloc(32)),
      'MATERIAL_NOT_RANDOM',
      /32 identical bytes/,
    );
    expectKeyferryError(
      () => loadKeyMaterial('AES_256', Buffer.from('0'.repeat(64))),
      'MATERIAL_NOT_RANDOM',
      /32 identical bytes/,
    );
    expectKeyferryError(
      () => loadKeyMaterial('AES_256', Buffer.from('my very secret password, really!')),
      'MATERIAL_NOT_RANDOM',
      /printable text/,
    );
    expectKeyferryError(
      () => loadKeyMaterial('AES_256', fixture('rsa-pkcs8.pem')),
      'MATERIAL_WRONG_KIND',
      /A PEM file \("PRIVATE KEY"\) was given for AES_256/,
    );
    expectKeyferryError(() => loadKeyMaterial('AES_256', fixture('aes.bin'), 'pw'), 'MATERIAL_NOT_ENCRYPTED');
  });
});
