/** The file names the KMS console's import dialog expects (importing-key-materials guide, step 3). */
import { KEY_SPEC_INFO, type KeySpec } from './key-spec';

const ENCRYPTED_KEY_MATERIAL_FILE = 'EncryptedKeyMaterial.bin';
const PUBLIC_KEY_FILE = 'public_key.der';

interface ConsoleFileNames {
  /** RSA-OAEP ciphertext of the AES key (symmetric) or of the temporary key (asymmetric). */
  readonly encryptedKeyMaterial: typeof ENCRYPTED_KEY_MATERIAL_FILE;
  /** Asymmetric: the AES-KWP-wrapped PKCS#8 private key. */
  readonly encryptedPrivateKey?: 'out_rsa_private_key.der' | 'out_ec_private_key.der';
  /** Asymmetric: the material's public key as SPKI DER (to compare with get-publickey later). */
  readonly publicKey?: typeof PUBLIC_KEY_FILE;
}

/** The console file names for `spec`. */
export function consoleFileNames(spec: KeySpec): ConsoleFileNames {
  const wrappedPrivateKeyFile = KEY_SPEC_INFO[spec].wrappedPrivateKeyFile;
  if (!wrappedPrivateKeyFile) return { encryptedKeyMaterial: ENCRYPTED_KEY_MATERIAL_FILE };
  return {
    encryptedKeyMaterial: ENCRYPTED_KEY_MATERIAL_FILE,
    encryptedPrivateKey: wrappedPrivateKeyFile,
    publicKey: PUBLIC_KEY_FILE,
  };
}
