/**
 * Evidence people compare aloud during a ceremony: fingerprints and key check values.
 * Nothing here is secret, and nothing here can be used to recover key material.
 */
import { createCipheriv, createHash } from 'node:crypto';
import { KEY_SPEC_TABLE, type KeySpec } from '../key-spec-table';
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

/**
 * The key check value of symmetric material, by its spec's check-value method (key-spec-table.ts):
 * `aes-ecb-zero-block` is AES-<bits>-ECB of one zero block, first 3 bytes, hex upper. The cipher
 * comes from the spec, never from the material's length, and material of another length is
 * refused, so a 16-byte SM4 key can never pass as an AES-128 check value.
 */
export function keyCheckValue(spec: KeySpec, key: SecretBytes): string {
  const row = KEY_SPEC_TABLE[spec];
  if (row.kind !== 'symmetric') throw new Error(`${spec} has no key check value: compare its public key fingerprint`);
  if (key.length !== row.materialBytes)
    throw new Error(
      `${spec} material is ${row.materialBytes} bytes; a ${key.length}-byte key has no ${spec} check value`,
    );
  const method: 'aes-ecb-zero-block' = row.checkValue;
  return key.use((bytes) => {
    const cipher = createCipheriv(CHECK_VALUE_CIPHERS[method](row.bits), bytes, null);
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

/** The cipher (Node's name) each symmetric check-value method encrypts one zero block with. */
const CHECK_VALUE_CIPHERS: Readonly<Record<'aes-ecb-zero-block', (bits: number) => string>> = {
  'aes-ecb-zero-block': (bits) => `aes-${bits}-ecb`,
};
