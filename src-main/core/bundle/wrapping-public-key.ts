/**
 * The wrapping public key as bundles carry it: plain data (DER, fingerprint, bits), so it can be
 * compared, cloned and shown. Parsing and every RSA check (size, exponent, modulus) are the
 * wrapping engine's `loadWrappingPublicKey`; bundles add that the bytes must be exactly canonical DER.
 */
import { loadWrappingPublicKey } from '../crypto';
import { causeValues, KeyferryError } from '../errors';
import { HUAWEI_ENCRYPTED_KEY_MATERIAL_CHARS, rsaCiphertextBase64Chars } from './bundle-limits';

export interface WrappingPublicKey {
  /** The DER SubjectPublicKeyInfo bytes. */
  readonly spkiDer: Buffer;
  /** SHA-256 of `spkiDer`, lower-case hex. */
  readonly fingerprint: string;
  /** RSA modulus length. */
  readonly bits: number;
}

function plain(key: WrappingPublicKey): WrappingPublicKey {
  return { spkiDer: key.spkiDer, fingerprint: key.fingerprint, bits: key.bits };
}

/**
 * Checks the DER wrapping key of key `keyId` found in a bundle; any refusal is
 * BUNDLE_WRAPPING_KEY_INVALID (the wrapping engine's own refusal is its cause).
 */
export function checkWrappingPublicKey(der: Uint8Array, keyId: string): WrappingPublicKey {
  const bytes = Buffer.from(der);
  if (bytes[0] !== 0x30)
    throw new KeyferryError('BUNDLE_WRAPPING_KEY_INVALID', { problem: 'notDer', keyId, cause: '' });
  let loaded: WrappingPublicKey;
  try {
    loaded = loadWrappingPublicKey(bytes);
  } catch (error) {
    if (!(error instanceof KeyferryError)) throw error;
    throw new KeyferryError(
      'BUNDLE_WRAPPING_KEY_INVALID',
      { problem: 'refused', keyId, ...causeValues(error) },
      { cause: error },
    );
  }
  if (!loaded.spkiDer.equals(bytes)) {
    throw new KeyferryError('BUNDLE_WRAPPING_KEY_INVALID', { problem: 'nonCanonical', keyId, cause: '' });
  }
  return plain(loaded);
}

/** Reads a wrapping key file a person picked (DER, base64 text or PEM); refusals keep the engine's codes. */
export function wrappingKeyFromFile(bytes: Uint8Array): WrappingPublicKey {
  return plain(loadWrappingPublicKey(Buffer.from(bytes)));
}

/**
 * Refuses, before any material exists, a wrapping key whose ciphertext Huawei's import-key-material
 * would refuse (encrypted_key_material must be 344-360 base64 characters: RSA-2048 only).
 */
export function requireImportableWrappingKey(
  of: { readonly keyId: string } | { readonly file: string },
  key: { readonly bits: number },
): void {
  const length = rsaCiphertextBase64Chars(key.bits);
  const { min, max } = HUAWEI_ENCRYPTED_KEY_MATERIAL_CHARS;
  if (length >= min && length <= max) return;
  const [source, name] = 'keyId' in of ? ['key', of.keyId] : ['file', of.file];
  throw new KeyferryError('WRAPPING_KEY_NOT_IMPORTABLE', { source, name, bits: key.bits, length, min, max });
}
