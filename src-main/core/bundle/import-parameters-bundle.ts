/** Writing an import-parameters bundle (online → air-gapped). */
import { IMPORT_PARAMETERS_FORMAT, README_FILE } from './bundle-limits';
import { IMPORT_PARAMETER_FILES, keyFilePath } from './bundle-layout';
import { bundleInputInvalid } from './bundle-problem';
import { importParametersReadme } from './bundle-readme';
import type { ImportParameters } from './import-parameters';
import type {
  CeremonyFacts,
  ImportParametersManifest,
  ImportParametersManifestKey,
} from './import-parameters-manifest';
import { writeBundleFolder, type PlannedFile, type WriteBundleOptions, type WrittenBundle } from './write-bundle';

interface ImportParametersBundleInput {
  readonly ceremonyId: string;
  /** Title, plan expiry, online journal name and people, for the air-gapped side (see ceremonyFactsSchema). */
  readonly ceremony?: CeremonyFacts;
  /** Parameters fetched from the KMS (origin `kms-answer`, with token and expiry), one per key. */
  readonly keys: readonly ImportParameters[];
}

function manifestKey(p: ImportParameters): ImportParametersManifestKey {
  if (p.origin.kind !== 'kms-answer') {
    throw bundleInputInvalid({ reason: 'consoleFiles', keyId: p.keyId });
  }
  const importToken = p.importToken;
  const expiry = importToken?.expiry;
  if (!importToken || !expiry) {
    throw bundleInputInvalid({ reason: 'noToken', keyId: p.keyId });
  }
  const { origin } = p;
  return {
    provider: origin.provider,
    region: origin.region,
    projectId: origin.projectId,
    keyId: p.keyId,
    keyAlias: origin.keyAlias,
    keySpec: p.keySpec,
    keyUsage: origin.keyUsage,
    wrappingAlgorithm: p.wrappingAlgorithm,
    wrappingPublicKey: p.wrappingKey.spkiDer.toString('base64'),
    wrappingKeyFingerprint: p.wrappingKey.fingerprint,
    importToken: {
      keyId: importToken.keyId,
      value: importToken.value,
      sha256: importToken.sha256,
      expiresAt: expiry.expiresAt,
      expirationTime: expiry.expirationTime,
    },
    ...(p.replicaOf !== undefined ? { replicaOf: p.replicaOf } : {}),
    ...(p.boundMaterial !== undefined ? { boundMaterial: { ...p.boundMaterial } } : {}),
    ...(p.materialExpiry !== undefined ? { materialExpiry: p.materialExpiry } : {}),
  };
}

/**
 * Writes the import parameters of one or more keys into the new folder `dir`, with the console's
 * own files per key (keys/<KeyID>/PublicKey.bin, PublicKey.b64, ImportToken.b64), and verifies it.
 */
export async function writeImportParametersBundle(
  dir: string,
  input: ImportParametersBundleInput,
  options: WriteBundleOptions = {},
): Promise<WrittenBundle<ImportParametersManifest>> {
  const keys = input.keys.map(manifestKey);
  const createdAt = (options.createdAt ?? options.now ?? new Date()).toISOString();
  const files: PlannedFile[] = [
    {
      name: README_FILE,
      data: Buffer.from(importParametersReadme({ ceremonyId: input.ceremonyId, createdAt, keys }), 'utf8'),
    },
  ];
  for (const key of keys) {
    files.push(
      {
        name: keyFilePath(key.keyId, IMPORT_PARAMETER_FILES.publicKeyBin),
        data: Buffer.from(key.wrappingPublicKey, 'base64'),
      },
      {
        name: keyFilePath(key.keyId, IMPORT_PARAMETER_FILES.publicKeyB64),
        data: Buffer.from(key.wrappingPublicKey, 'ascii'),
      },
      {
        name: keyFilePath(key.keyId, IMPORT_PARAMETER_FILES.importToken),
        data: Buffer.from(key.importToken.value, 'ascii'),
      },
    );
  }
  return writeBundleFolder<ImportParametersManifest>(
    dir,
    {
      format: IMPORT_PARAMETERS_FORMAT,
      ceremonyId: input.ceremonyId,
      ...(input.ceremony ? { ceremony: { ...input.ceremony } } : {}),
      keys,
      files,
    },
    { ...options, createdAt: new Date(createdAt) },
  );
}
