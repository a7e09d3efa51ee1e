/**
 * PKCS#11 attributes by number (hsm/attributes.ts): the numbers are the ones the pkcs11js binding
 * knows, and the readers turn the raw bytes a real SoftHSM token answers into the values set on the
 * key (a 16-byte AES key reads as 16, sensitive as true), refusing bytes of the wrong size.
 */
import * as pkcs11js from 'pkcs11js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CKA, CKK, CKO, readBool, readUlong } from '../../../src-main/core/hsm/attributes';
import { generateAesTokenKey, openSession } from './helpers/hsm-fixtures';
import { createSoftHsmToken, type SoftToken } from './helpers/soft-tokens';

describe('attribute numbers', () => {
  it('are the numbers of the PKCS#11 binding', () => {
    const binding = pkcs11js as unknown as Record<string, number | undefined>;
    for (const [name, value] of Object.entries(CKA)) expect(value, `CKA_${name}`).toBe(binding[`CKA_${name}`]);
    for (const [name, value] of Object.entries(CKO)) expect(value, `CKO_${name}`).toBe(binding[`CKO_${name}`]);
    for (const [name, value] of Object.entries(CKK)) expect(value, `CKK_${name}`).toBe(binding[`CKK_${name}`]);
  });
});

describe('reading what SoftHSM answers', () => {
  let token: SoftToken;
  beforeAll(async () => {
    token = await createSoftHsmToken();
  });
  afterAll(async () => {
    await token.cleanup();
  });

  it('reads back the size, class and flags a key was made with', () => {
    const hsm = openSession(token);
    try {
      generateAesTokenKey(hsm.session, 'attr-aes-128', { bytes: 16, sensitive: true, extractable: false });
      const { p11, handle } = hsm.session;
      p11.C_FindObjectsInit(handle, [{ type: CKA.LABEL, value: 'attr-aes-128' }]);
      const [key] = p11.C_FindObjects(handle, 1);
      p11.C_FindObjectsFinal(handle);
      if (!key) throw new Error('the key was not found');
      const [valueLen, keyClass, keyType, sensitive, extractable] = p11
        .C_GetAttributeValue(handle, key, [
          { type: CKA.VALUE_LEN },
          { type: CKA.CLASS },
          { type: CKA.KEY_TYPE },
          { type: CKA.SENSITIVE },
          { type: CKA.EXTRACTABLE },
        ])
        .map((attribute) => attribute.value as Buffer);
      expect(readUlong(valueLen!)).toBe(16);
      expect(readUlong(keyClass!)).toBe(CKO.SECRET_KEY);
      expect(readUlong(keyType!)).toBe(CKK.AES);
      expect(readBool(sensitive!)).toBe(true);
      expect(readBool(extractable!)).toBe(false);
    } finally {
      hsm.close();
    }
  });
});

describe('refusing bytes of the wrong size', () => {
  it('a CK_BBOOL is one byte; a CK_ULONG is 4 or 8', () => {
    expect(readBool(Buffer.from([2]))).toBe(true);
    expect(() => readBool(Buffer.from([0, 1]))).toThrow(/a CK_BBOOL is one byte/);
    expect(readUlong(Buffer.from([0x20, 0, 0, 0]))).toBe(32);
    expect(() => readUlong(Buffer.from([0x20, 0]))).toThrow(/a CK_ULONG is 4 or 8 bytes/);
  });

  it('refuses an 8-byte CK_ULONG beyond what a number holds exactly', () => {
    const huge = Buffer.alloc(8);
    huge.writeBigUInt64LE(2n ** 53n);
    expect(() => readUlong(huge)).toThrow(/out of range/);
    huge.writeBigUInt64LE(2n ** 53n - 1n);
    expect(readUlong(huge)).toBe(Number.MAX_SAFE_INTEGER);
  });
});
