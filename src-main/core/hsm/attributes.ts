/**
 * PKCS#11 object attributes Keyferry sets and reads, by number (PKCS#11 v2.40), and readers
 * that turn the module's raw attribute bytes into checked values.
 */
import { z } from 'zod';
import type { TokenObjectClass } from './token-object-class';

export const CKA = {
  CLASS: 0x0000,
  TOKEN: 0x0001,
  PRIVATE: 0x0002,
  LABEL: 0x0003,
  VALUE: 0x0011,
  CHECK_VALUE: 0x0090,
  KEY_TYPE: 0x0100,
  ID: 0x0102,
  SENSITIVE: 0x0103,
  ENCRYPT: 0x0104,
  DECRYPT: 0x0105,
  WRAP: 0x0106,
  UNWRAP: 0x0107,
  SIGN: 0x0108,
  VERIFY: 0x010a,
  DERIVE: 0x010c,
  MODULUS: 0x0120,
  MODULUS_BITS: 0x0121,
  PUBLIC_EXPONENT: 0x0122,
  VALUE_LEN: 0x0161,
  EXTRACTABLE: 0x0162,
  LOCAL: 0x0163,
  NEVER_EXTRACTABLE: 0x0164,
  ALWAYS_SENSITIVE: 0x0165,
  EC_PARAMS: 0x0180,
  EC_POINT: 0x0181,
} as const;

export const CKO = { PUBLIC_KEY: 2, PRIVATE_KEY: 3, SECRET_KEY: 4 } as const;

/** The CKA_CLASS value of each class a ceremony generates (token-object-class.ts). */
export const CLASS_CODE: Readonly<Record<TokenObjectClass, number>> = {
  CKO_SECRET_KEY: CKO.SECRET_KEY,
  CKO_PRIVATE_KEY: CKO.PRIVATE_KEY,
  CKO_PUBLIC_KEY: CKO.PUBLIC_KEY,
};
export const CKK = { RSA: 0x00, EC: 0x03, GENERIC_SECRET: 0x10, AES: 0x1f } as const;

/** A template entry as the binding takes it. */
export interface TemplateEntry {
  readonly type: number;
  readonly value?: number | boolean | string | Buffer;
}

const boolBytes = z.instanceof(Buffer).refine((b) => b.length === 1, 'a CK_BBOOL is one byte');
const ulongBytes = z.instanceof(Buffer).refine((b) => b.length === 4 || b.length === 8, 'a CK_ULONG is 4 or 8 bytes');

export function readBool(value: Buffer): boolean {
  return boolBytes.parse(value)[0] !== 0;
}

export function readUlong(value: Buffer): number {
  const bytes = ulongBytes.parse(value);
  const n = bytes.length === 8 ? bytes.readBigUInt64LE(0) : BigInt(bytes.readUInt32LE(0));
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new TypeError('CK_ULONG attribute out of range');
  return Number(n);
}
