/** The wrapping engine's public API: load, generate, wrap, unwrap and describe key material. */
export { SecretBytes, withWiped } from './secret-bytes';
export {
  KEY_SPECS,
  KEY_SPEC_INFO,
  WRAPPING_ALGORITHMS,
  DEFAULT_WRAPPING_ALGORITHM,
  isAsymmetric,
  parseKeySpec,
  parseWrappingAlgorithm,
  type KeySpec,
  type KeySpecInfo,
  type KeyUsage,
  type WrappingAlgorithm,
} from './key-spec';
export { loadWrappingPublicKey, type WrappingPublicKey } from './wrapping-key';
export { WRAPPING_KEY_SIZES } from './rsa-public-key-check';
export { createKeyMaterial, type KeyMaterial } from './key-material';
export { generateKeyMaterial } from './generate-key-material';
export { loadKeyMaterial } from './load-key-material';
export { checkPrivateKeyMatchesSpec, keyMaterialFromPrivateKey } from './private-key-material';
export { wrapKeyMaterial, TEMPORARY_KEY_BYTES, type WrapKeyMaterialInput, type WrappedKeyMaterial } from './wrap';
export { unwrapKeyMaterial, isPkcs8Der, type UnwrapKeyMaterialInput } from './unwrap';
export { aesKeyWrapPad, unwrapAesKeyWrapPad, KWP_ALTERNATIVE_IV } from './aes-key-wrap';
export { rsaOaepEncrypt, rsaOaepDecrypt, oaepHashOf } from './rsa-oaep';
export { derFingerprint, keyCheckValue, type KeyEvidence } from './evidence';
export { keyObjectValues } from './key-description';
export { consoleFileNames, ENCRYPTED_KEY_MATERIAL_FILE, PUBLIC_KEY_FILE, type ConsoleFileNames } from './console-files';
