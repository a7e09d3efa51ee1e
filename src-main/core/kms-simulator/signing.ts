/**
 * sign / verify of the simulator: RSASSA_PSS_SHA_256, RSASSA_PKCS1_V1_5_SHA_256, ECDSA_SHA_256,
 * ECDSA_SHA_384, over a RAW message (hashed here) or a DIGEST the caller computed.
 */
import { createHash, type KeyObject } from 'node:crypto';
import type { KeySpec } from '../crypto/key-spec';
import { ecdsaSignDigest, ecdsaVerifyDigest } from './ecdsa-digest';
import { rsaPkcs1SignDigest, rsaPkcs1VerifyDigest, rsaPssSignDigest, rsaPssVerifyDigest } from './rsa-digest';

export const SIGNING_ALGORITHMS = [
  'RSASSA_PSS_SHA_256',
  'RSASSA_PKCS1_V1_5_SHA_256',
  'ECDSA_SHA_256',
  'ECDSA_SHA_384',
] as const;
export type SimSigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

/** The hash of `algorithm` (sha256 or sha384). */
export function hashOf(algorithm: SimSigningAlgorithm): 'sha256' | 'sha384' {
  return algorithm === 'ECDSA_SHA_384' ? 'sha384' : 'sha256';
}

/** Whether `algorithm` may be used with a key of `spec`. */
export function algorithmFitsSpec(algorithm: SimSigningAlgorithm, spec: KeySpec): boolean {
  if (algorithm.startsWith('RSASSA')) return spec.startsWith('RSA_');
  return algorithm === 'ECDSA_SHA_256' ? spec === 'EC_P256' : spec === 'EC_P384';
}

/** The digest to sign: the message itself (DIGEST) or its hash (RAW). */
export function digestOf(algorithm: SimSigningAlgorithm, message: Buffer, messageType: 'DIGEST' | 'RAW'): Buffer {
  return messageType === 'DIGEST' ? message : createHash(hashOf(algorithm)).update(message).digest();
}

export function signDigest(privateKey: KeyObject, algorithm: SimSigningAlgorithm, digest: Buffer): Buffer {
  switch (algorithm) {
    case 'RSASSA_PSS_SHA_256':
      return rsaPssSignDigest(privateKey, digest);
    case 'RSASSA_PKCS1_V1_5_SHA_256':
      return rsaPkcs1SignDigest(privateKey, digest);
    default:
      return ecdsaSignDigest(privateKey, digest);
  }
}

export function verifyDigest(
  publicKey: KeyObject,
  algorithm: SimSigningAlgorithm,
  digest: Buffer,
  signature: Buffer,
): boolean {
  switch (algorithm) {
    case 'RSASSA_PSS_SHA_256':
      return rsaPssVerifyDigest(publicKey, digest, signature);
    case 'RSASSA_PKCS1_V1_5_SHA_256':
      return rsaPkcs1VerifyDigest(publicKey, digest, signature);
    default:
      return ecdsaVerifyDigest(publicKey, digest, signature);
  }
}
