/**
 * RSA-OAEP as the KMS wrapping algorithms define it: RSAES_OAEP_SHA_256 is OAEP with SHA-256 and
 * MGF1-SHA-256; RSAES_OAEP_SHA_1 is OAEP with SHA-1 and MGF1-SHA-1 (OpenSSL uses the OAEP digest
 * for MGF1 unless told otherwise, and the interop tests check it against `openssl pkeyutl`).
 */
import { constants, privateDecrypt, publicEncrypt, type KeyObject } from 'node:crypto';
import { KeyferryError } from '../errors';
import type { WrappingAlgorithm } from './key-spec';
import { SecretBytes } from './secret-bytes';

/** The OAEP (and MGF1) digest of a wrapping algorithm. */
function oaepHashOf(algorithm: WrappingAlgorithm): 'sha256' | 'sha1' {
  return algorithm === 'RSAES_OAEP_SHA_256' ? 'sha256' : 'sha1';
}

/** Encrypts `plaintext` (a key, at most a few dozen bytes) to the RSA public key. */
export function rsaOaepEncrypt(publicKey: KeyObject, algorithm: WrappingAlgorithm, plaintext: Uint8Array): Buffer {
  return publicEncrypt(
    { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: oaepHashOf(algorithm) },
    plaintext,
  );
}

/** Decrypts RSA-OAEP ciphertext with the private key (the KMS side); a failure gives RSA_OAEP_DECRYPT_FAILED. */
export function rsaOaepDecrypt(
  privateKey: KeyObject,
  algorithm: WrappingAlgorithm,
  ciphertext: Uint8Array,
): SecretBytes {
  try {
    return SecretBytes.from(
      privateDecrypt(
        { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: oaepHashOf(algorithm) },
        ciphertext,
      ),
    );
  } catch (error) {
    throw new KeyferryError('RSA_OAEP_DECRYPT_FAILED', { algorithm }, { cause: error });
  }
}
