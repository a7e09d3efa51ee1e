/**
 * AES key wrap with padding (RFC 5649, `id-aesNNN-wrap-pad`, alternative IV A65959A6), exactly as
 * `openssl enc -id-aes256-wrap-pad -K <hex> -iv A65959A6` produces it. The KEK size picks the AES
 * variant: 16, 24 or 32 bytes for AES-128, AES-192 or AES-256.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { KeyferryError } from '../errors';
import { SecretBytes } from './secret-bytes';

/** RFC 5649 section 3: the 32-bit alternative initial value. */
const KWP_ALTERNATIVE_IV = Buffer.from('A65959A6', 'hex');

/** Largest input we wrap or unwrap (a PKCS#8 RSA-4096 key is about 2.4 KB). */
const MAX_KWP_INPUT = 64 * 1024;

function kwpCipherName(kek: Uint8Array): 'id-aes128-wrap-pad' | 'id-aes192-wrap-pad' | 'id-aes256-wrap-pad' {
  switch (kek.length) {
    case 16:
      return 'id-aes128-wrap-pad';
    case 24:
      return 'id-aes192-wrap-pad';
    case 32:
      return 'id-aes256-wrap-pad';
    default:
      throw new KeyferryError('KWP_BAD_KEK_LENGTH', { length: kek.length });
  }
}

/** Wraps `data` (1 byte to 64 KiB) under `kek` with RFC 5649; returns the ciphertext (8 to 15 bytes longer). */
export function aesKeyWrapPad(kek: Uint8Array, data: Uint8Array): Buffer {
  const name = kwpCipherName(kek);
  if (data.length === 0 || data.length > MAX_KWP_INPUT) {
    throw new KeyferryError('KWP_BAD_INPUT_LENGTH', { length: data.length, max: MAX_KWP_INPUT });
  }
  const cipher = createCipheriv(name, kek, KWP_ALTERNATIVE_IV);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

/**
 * Unwraps RFC 5649 ciphertext under `kek` and checks its integrity (the IV and padding check).
 * Returns the plaintext as SecretBytes; a wrong key or damaged ciphertext gives KWP_UNWRAP_FAILED.
 */
export function unwrapAesKeyWrapPad(kek: Uint8Array, wrapped: Uint8Array): SecretBytes {
  const name = kwpCipherName(kek);
  if (wrapped.length < 16 || wrapped.length % 8 !== 0 || wrapped.length > MAX_KWP_INPUT + 16) {
    throw new KeyferryError('KWP_BAD_CIPHERTEXT_LENGTH', { length: wrapped.length });
  }
  let head: Buffer | undefined;
  let tail: Buffer | undefined;
  try {
    const decipher = createDecipheriv(name, kek, KWP_ALTERNATIVE_IV);
    head = decipher.update(wrapped);
    tail = decipher.final();
  } catch (error) {
    head?.fill(0);
    throw new KeyferryError('KWP_UNWRAP_FAILED', {}, { cause: error });
  }
  if (tail.length === 0) return SecretBytes.from(head);
  try {
    return SecretBytes.from(Buffer.concat([head, tail]));
  } finally {
    head.fill(0);
    tail.fill(0);
  }
}
