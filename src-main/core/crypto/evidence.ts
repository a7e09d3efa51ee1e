/**
 * Evidence people compare aloud during a ceremony: fingerprints and key check values.
 * Nothing here is secret, and nothing here can be used to recover key material.
 */
import { createCipheriv, createHash } from 'node:crypto';
import type { SecretBytes } from './secret-bytes';

export interface KeyEvidence {
  /** SHA-256 (lower-case hex) of the wrapping key's SubjectPublicKeyInfo DER. */
  readonly wrappingKeyFingerprint: string;
  /** Asymmetric specs: SHA-256 (lower-case hex) of the material's public key SPKI DER. */
  readonly publicKeyFingerprint?: string;
  /** AES specs: first 3 bytes of AES-256-ECB(key, 16 zero bytes), upper-case hex (6 characters). */
  readonly keyCheckValue?: string;
}

/** SHA-256 of DER bytes as lower-case hex (what `sha256sum` prints for the same file). */
export function derFingerprint(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex');
}

/** The classic key check value of an AES key: AES-ECB of one zero block, first 3 bytes, hex upper. */
export function keyCheckValue(key: SecretBytes): string {
  return key.use((bytes) => {
    const cipher = createCipheriv(`aes-${bytes.length * 8}-ecb`, bytes, null);
    cipher.setAutoPadding(false);
    const block = cipher.update(Buffer.alloc(16));
    try {
      cipher.final();
      return block.subarray(0, 3).toString('hex').toUpperCase();
    } finally {
      block.fill(0);
    }
  });
}

/** Upper-case hex in groups of four separated by spaces, for reading aloud: "AB12 CD34 ...". */
export function groupHex(hex: string): string {
  const clean = hex.replace(/\s+/g, '').toUpperCase();
  if (!/^[0-9A-F]*$/.test(clean)) throw new TypeError('groupHex expects hexadecimal text.');
  return (clean.match(/.{1,4}/g) ?? []).join(' ');
}
