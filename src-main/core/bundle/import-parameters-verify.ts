/**
 * The content checks of an import-parameters bundle, run on bytes in memory: the token bound to
 * its key, the console files equal to the manifest, the wrapping key sound, the clock checked.
 * The writer runs them before writing and the reader after reading.
 */
import { TOKEN_MAX_LIFETIME_MS, TOKEN_NEAR_EXPIRY_MS } from './bundle-limits';
import { IMPORT_PARAMETER_FILES, keyFilePath } from './bundle-layout';
import { KeyferryError } from '../errors';
import { warningOf } from '../../i18n/warning';
import type { BundleWarning } from './bundle-problem';
import type { ImportParametersManifest, ImportParametersManifestKey } from './import-parameters-manifest';
import { importTokenSha256, type ImportParameters } from './import-parameters';
import { checkParametersReplicaGroups } from './replica-groups';
import { checkBoundMaterial } from './bound-material';
import { checkWrappingPublicKey, requireImportableWrappingKey } from './wrapping-public-key';
import { mapInSlices } from '../yield';

function fileOf(files: ReadonlyMap<string, Buffer>, name: string): Buffer {
  const data = files.get(name);
  if (!data)
    throw new KeyferryError('BUNDLE_FILE_MISSING', { where: 'absent', file: name, count: 1, filesList: '', more: 0 });
  return data;
}

function checkTokenBinding(key: ImportParametersManifestKey, files: ReadonlyMap<string, Buffer>): void {
  const token = key.importToken;
  if (token.keyId !== key.keyId) {
    throw new KeyferryError('BUNDLE_TOKEN_KEY_MISMATCH', { keyId: key.keyId, tokenKeyId: token.keyId });
  }
  if (importTokenSha256(token.value) !== token.sha256) {
    throw new KeyferryError('BUNDLE_TOKEN_HASH_MISMATCH', { keyId: key.keyId });
  }
  const tokenFile = keyFilePath(key.keyId, IMPORT_PARAMETER_FILES.importToken);
  if (!fileOf(files, tokenFile).equals(Buffer.from(token.value, 'ascii'))) {
    throw new KeyferryError('BUNDLE_TOKEN_FILE_MISMATCH', { file: tokenFile });
  }
  const expiry = new Date(token.expirationTime * 1000);
  if (Number.isNaN(expiry.getTime()) || expiry.toISOString() !== token.expiresAt) {
    throw new KeyferryError('BUNDLE_TOKEN_EXPIRY_DISAGREES', {
      keyId: key.keyId,
      expiresAt: token.expiresAt,
      expirationTime: token.expirationTime,
    });
  }
}

function checkWrappingKeyFiles(key: ImportParametersManifestKey, files: ReadonlyMap<string, Buffer>) {
  const b64Name = keyFilePath(key.keyId, IMPORT_PARAMETER_FILES.publicKeyB64);
  const binName = keyFilePath(key.keyId, IMPORT_PARAMETER_FILES.publicKeyBin);
  const der = Buffer.from(key.wrappingPublicKey, 'base64');
  if (!fileOf(files, b64Name).equals(Buffer.from(key.wrappingPublicKey, 'ascii'))) {
    throw new KeyferryError('BUNDLE_PUBLIC_KEY_MISMATCH', { kind: 'b64', file: b64Name, source: b64Name });
  }
  if (!fileOf(files, binName).equals(der)) {
    throw new KeyferryError('BUNDLE_PUBLIC_KEY_MISMATCH', { kind: 'bin', file: binName, source: b64Name });
  }
  const wrappingKey = checkWrappingPublicKey(der, key.keyId);
  requireImportableWrappingKey({ keyId: key.keyId }, wrappingKey);
  if (wrappingKey.fingerprint !== key.wrappingKeyFingerprint) {
    throw new KeyferryError('BUNDLE_FINGERPRINT_MISMATCH', {
      key: 'wrapping',
      keyId: key.keyId,
      actual: wrappingKey.fingerprint,
      expected: key.wrappingKeyFingerprint,
    });
  }
  return wrappingKey;
}

