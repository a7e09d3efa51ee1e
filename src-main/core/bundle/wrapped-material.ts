/** The in-memory wrapped material of one key: what the online side submits to import-key-material. */
import type { KeySpec, WrappingAlgorithm } from '../crypto/key-spec';

export interface WrappedKeyMaterial {
  readonly keyId: string;
  readonly keySpec: KeySpec;
  readonly wrappingAlgorithm: WrappingAlgorithm;
  /** SHA-256 (lower-case hex) of the wrapping key's DER the material was wrapped under. */
  readonly wrappingKeyFingerprint: string;
  /**
   * SHA-256 of the import token's base64 text this material answers (see `importTokenSha256`);
   * null when the parameters came from the console wizard, which holds the token itself.
   */
  readonly importTokenSha256: string | null;
  /** `encrypted_key_material`: the AES key (symmetric) or temporary key (asymmetric), RSA-OAEP wrapped. */
  readonly encryptedKeyMaterial: Buffer;
  /** `encrypted_privatekey`: PKCS#8 DER wrapped with AES-KWP (asymmetric specs only, else null). */
  readonly encryptedPrivateKey: Buffer | null;
  /** The material's public key, DER SubjectPublicKeyInfo (asymmetric specs only, else null). */
  readonly publicKeyDer: Buffer | null;
  /** Key check value of the AES material, 6 upper-case hex digits (symmetric only, else null). */
  readonly keyCheckValue: string | null;
  /** Requested expiry of the imported material as ISO UTC (symmetric only); null means never. */
  readonly materialExpiresAt: string | null;
  /** A replica (bundle format 2): the key id of its group's primary, whose material this is too. */
  readonly replicaOf?: string;
}
