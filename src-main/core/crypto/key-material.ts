/** The plaintext key material of one ceremony, held only as SecretBytes. */
import type { KeySpec } from './key-spec';
import type { SecretBytes } from './secret-bytes';

export interface KeyMaterial {
  readonly spec: KeySpec;
  /** AES: the raw 32 bytes. RSA/EC: the private key as PKCS#8 DER. */
  readonly secret: SecretBytes;
  /** Asymmetric specs: the public key as SubjectPublicKeyInfo DER (not secret). */
  readonly publicKeySpkiDer?: Buffer;
  /** Zero-fills the secret; safe to call more than once. */
  dispose(): void;
}

/** Bundles a secret (taking ownership) with its spec and public key. */
export function createKeyMaterial(spec: KeySpec, secret: SecretBytes, publicKeySpkiDer?: Buffer): KeyMaterial {
  return {
    spec,
    secret,
    ...(publicKeySpkiDer ? { publicKeySpkiDer } : {}),
    dispose: () => secret.dispose(),
  };
}