/** The keys whose import token expires within the hour, and those whose token outlives 24 hours from `now` (a clock to check). */
interface TokenTimes {
  readonly soon: { keyId: string; expiresAt: number }[];
  readonly beyondADay: { keyId: string; expiresAt: number }[];
}

function checkExpiry(key: ImportParametersManifestKey, now: Date, times: TokenTimes): void {
  const expiresAt = key.importToken.expirationTime * 1000;
  const left = expiresAt - now.getTime();
  if (left <= 0) {
    throw new KeyferryError('BUNDLE_TOKEN_EXPIRED', {
      keyId: key.keyId,
      expiresAt,
      minutes: Math.floor(-left / 60_000),
      tokensClock: 'machine',
      // A newer bundle read since is named only by a journal's look (ceremony/airgap/journal-kms-time.ts).
      newerBundle: 'none',
      newerSeq: 0,
      newerSource: '',
      newerUntil: 0,
    });
  }
  if (left < TOKEN_NEAR_EXPIRY_MS) times.soon.push({ keyId: key.keyId, expiresAt });
  else if (left > TOKEN_MAX_LIFETIME_MS) times.beyondADay.push({ keyId: key.keyId, expiresAt });
}

/**
 * One warning per kind for the whole bundle, however many keys it holds (a bundle of 100 keys
 * fetched together would otherwise repeat one sentence 100 times): the count, and the key whose
 * token expires first with its moment.
 */
function tokenWarnings({ soon, beyondADay }: TokenTimes, now: Date): BundleWarning[] {
  const first = (keys: TokenTimes['soon']) => keys.reduce((a, b) => (b.expiresAt < a.expiresAt ? b : a));
  const warnings: BundleWarning[] = [];
  if (soon.length > 0) {
    const { keyId, expiresAt } = first(soon);
    const minutes = Math.floor((expiresAt - now.getTime()) / 60_000);
    warnings.push(warningOf('TOKEN_EXPIRES_SOON', { count: soon.length, keyId, at: expiresAt, minutes }));
  }
  if (beyondADay.length > 0) {
    const { keyId, expiresAt } = first(beyondADay);
    warnings.push(warningOf('CLOCK_SUSPECT', { count: beyondADay.length, keyId, at: expiresAt, now: now.getTime() }));
  }
  return warnings;
}

/**
 * Checks every key of an import-parameters bundle against its files and the clock, a key at a time
 * with the event loop let run between slices (a wrapping key's soundness checks take about a millisecond).
 */
export async function verifyImportParametersContents(
  manifest: ImportParametersManifest,
  files: ReadonlyMap<string, Buffer>,
  now: Date,
): Promise<{ keys: ImportParameters[]; warnings: BundleWarning[] }> {
  const times: TokenTimes = { soon: [], beyondADay: [] };
  checkParametersReplicaGroups(manifest);
  checkBoundMaterial(manifest);
  const tokens = new Set<string>();
  const keys = await mapInSlices(manifest.keys, (key): ImportParameters => {
    checkTokenBinding(key, files);
    if (tokens.has(key.importToken.sha256)) {
      throw new KeyferryError('BUNDLE_DUPLICATE_TOKEN', { keyId: key.keyId });
    }
    tokens.add(key.importToken.sha256);
    const wrappingKey = checkWrappingKeyFiles(key, files);
    checkExpiry(key, now, times);
    return {
      ...(key.replicaOf !== undefined ? { replicaOf: key.replicaOf } : {}),
      ...(key.boundMaterial !== undefined ? { boundMaterial: key.boundMaterial } : {}),
      ...(key.materialExpiry !== undefined ? { materialExpiry: key.materialExpiry } : {}),
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
  return { keys, warnings: tokenWarnings(times, now) };
}
