/**
 * The content checks of an import-parameters bundle, run on bytes in memory: the token bound to
 * its key, the console files equal to the manifest, the wrapping key sound, the clock checked.
 * The writer runs them before writing and the reader after reading.
 */
import { TOKEN_MAX_LIFETIME_MS, TOKEN_NEAR_EXPIRY_MS } from './bundle-limits';
import { IMPORT_PARAMETER_FILES, keyFilePath } from './bundle-layout';
import { bundleRefused, type BundleWarning } from './bundle-problem';
import type { ImportParametersManifest, ImportParametersManifestKey } from './import-parameters-manifest';
import { importTokenSha256, type ImportParameters } from './import-parameters';
import { checkWrappingPublicKey, requireImportableWrappingKey } from './wrapping-public-key';

const FETCH_AGAIN = 'Fetch new parameters on the online workstation and write a new import-parameters bundle.';

function fileOf(files: ReadonlyMap<string, Buffer>, name: string): Buffer {
  const data = files.get(name);
  if (!data) throw bundleRefused('BUNDLE_FILE_MISSING', `The bundle has no ${name}.`);
  return data;
}

function checkTokenBinding(key: ImportParametersManifestKey, files: ReadonlyMap<string, Buffer>): void {
  const token = key.importToken;
  if (token.keyId !== key.keyId) {
    throw bundleRefused(
      'BUNDLE_TOKEN_KEY_MISMATCH',
      `The import token filed under key ${key.keyId} was issued for key ${token.keyId}; the KMS would refuse it.`,
      FETCH_AGAIN,
    );
  }
  if (importTokenSha256(token.value) !== token.sha256) {
    throw bundleRefused(
      'BUNDLE_TOKEN_HASH_MISMATCH',
      `The import token of key ${key.keyId} does not match its SHA-256 in the manifest.`,
    );
  }
  const tokenFile = keyFilePath(key.keyId, IMPORT_PARAMETER_FILES.importToken);
  if (!fileOf(files, tokenFile).equals(Buffer.from(token.value, 'ascii'))) {
    throw bundleRefused('BUNDLE_TOKEN_FILE_MISMATCH', `${tokenFile} differs from the import token in the manifest.`);
  }
  const expiry = new Date(token.expirationTime * 1000);
  if (Number.isNaN(expiry.getTime()) || expiry.toISOString() !== token.expiresAt) {
    throw bundleRefused(
      'BUNDLE_MANIFEST_INVALID',
      `The token expiry of key ${key.keyId} is given as ${token.expiresAt} and as ${token.expirationTime} seconds, which disagree.`,
    );
  }
}

function checkWrappingKeyFiles(key: ImportParametersManifestKey, files: ReadonlyMap<string, Buffer>) {
  const b64Name = keyFilePath(key.keyId, IMPORT_PARAMETER_FILES.publicKeyB64);
  const binName = keyFilePath(key.keyId, IMPORT_PARAMETER_FILES.publicKeyBin);
  const der = Buffer.from(key.wrappingPublicKey, 'base64');
  if (!fileOf(files, b64Name).equals(Buffer.from(key.wrappingPublicKey, 'ascii'))) {
    throw bundleRefused('BUNDLE_PUBLIC_KEY_MISMATCH', `${b64Name} differs from the wrapping key in the manifest.`);
  }
  if (!fileOf(files, binName).equals(der)) {
    throw bundleRefused('BUNDLE_PUBLIC_KEY_MISMATCH', `${binName} is not the base64-decoded ${b64Name}.`);
  }
  const wrappingKey = checkWrappingPublicKey(
    der,
    `The wrapping key of key ${key.keyId}`,
    'BUNDLE_WRAPPING_KEY_INVALID',
  );
  requireImportableWrappingKey({ keyId: key.keyId }, wrappingKey);
  if (wrappingKey.fingerprint !== key.wrappingKeyFingerprint) {
    throw bundleRefused(
      'BUNDLE_FINGERPRINT_MISMATCH',
      `The wrapping key of key ${key.keyId} has fingerprint ${wrappingKey.fingerprint}, not ${key.wrappingKeyFingerprint} as the manifest says.`,
    );
  }
  return wrappingKey;
}

function checkExpiry(key: ImportParametersManifestKey, now: Date, warnings: BundleWarning[]): void {
  const left = key.importToken.expirationTime * 1000 - now.getTime();
  const minutes = Math.floor(Math.abs(left) / 60_000);
  if (left <= 0) {
    throw bundleRefused(
      'BUNDLE_TOKEN_EXPIRED',
      `The import token of key ${key.keyId} expired at ${key.importToken.expiresAt} (${minutes} minutes ago by this machine's clock); the KMS would refuse it, so fetch new parameters.`,
      FETCH_AGAIN,
    );
  }
  if (left < TOKEN_NEAR_EXPIRY_MS) {
    warnings.push({
      code: 'TOKEN_EXPIRES_SOON',
      message: `The import token of key ${key.keyId} expires at ${key.importToken.expiresAt}, in ${minutes} minutes: import before then or fetch new parameters.`,
    });
  } else if (left > TOKEN_MAX_LIFETIME_MS) {
    warnings.push({
      code: 'CLOCK_SUSPECT',
      message: `The import token of key ${key.keyId} expires at ${key.importToken.expiresAt}, more than 24 hours from this machine's time ${now.toISOString()}: check this machine's clock.`,
    });
  }
}

/** Checks every key of an import-parameters bundle against its files and the clock. */
export function verifyImportParametersContents(
  manifest: ImportParametersManifest,
  files: ReadonlyMap<string, Buffer>,
  now: Date,
): { keys: ImportParameters[]; warnings: BundleWarning[] } {
  const warnings: BundleWarning[] = [];
  const tokens = new Set<string>();
  const keys = manifest.keys.map((key): ImportParameters => {
    checkTokenBinding(key, files);
    if (tokens.has(key.importToken.sha256)) {
      throw bundleRefused(
        'BUNDLE_DUPLICATE_TOKEN',
        `Key ${key.keyId} carries the same import token as another key in the bundle.`,
        FETCH_AGAIN,
      );
    }
    tokens.add(key.importToken.sha256);
    const wrappingKey = checkWrappingKeyFiles(key, files);
    checkExpiry(key, now, warnings);
    return {
      keyId: key.keyId,
      keySpec: key.keySpec,
      wrappingAlgorithm: key.wrappingAlgorithm,
      wrappingKey,
      origin: {
        kind: 'kms-answer',
        provider: key.provider,
        region: key.region,
        projectId: key.projectId,
        keyAlias: key.keyAlias,
        keyUsage: key.keyUsage,
      },
      importToken: {
        keyId: key.importToken.keyId,
        value: key.importToken.value,
        sha256: key.importToken.sha256,
        expiry: { expiresAt: key.importToken.expiresAt, expirationTime: key.importToken.expirationTime },
      },
    };
  });
  return { keys, warnings };
}
