/**
 * The KMS side of wrapping: recovers key material from what wrapKeyMaterial (or the guide's
 * OpenSSL commands) produced, with the wrapping private key. Used by the KMS simulator and tests.
 * Each refusal carries a code naming the KMS error it mirrors.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { causeValues, KeyferryError } from '../errors';
import { unwrapAesKeyWrapPad } from './aes-key-wrap';
import { createKeyMaterial, type KeyMaterial } from './key-material';
import { isAsymmetric, symmetricMaterialBytes, type KeySpec, type WrappingAlgorithm } from './key-spec';
import { inspectPrivateKey } from './private-key-material';
import { rsaOaepDecrypt } from './rsa-oaep';
import type { SecretBytes } from './secret-bytes';

interface UnwrapKeyMaterialInput {
  readonly spec: KeySpec;
  readonly algorithm: WrappingAlgorithm;
  readonly wrappingPrivateKey: KeyObject;
  readonly encryptedKeyMaterial: Uint8Array;
  readonly encryptedPrivateKey?: Uint8Array;
}

/** True when DER is a PKCS#8 PrivateKeyInfo: SEQUENCE { INTEGER version, SEQUENCE algorithm, ... }. */
export function isPkcs8Der(der: Buffer): boolean {
  if (der.length < 8 || der[0] !== 0x30) return false;
  const lengthByte = der[1] ?? 0;
  let at = 2 + (lengthByte & 0x80 ? lengthByte & 0x7f : 0);
  if (der[at] !== 0x02) return false;
  at += 2 + (der[at + 1] ?? 0);
  return der[at] === 0x30;
}

function unwrapPrivateKey(spec: KeySpec, temporaryKey: SecretBytes, wrapped: Uint8Array): KeyMaterial {
  if (temporaryKey.length !== 16 && temporaryKey.length !== 32) {
    throw new KeyferryError('UNWRAP_TEMPORARY_KEY_LENGTH', { length: temporaryKey.length });
  }
  const pkcs8 = temporaryKey.use((kek) => unwrapAesKeyWrapPad(kek, wrapped));
  try {
    const spkiDer = pkcs8.use((der) => {
      if (!isPkcs8Der(der)) throw new Error('not a PKCS#8 PrivateKeyInfo');
      return inspectPrivateKey(spec, createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
    });
    return createKeyMaterial(spec, pkcs8, spkiDer);
  } catch (error) {
    pkcs8.dispose();
    const reason =
      error instanceof KeyferryError ? { reason: 'refused', ...causeValues(error) } : { reason: 'notPkcs8', cause: '' };
    throw new KeyferryError('UNWRAP_PRIVATE_KEY_INVALID', { spec, ...reason }, { cause: error });
  }
}

/**
 * Decrypts wrapped key material with the wrapping private key. Returns the material exactly as
 * wrapped: 32 raw bytes (AES_256) or the PKCS#8 DER private key with its public key (RSA/EC).
 */
export function unwrapKeyMaterial(input: UnwrapKeyMaterialInput): KeyMaterial {
  const { spec, algorithm } = input;
  const asymmetric = isAsymmetric(spec);
  if (asymmetric && !input.encryptedPrivateKey) {
    throw new KeyferryError('UNWRAP_PRIVATE_KEY_MISSING', { spec });
  }
  if (!asymmetric && input.encryptedPrivateKey) {
    throw new KeyferryError('UNWRAP_UNEXPECTED_PRIVATE_KEY', { spec });
  }
  const decrypted = rsaOaepDecrypt(input.wrappingPrivateKey, algorithm, input.encryptedKeyMaterial);
  if (asymmetric && input.encryptedPrivateKey) {
    try {
      return unwrapPrivateKey(spec, decrypted, input.encryptedPrivateKey);
    } finally {
      decrypted.dispose();
    }
  }
  const needed = symmetricMaterialBytes(spec);
  if (decrypted.length !== needed) {
    const found = decrypted.length;
    decrypted.dispose();
    throw new KeyferryError('UNWRAP_WRONG_LENGTH', { spec, found, needed });
  }
  return createKeyMaterial(spec, decrypted);
}
