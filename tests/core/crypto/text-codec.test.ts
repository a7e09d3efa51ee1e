/**
 * Hex and base64 straight from file bytes (text-codec.ts), on what the OpenSSL CLI writes (`rand
 * -hex`, `enc -base64` with its 64-column lines, a Windows line ending): the same bytes as the
 * binary file; anything that is not entirely that encoding (odd hex, a stray character, base64
 * without its padding or with text after it) is undefined, so the person is told what was found.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBase64Bytes, decodeHexBytes } from '../../../src-main/core/crypto/text-codec';
import { makeTempDir, openssl, removeTempDir } from './helpers/openssl';

let dir: string;
let binary: Buffer;
const run = (args: string[]) => openssl(args, { cwd: dir });
beforeAll(async () => {
  dir = await makeTempDir('text-codec');
  await run(['rand', '-out', 'key.bin', '100']);
  binary = await readFile(path.join(dir, 'key.bin'));
});
afterAll(() => removeTempDir(dir));

describe('hex', () => {
  it('decodes what openssl writes, in either case, across lines', async () => {
    const hex = await run(['rand', '-hex', '32']);
    expect(decodeHexBytes(hex)?.toString('hex')).toBe(hex.toString().trim());
    expect(decodeHexBytes(Buffer.from(binary.toString('hex').toUpperCase()))?.equals(binary)).toBe(true);
    const lines = Buffer.from(`${binary.toString('hex').slice(0, 64)}\r\n\t${binary.toString('hex').slice(64)} \n`);
    expect(decodeHexBytes(lines)?.equals(binary)).toBe(true);
  });

  it('is undefined for odd length, a stray character, or nothing but whitespace', () => {
    for (const text of ['abc', 'abcg', '0x1234', '  \n', ''])
      expect(decodeHexBytes(Buffer.from(text)), text).toBeUndefined();
  });
});

describe('base64', () => {
  it('decodes what openssl enc -base64 writes (64-column lines), and with Windows line endings', async () => {
    const base64 = await run(['enc', '-base64', '-in', 'key.bin']);
    expect(base64.includes('\n')).toBe(true);
    expect(decodeBase64Bytes(base64)?.equals(binary)).toBe(true);
    expect(decodeBase64Bytes(Buffer.from(base64.toString().replace(/\n/g, '\r\n')))?.equals(binary)).toBe(true);
    for (const length of [1, 2, 3, 31, 32, 33]) {
      const bytes = binary.subarray(0, length);
      expect(decodeBase64Bytes(Buffer.from(bytes.toString('base64')))?.equals(bytes), String(length)).toBe(true);
    }
  });

  it('is undefined without its padding, with text after the padding, or with characters outside base64', () => {
    for (const text of ['QUJDRA', 'QUJDRA==QQ==', 'QUJD RA=', 'QU-D', 'QUJDRA===', 'Q===', '====', '']) {
      expect(decodeBase64Bytes(Buffer.from(text)), text).toBeUndefined();
    }
  });
});
