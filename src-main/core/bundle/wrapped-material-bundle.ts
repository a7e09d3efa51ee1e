/** Writing a wrapped-material bundle (air-gapped → online). */
import { KEY_SPEC_INFO } from '../crypto/key-spec';
import { sha256Hex } from '../fs/durable-file';
import { README_FILE, WRAPPED_MATERIAL_FORMAT } from './bundle-limits';
import { WRAPPED_MATERIAL_FILES, keyFilePath } from './bundle-layout';
import { bundleInputInvalid } from './bundle-problem';
import { wrappedMaterialReadme } from './bundle-readme';
import type { WrappedKeyMaterial } from './wrapped-material';
import type {
  CustodyArrangement,
  WrappedMadeBy,
  WrappedMaterialManifest,
  WrappedMaterialManifestKey,
} from './wrapped-material-manifest';
import {
  stageBundleFolder,
  writeBundleFolder,
  type BundleDraft,
  type PlannedFile,
  type StagedBundle,
  type WriteBundleOptions,
  type WrittenBundle,
} from './write-bundle';

interface WrappedMaterialBundleInput {
  readonly ceremonyId: string;
  readonly keys: readonly WrappedKeyMaterial[];
  /** Who keeps a copy of the material (shown by the online side before it imports). */
  readonly custody?: CustodyArrangement;
  /** Who made the material on the air-gapped side, and in which journal (format version 3). */
  readonly madeBy?: WrappedMadeBy;
}

function manifestKey(k: WrappedKeyMaterial): WrappedMaterialManifestKey {
  return {
    keyId: k.keyId,
    keySpec: k.keySpec,
    wrappingAlgorithm: k.wrappingAlgorithm,
    wrappingKeyFingerprint: k.wrappingKeyFingerprint,
    importTokenSha256: k.importTokenSha256,
    publicKeyFingerprint: k.publicKeyDer ? sha256Hex(k.publicKeyDer) : null,
    keyCheckValue: k.keyCheckValue,
    materialExpiresAt: k.materialExpiresAt,
    ...(k.replicaOf !== undefined ? { replicaOf: k.replicaOf } : {}),
  };
}

function keyFiles(k: WrappedKeyMaterial): PlannedFile[] {
  const files: PlannedFile[] = [
    { name: keyFilePath(k.keyId, WRAPPED_MATERIAL_FILES.encryptedKeyMaterial), data: k.encryptedKeyMaterial },
  ];
  const privateKeyFile = KEY_SPEC_INFO[k.keySpec]?.wrappedPrivateKeyFile;
  if (privateKeyFile) {
    if (!k.encryptedPrivateKey || !k.publicKeyDer) {
      throw bundleInputInvalid({ reason: 'privateKeyMissing', keyId: k.keyId, keySpec: k.keySpec });
    }
    files.push(
      { name: keyFilePath(k.keyId, privateKeyFile), data: k.encryptedPrivateKey },
      { name: keyFilePath(k.keyId, WRAPPED_MATERIAL_FILES.publicKey), data: k.publicKeyDer },
    );
  } else if (k.encryptedPrivateKey || k.publicKeyDer) {
    throw bundleInputInvalid({ reason: 'symmetricExtra', keyId: k.keyId, keySpec: k.keySpec });
  }
  return files;
}

function wrappedDraft(input: WrappedMaterialBundleInput, createdAt: string): BundleDraft {
  const keys = input.keys.map(manifestKey);
  const files: PlannedFile[] = [
    {
      name: README_FILE,
      data: Buffer.from(wrappedMaterialReadme({ ceremonyId: input.ceremonyId, createdAt, keys }), 'utf8'),
    },
    ...input.keys.flatMap(keyFiles),
  ];
  return {
    format: WRAPPED_MATERIAL_FORMAT,
    ceremonyId: input.ceremonyId,
    ...(input.custody ? { custody: input.custody } : {}),
    ...(input.madeBy ? { madeBy: { ...input.madeBy, witnesses: [...input.madeBy.witnesses] } } : {}),
    keys,
    files,
  };
}

/**
 * Writes every file of the wrapped-material bundle except its manifest into the new folder `dir`
 * (keys/<KeyID>/EncryptedKeyMaterial.bin, out_*_private_key.der, README.txt): the folder becomes a
 * bundle only when `complete()` writes the manifest, after the receipt naming its digest is written.
 */
export async function stageWrappedMaterialBundle(
  dir: string,
  input: WrappedMaterialBundleInput,
  options: WriteBundleOptions = {},
): Promise<StagedBundle<WrappedMaterialManifest>> {
  return stageBundleFolder<WrappedMaterialManifest>(dir, ...dated(input, options));
}

/** The bundle's draft and the write's options, both with one creation time (to the second, as the README says it). */
function dated(input: WrappedMaterialBundleInput, options: WriteBundleOptions): [BundleDraft, WriteBundleOptions] {
  const createdAt = (options.createdAt ?? options.now ?? new Date()).toISOString();
  return [wrappedDraft(input, createdAt), { ...options, createdAt: new Date(createdAt) }];
}

/**
 * Writes the wrapped material of one or more keys into the new folder `dir`, with the console's
 * own files per key (keys/<KeyID>/EncryptedKeyMaterial.bin, out_*_private_key.der), and verifies it.
 */
export async function writeWrappedMaterialBundle(
  dir: string,
  input: WrappedMaterialBundleInput,
  options: WriteBundleOptions = {},
): Promise<WrittenBundle<WrappedMaterialManifest>> {
  return writeBundleFolder<WrappedMaterialManifest>(dir, ...dated(input, options));
}
