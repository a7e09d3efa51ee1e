/**
 * Wrapping key material for import, exactly as the KMS guide does with OpenSSL:
 * - AES_256: RSA-OAEP(32-byte key) → encryptedKeyMaterial (EncryptedKeyMaterial.bin).
 * - RSA/EC: AES-256-KWP(PKCS#8 DER) under a fresh 32-byte temporary key → encryptedPrivateKey
 *   (out_rsa_private_key.der / out_ec_private_key.der), and RSA-OAEP(temporary key) →
 *   encryptedKeyMaterial. The temporary key is zero-filled before this returns or throws.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { KeyferryError } from '../errors';
import { aesKeyWrapPad, unwrapAesKeyWrapPad } from './aes-key-wrap';
import { derFingerprint, keyCheckValue, type KeyEvidence } from './evidence';
import type { KeyMaterial } from './key-material';
import { isAsymmetric, symmetricMaterialBytes, type KeySpec, type WrappingAlgorithm } from './key-spec';
import { rsaOaepEncrypt } from './rsa-oaep';
import type { WrappingPublicKey } from './wrapping-key';

const TEMPORARY_KEY_BYTES = 32;

interface WrapKeyMaterialInput {
  readonly material: KeyMaterial;
  readonly wrappingKey: WrappingPublicKey;
  readonly algorithm: WrappingAlgorithm;
}

export interface WrappedKeyMaterial {
  readonly spec: KeySpec;
  readonly algorithm: WrappingAlgorithm;
  /** RSA-OAEP ciphertext: of the AES key (symmetric) or of the temporary key (asymmetric). */
  readonly encryptedKeyMaterial: Buffer;
  /** Asymmetric only: RFC 5649 AES-256 key wrap of the PKCS#8 DER private key. */
  readonly encryptedPrivateKey?: Buffer;
  /** Asymmetric only: the material's public key, SPKI DER. */
  readonly publicKeySpkiDer?: Buffer;
  readonly evidence: KeyEvidence;
}

function wrapFailure(message: string): KeyferryError {
  return new KeyferryError(
    'WRAP_SELF_CHECK_FAILED',
    message,
    "Nothing was written. Try again; if it repeats, this machine's crypto library is faulty.",
  );
}

function checkCiphertextLength(encrypted: Buffer, wrappingKey: WrappingPublicKey): void {
  if (encrypted.length !== Math.ceil(wrappingKey.bits / 8)) {
    throw wrapFailure(`RSA-OAEP produced ${encrypted.length} bytes for an RSA-${wrappingKey.bits} wrapping key.`);
  }
}

function wrapSymmetric({ material, wrappingKey, algorithm }: WrapKeyMaterialInput): WrappedKeyMaterial {
  const encryptedKeyMaterial = material.secret.use((key) => {
    const bytes = symmetricMaterialBytes(material.spec);
    if (key.length !== bytes) throw wrapFailure(`${material.spec} material must be ${bytes} bytes, not ${key.length}.`);
    return rsaOaepEncrypt(wrappingKey.keyObject, algorithm, key);
  });
  checkCiphertextLength(encryptedKeyMaterial, wrappingKey);
  const evidence = {
    wrappingKeyFingerprint: wrappingKey.fingerprint,
    keyCheckValue: keyCheckValue(material.spec, material.secret),
  };
  return { spec: material.spec, algorithm, encryptedKeyMaterial, evidence };
}

function wrapAsymmetric({ material, wrappingKey, algorithm }: WrapKeyMaterialInput): WrappedKeyMaterial {
  const publicKeySpkiDer = material.publicKeySpkiDer;
  if (!publicKeySpkiDer) throw wrapFailure(`${material.spec} material has no public key.`);
  const temporaryKey = randomBytes(TEMPORARY_KEY_BYTES);
  try {
    const encryptedPrivateKey = material.secret.use((pkcs8) => {
      const wrapped = aesKeyWrapPad(temporaryKey, pkcs8);
      const check = unwrapAesKeyWrapPad(temporaryKey, wrapped);
      try {
        const same = check.use((b) => b.length === pkcs8.length && timingSafeEqual(b, pkcs8));
        if (!same) throw wrapFailure('The wrapped private key did not unwrap to the same bytes.');
      } finally {
        check.dispose();
      }
      return wrapped;
    });
    const encryptedKeyMaterial = rsaOaepEncrypt(wrappingKey.keyObject, algorithm, temporaryKey);
    checkCiphertextLength(encryptedKeyMaterial, wrappingKey);
    const evidence = {
      wrappingKeyFingerprint: wrappingKey.fingerprint,
      publicKeyFingerprint: derFingerprint(publicKeySpkiDer),
    };
    return { spec: material.spec, algorithm, encryptedKeyMaterial, encryptedPrivateKey, publicKeySpkiDer, evidence };
  } finally {
    temporaryKey.fill(0);
  }
}

/**
 * Wraps `material` under the KMS wrapping key with `algorithm`. The result holds only
 * ciphertext, public data and evidence; the material itself is left for the caller to dispose.
 */
export function wrapKeyMaterial(input: WrapKeyMaterialInput): WrappedKeyMaterial {
  return isAsymmetric(input.material.spec) ? wrapAsymmetric(input) : wrapSymmetric(input);
}
