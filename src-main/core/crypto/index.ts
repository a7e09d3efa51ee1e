/** The wrapping engine's public API: load, generate, wrap, unwrap and describe key material. */
export { withWiped } from './secret-bytes';
export { KEY_SPECS, DEFAULT_WRAPPING_ALGORITHM, parseKeySpec, parseWrappingAlgorithm, type KeySpec } from './key-spec';
export { loadWrappingPublicKey } from './wrapping-key';
export { type KeyMaterial } from './key-material';
export { generateKeyMaterial } from './generate-key-material';
export { loadKeyMaterial } from './load-key-material';
export { wrapKeyMaterial, type WrappedKeyMaterial } from './wrap';
export { consoleFileNames } from './console-files';
