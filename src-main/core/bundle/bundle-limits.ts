/**
 * Fixed names and hard limits of Keyferry transfer bundles. A bundle is read from removable
 * media that anyone may have touched, so every size and count is capped before anything is read.
 */
export const MANIFEST_FILE = 'manifest.json';
export const README_FILE = 'README.txt';
export const KEYS_FOLDER = 'keys';

export const IMPORT_PARAMETERS_FORMAT = 'keyferry.import-parameters';
export const WRAPPED_MATERIAL_FORMAT = 'keyferry.wrapped-material';
export const BUNDLE_FORMATS = [IMPORT_PARAMETERS_FORMAT, WRAPPED_MATERIAL_FORMAT] as const;
export type BundleFormat = (typeof BUNDLE_FORMATS)[number];
/** The version of a bundle without replica groups (what every earlier Keyferry wrote and reads). */
export const BUNDLE_FORMAT_VERSION = 1;
/** The version of a bundle whose keys include replicas (`replicaOf`): older Keyferry refuses it by its version. */
export const REPLICA_GROUPS_FORMAT_VERSION = 2;
/**
 * The version of an import-parameters bundle in which a key carries the material the KMS bound it
 * to at its first import (`boundMaterial`): older Keyferry refuses it by its version rather than
 * generate material the KMS will refuse. Wrapped-material bundles have no such version.
 */
export const BOUND_MATERIAL_FORMAT_VERSION = 3;
/**
 * The version of an import-parameters bundle in which every key carries the material expiry its
 * import is to request (`materialExpiry`): the keys of one bundle may differ (AES material that
 * lapsed, imported with its own expiry, beside keys that wait for their first material). Earlier
 * versions carry one expiry for the whole bundle (`ceremony.materialExpiry`) and still read.
 */
export const PER_KEY_EXPIRY_FORMAT_VERSION = 4;
/**
 * The version of an import-parameters bundle that names the ceremony's people (`ceremony.people`:
 * the online journal's operator and witnesses): the air-gapped side refuses other people, so older
 * Keyferry, which would not check them, refuses the bundle by its version.
 */
export const CEREMONY_PEOPLE_FORMAT_VERSION = 5;
/**
 * The version of an import-parameters bundle that names the ceremony's air-gapped journal
 * (`ceremony.airGapJournal`: the journal a wrap the online side checked came from): the air-gapped
 * side wraps it in that journal only, so older Keyferry, which would not check, refuses the bundle
 * by its version.
 */
export const CEREMONY_AIR_GAP_JOURNAL_FORMAT_VERSION = 6;
/**
 * The version of a wrapped-material bundle that names who made it on the air-gapped side
 * (`madeBy`: the operator, the witnesses who confirmed the parameters and the air-gapped journal):
 * the online side checks them against its journal, so older Keyferry, which would not, refuses the
 * bundle by its version. Import-parameters bundles number their versions on their own.
 */
export const WRAPPED_MADE_BY_FORMAT_VERSION = 3;
/**
 * The version of a wrapped-material bundle whose `madeBy` also names the air-gapped session that
 * made it (`wrapEntry`: its start entry's number, hash and time) and every earlier session of its
 * journal that finished a wrapped bundle (`earlierWraps`): the online side refuses a bundle made by
 * an older copy of a journal it took a later wrap from, so older Keyferry, which would not, refuses
 * the bundle by its version.
 */
export const WRAPPED_EARLIER_WRAPS_FORMAT_VERSION = 4;
/**
 * The version of a wrapped-material bundle whose custody shares name their custody set (`custody.
 * backupDigest`: the digest of the set's backup, which every share of the set records): the online
 * side takes keys whose material one set holds through one restore, whichever bundles they were
 * imported from, so older Keyferry, which would not read the field, refuses the bundle by its version.
 */
export const WRAPPED_CUSTODY_SET_FORMAT_VERSION = 5;
/** Every version each format's reader accepts (what any Keyferry wrote keeps reading). */
export const BUNDLE_FORMAT_VERSIONS: Readonly<Record<BundleFormat, readonly number[]>> = {
  [IMPORT_PARAMETERS_FORMAT]: [
    BUNDLE_FORMAT_VERSION,
    REPLICA_GROUPS_FORMAT_VERSION,
    BOUND_MATERIAL_FORMAT_VERSION,
    PER_KEY_EXPIRY_FORMAT_VERSION,
    CEREMONY_PEOPLE_FORMAT_VERSION,
    CEREMONY_AIR_GAP_JOURNAL_FORMAT_VERSION,
  ],
  [WRAPPED_MATERIAL_FORMAT]: [
    BUNDLE_FORMAT_VERSION,
    REPLICA_GROUPS_FORMAT_VERSION,
    WRAPPED_MADE_BY_FORMAT_VERSION,
    WRAPPED_EARLIER_WRAPS_FORMAT_VERSION,
    WRAPPED_CUSTODY_SET_FORMAT_VERSION,
  ],
};

export const BUNDLE_LIMITS = {
  /** manifest.json. */
  manifestMaxBytes: 1024 * 1024,
  /** Every other file (key files and README). */
  fileMaxBytes: 64 * 1024,
  /** Sum of every file in the bundle, manifest included. */
  totalMaxBytes: 32 * 1024 * 1024,
  /** Keys in one batch ceremony. */
  maxKeys: 500,
  /** Folder entries of any kind; a bundle with more is refused before anything is read. */
  maxEntries: 4 * 500 + 16,
  /** Folder depth below the bundle folder (keys/<keyId>/<file>). */
  maxDepth: 3,
  /**
   * Earlier wraps a wrapped bundle's `madeBy` lists (format version 4): a journal with more lists
   * its latest this many, and the online side counts a wrap older than the first listed as listed
   * when the list is full (the hash of a later entry listed chains to it). 200: the online side
   * journals the whole `madeBy` with a check or a refusal, and a journal line holds 64 KiB
   * (journal/entry.ts): some 700 listed wraps overflowed it, and the refusal's own entry with it.
   */
  maxEarlierWraps: 200,
} as const;

/** Import tokens with less time left than this produce a warning. */
export const TOKEN_NEAR_EXPIRY_MS = 60 * 60 * 1000;
/** Huawei KMS import tokens live 24 hours (API reference: a token expiring at T was issued at T - 24 h). */
export const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** An expiry further away than the lifetime and an hour suggests a wrong clock. */
export const TOKEN_MAX_LIFETIME_MS = TOKEN_LIFETIME_MS + 60 * 60 * 1000;

/** OS metadata files that file managers drop into folders; never read, reported as warnings. */
export function isOsMetadataFile(baseName: string): boolean {
  return (
    baseName === '.DS_Store' || baseName.startsWith('._') || baseName === 'Thumbs.db' || baseName === 'desktop.ini'
  );
}

/**
 * Huawei KMS import-key-material takes `encrypted_key_material` matching `^[0-9a-zA-Z+/=]{344,360}$`
 * (API reference "Importing CMK Material", kms_02_0036; the official SDKs' ImportKeyMaterialRequestBody):
 * one RSA-2048 ciphertext (256 bytes, 344 base64 characters). RSA-3072 (512) and RSA-4096 (684) do not fit.
 */
export const HUAWEI_ENCRYPTED_KEY_MATERIAL_CHARS = { min: 344, max: 360 } as const;

/** Base64 characters of one RSA-OAEP ciphertext under a `bits`-bit modulus (a ciphertext is the modulus's size). */
export function rsaCiphertextBase64Chars(bits: number): number {
  return 4 * Math.ceil(Math.ceil(bits / 8) / 3);
}
