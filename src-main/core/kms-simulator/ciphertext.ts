/**
 * The simulator's SYMMETRIC_DEFAULT ciphertext: AES-256-GCM under the key's material, in its own
 * envelope (the real KMS's format is not public): version 0x01 ‖ key ID (36 ASCII bytes) ‖
 * 12-byte IV ‖ 16-byte tag ‖ ciphertext, base64. The version and key ID are authenticated.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 0x01;
const HEADER = 1 + 36;

/** Encrypts `plaintext` under `key` (32 bytes) for `keyId`. */
export function sealCiphertext(keyId: string, key: Buffer, plaintext: Buffer): string {
  const header = Buffer.concat([Buffer.from([VERSION]), Buffer.from(keyId, 'ascii')]);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(header);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([header, iv, cipher.getAuthTag(), body]).toString('base64');
}

/** The key ID a ciphertext names, or undefined when it is not one of ours. */
export function ciphertextKeyId(blob: Buffer): string | undefined {
  if (blob.length < HEADER + 12 + 16 || blob[0] !== VERSION) return undefined;
  const keyId = blob.subarray(1, HEADER).toString('ascii');
  return /^[0-9a-f-]{36}$/.test(keyId) ? keyId : undefined;
}

/** Decrypts; undefined when the ciphertext was changed or made under another key. */
export function openCiphertext(key: Buffer, blob: Buffer): Buffer | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(HEADER, HEADER + 12));
    decipher.setAAD(blob.subarray(0, HEADER));
    decipher.setAuthTag(blob.subarray(HEADER + 12, HEADER + 28));
    return Buffer.concat([decipher.update(blob.subarray(HEADER + 28)), decipher.final()]);
  } catch {
    return undefined;
  }
}
