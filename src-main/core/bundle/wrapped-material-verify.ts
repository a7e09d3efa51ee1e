/**
 * The content checks of a wrapped-material bundle, run on bytes in memory: each key's files
 * fit its spec, the ciphertexts have possible lengths, the public key matches spec and fingerprint.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { KEY_SPEC_INFO, isAsymmetric } from '../crypto/key-spec';
import { sha256Hex } from '../fs/durable-file';
import { WRAPPED_MATERIAL_FILES, keyFilePath } from './bundle-layout';
import { KeyferryError } from '../errors';
import { warningOf } from '../../i18n/warning';
import { manifestInvalid, type BundleWarning, type SpecProblem } from './bundle-problem';
import type { WrappedMaterialManifest, WrappedMaterialManifestKey } from './wrapped-material-manifest';
import type { WrappedKeyMaterial } from './wrapped-material';
import { checkWrappedReplicaGroups } from './replica-groups';
import { mapInSlices } from '../yield';

/** RSA-OAEP ciphertexts under RSA-2048/3072/4096 wrapping keys. */
const ENCRYPTED_KEY_MATERIAL_LENGTHS = [256, 384, 512];
/** AES-KWP output: a multiple of 8 bytes; the API accepts at most 6144 base64 characters. */
const ENCRYPTED_PRIVATE_KEY_MAX = 4608;

function fileOf(files: ReadonlyMap<string, Buffer>, name: string): Buffer {
  const data = files.get(name);
  if (!data)
    throw new KeyferryError('BUNDLE_FILE_MISSING', { where: 'absent', file: name, count: 1, filesList: '', more: 0 });
  return data;
}

function specProblem(key: WrappedMaterialManifestKey): SpecProblem | undefined {
  if (isAsymmetric(key.keySpec)) {
    if (key.keyCheckValue !== null) return 'kcvOnAsymmetric';
    if (key.publicKeyFingerprint === null) return 'noFingerprint';
    if (key.materialExpiresAt !== null) return 'expiryOnAsymmetric';
    return undefined;
  }
  if (key.keyCheckValue === null) return 'noKcv';
  if (key.publicKeyFingerprint !== null) return 'fingerprintOnSymmetric';
  return undefined;
}

function checkFieldsFitSpec(key: WrappedMaterialManifestKey): void {
  const problem = specProblem(key);
  if (problem) throw manifestInvalid({ reason: 'spec', keyId: key.keyId, keySpec: key.keySpec, problem });
}

function checkPublicKey(key: WrappedMaterialManifestKey, der: Buffer): void {
  const info = KEY_SPEC_INFO[key.keySpec];
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: der, format: 'der', type: 'spki' });
  } catch {
    throw new KeyferryError('BUNDLE_PUBLIC_KEY_INVALID', { problem: 'notDer', keyId: key.keyId, keySpec: key.keySpec });
  }
  const details = publicKey.asymmetricKeyDetails;
  const fits =
    info.kind === 'rsa'
      ? publicKey.asymmetricKeyType === 'rsa' && details?.modulusLength === info.bits
      : publicKey.asymmetricKeyType === 'ec' && details?.namedCurve === info.namedCurve;
  if (!fits) {
    throw new KeyferryError('BUNDLE_PUBLIC_KEY_INVALID', {
      problem: 'wrongSpec',
      keyId: key.keyId,
      keySpec: key.keySpec,
    });
  }
  const actual = sha256Hex(der);
  if (actual !== key.publicKeyFingerprint) {
    throw new KeyferryError('BUNDLE_FINGERPRINT_MISMATCH', {
      key: 'public',
      keyId: key.keyId,
      actual,
      expected: key.publicKeyFingerprint ?? '',
    });
  }
}

/**
 * Checks every key of a wrapped-material bundle against its files, a key at a time with the event
 * loop let run between slices; warns of a material expiry already past.
 */
export async function verifyWrappedMaterialContents(
  manifest: WrappedMaterialManifest,
  files: ReadonlyMap<string, Buffer>,
  now: Date,
): Promise<{ keys: WrappedKeyMaterial[]; warnings: BundleWarning[] }> {
  const warnings: BundleWarning[] = [];
  checkWrappedReplicaGroups(manifest);
  const keys = await mapInSlices(manifest.keys, (key): WrappedKeyMaterial => {
    checkFieldsFitSpec(key);
    const encryptedKeyMaterial = fileOf(files, keyFilePath(key.keyId, WRAPPED_MATERIAL_FILES.encryptedKeyMaterial));
    if (!ENCRYPTED_KEY_MATERIAL_LENGTHS.includes(encryptedKeyMaterial.length)) {
      throw new KeyferryError('BUNDLE_CIPHERTEXT_INVALID', {
        kind: 'rsa',
        file: WRAPPED_MATERIAL_FILES.encryptedKeyMaterial,
        keyId: key.keyId,
        size: encryptedKeyMaterial.length,
      });
    }
    let encryptedPrivateKey: Buffer | null = null;
    let publicKeyDer: Buffer | null = null;
    const privateKeyFile = KEY_SPEC_INFO[key.keySpec].wrappedPrivateKeyFile;
    if (privateKeyFile) {
      encryptedPrivateKey = fileOf(files, keyFilePath(key.keyId, privateKeyFile));
      const n = encryptedPrivateKey.length;
      if (n < 16 || n % 8 !== 0 || n > ENCRYPTED_PRIVATE_KEY_MAX) {
        throw new KeyferryError('BUNDLE_CIPHERTEXT_INVALID', {
          kind: 'aes',
          file: privateKeyFile,
          keyId: key.keyId,
          size: n,
        });
      }
      publicKeyDer = fileOf(files, keyFilePath(key.keyId, WRAPPED_MATERIAL_FILES.publicKey));
      checkPublicKey(key, publicKeyDer);
    }
    if (key.materialExpiresAt !== null && Date.parse(key.materialExpiresAt) <= now.getTime()) {
      warnings.push(
        warningOf('MATERIAL_EXPIRY_PAST', {
          keyId: key.keyId,
          at: Date.parse(key.materialExpiresAt),
          kmsCode: 'KMS.2602',
        }),
      );
    }
    return {
      keyId: key.keyId,
      keySpec: key.keySpec,
      wrappingAlgorithm: key.wrappingAlgorithm,
      wrappingKeyFingerprint: key.wrappingKeyFingerprint,
      importTokenSha256: key.importTokenSha256,
      encryptedKeyMaterial,
      encryptedPrivateKey,
      publicKeyDer,
      keyCheckValue: key.keyCheckValue,
      materialExpiresAt: key.materialExpiresAt,
      ...(key.replicaOf !== undefined ? { replicaOf: key.replicaOf } : {}),
    };
  });
  return { keys, warnings };
}
