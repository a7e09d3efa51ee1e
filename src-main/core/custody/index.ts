/** M-of-N custody of key material: split into shares, write them with slips, read them back, restore. */
export {
  MAX_CUSTODY_SHARES,
  MIN_CUSTODY_THRESHOLD,
  computeShareChecksum,
  shareChecksumMatches,
  type CustodyShare,
  type CustodyShareFields,
  type MaterialCheck,
} from './custody-share';
export { splitMaterial, type SplitMaterialRequest } from './split';
export { restoreMaterial, type RestoreOptions } from './restore';
export { materialCheckOf } from './material-check';
export {
  SHARE_FILE_FORMAT,
  SHARE_FILE_VERSION,
  decodeShareFile,
  encodeShareFile,
  readShareFile,
  shareFileName,
} from './share-file';
export {
  writeShareFiles,
  type CompanionFile,
  type VolumeIdOf,
  type WriteSharesOptions,
  type WrittenShare,
} from './write-shares';
export { renderCustodySlip, slipQrTexts, type CustodySlip } from './custody-slip';
export { parseTypedShare, typedShareLines } from './typed-share';
