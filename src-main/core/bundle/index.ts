/** Transfer bundles: the folders that carry parameters and wrapped material across the air gap. */
export {
  BUNDLE_LIMITS,
  BUNDLE_FORMAT_VERSION,
  IMPORT_PARAMETERS_FORMAT,
  WRAPPED_MATERIAL_FORMAT,
  MANIFEST_FILE,
  HUAWEI_ENCRYPTED_KEY_MATERIAL_CHARS,
  rsaCiphertextBase64Chars,
} from './bundle-limits';
export type { BundleFormat } from './bundle-limits';
export type { BundleWarning } from './bundle-problem';
export { ABANDONED_MARKER, withdrawWrappedBundle, type WithdrawnBundle } from './abandoned-bundle';
export type { BundleCreator } from './bundle-creator';
export { importParametersManifestSchema, type ImportParametersManifest } from './import-parameters-manifest';
export {
  custodyArrangementSchema,
  wrappedMaterialManifestSchema,
  type CustodyArrangement,
  type WrappedMaterialManifest,
} from './wrapped-material-manifest';
export {
  importParametersFromKmsAnswer,
  importTokenSha256,
  tokenExpiryFromSeconds,
  type ImportParameters,
  type ImportParametersOrigin,
  type ImportToken,
  type ImportTokenExpiry,
  type KmsImportAnswer,
} from './import-parameters';
export type { WrappedKeyMaterial } from './wrapped-material';
export { formatVersionFor, materialOwners, replicaGroupsOf } from './replica-groups';
export {
  boundMaterialFor,
  boundProblemValues,
  boundValue,
  matchesBound,
  requireBoundMaterial,
  type BoundMaterial,
  type MaterialEvidence,
} from './bound-material';
export { checkWrappingPublicKey, requireImportableWrappingKey, type WrappingPublicKey } from './wrapping-public-key';
export { importParametersFromConsoleFiles, type ConsoleFilesInput } from './console-files';
export { writeImportParametersBundle, type ImportParametersBundleInput } from './import-parameters-bundle';
export {
  stageWrappedMaterialBundle,
  writeWrappedMaterialBundle,
  type WrappedMaterialBundleInput,
} from './wrapped-material-bundle';
export type { StagedBundle, WriteBundleOptions, WrittenBundle } from './write-bundle';
export {
  readBundle,
  readBundleDigest,
  type ReadBundleOptions,
  type TransferBundle,
  type ImportParametersBundle,
  type WrappedMaterialBundle,
} from './read-bundle';
