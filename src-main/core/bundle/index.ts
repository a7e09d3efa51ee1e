/** Transfer bundles: the folders that carry parameters and wrapped material across the air gap. */
export {
  IMPORT_PARAMETERS_FORMAT,
  MANIFEST_FILE,
  WRAPPED_MATERIAL_FORMAT,
  HUAWEI_ENCRYPTED_KEY_MATERIAL_CHARS,
  rsaCiphertextBase64Chars,
} from './bundle-limits';
export type { BundleFormat } from './bundle-limits';
export { ABANDONED_MARKER, withdrawWrappedBundle, withdrawnBundleData, withdrawalKind } from './abandoned-bundle';
export { type ImportParametersManifest } from './import-parameters-manifest';
export { type CustodyArrangement, type WrappedMadeBy, type WrappedMaterialManifest } from './wrapped-material-manifest';
export { importParametersFromKmsAnswer, importTokenSha256, type ImportParameters } from './import-parameters';
export type { WrappedKeyMaterial } from './wrapped-material';
export { materialIdOf, materialOwners, materialsTaken } from './replica-groups';
export {
  boundMaterialFor,
  boundProblemValues,
  boundValue,
  matchesBound,
  requireBoundMaterial,
  type BoundMaterial,
  type MaterialEvidence,
} from './bound-material';
export { importParametersFromConsoleFiles, type ConsoleFilesInput } from './console-files';
export { writeImportParametersBundle } from './import-parameters-bundle';
export { stageWrappedMaterialBundle, writeWrappedMaterialBundle } from './wrapped-material-bundle';
export {
  readBundle,
  readBundleDigest,
  readBundleClaimedCeremony,
  readBundleClaimedMaker,
  readBundleClaimedKeyIds,
  type TransferBundle,
  type ImportParametersBundle,
  type WrappedMaterialBundle,
} from './read-bundle';
