/**
 * Restore-then-wrap: restored material goes straight into a wrapped-material bundle for a fresh
 * import-parameters bundle, without ever touching disk in plaintext. Used when symmetric
 * material expired in the KMS and must be imported again (the same bytes, KMS.2606).
 */
import { readBundle, writeWrappedMaterialBundle, type WrappedKeyMaterial as BundleKey } from '../bundle';
import type { KeyMaterial } from '../crypto/key-material';
import { isAsymmetric } from '../crypto/key-spec';
import { wrapKeyMaterial } from '../crypto/wrap';
import { loadWrappingPublicKey } from '../crypto/wrapping-key';
import { KeyferryError } from '../errors';

export interface WrapRestoredRequest {
  /** Restored material (from restoreMaterial); left for the caller to dispose. */
  readonly material: KeyMaterial;
  /** The key the material belongs to: the bundle must hold parameters for exactly this key. */
  readonly keyId: string;
  /** Folder of the import-parameters bundle fetched for this key. */
  readonly parametersDir: string;
  /** New folder for the wrapped-material bundle. */
  readonly wrappedOutDir: string;
  /** Clock for the token checks. */
  readonly now: Date;
  /** Symmetric material only: when the KMS should let it expire (omit for never). */
  readonly materialExpiresAt?: Date;
}

export interface WrapRestoredResult {
  readonly ceremonyId: string;
  readonly wrappingKeyFingerprint: string;
  /** SHA-256 of the wrapped bundle's manifest.json. */
  readonly digest: string;
  readonly dir: string;
  readonly files: readonly { readonly name: string; readonly size: number; readonly sha256: string }[];
}

function refuse(code: string, message: string, nextStep: string): never {
  throw new KeyferryError(code, message, nextStep);
}

/**
 * Reads and verifies the import-parameters bundle, wraps the material under the key's wrapping
 * key and writes (and verifies) the wrapped-material bundle into `wrappedOutDir`.
 */
export async function wrapRestoredMaterial(request: WrapRestoredRequest): Promise<WrapRestoredResult> {
  const { material, keyId, now } = request;
  const bundle = await readBundle(request.parametersDir, { now });
  if (bundle.kind !== 'import-parameters') {
    refuse(
      'CUSTODY_REWRAP_WRONG_BUNDLE',
      `${request.parametersDir} is a wrapped-material bundle, not an import-parameters bundle.`,
      'Give the import-parameters bundle fetched for this key.',
    );
  }
  const parameters = bundle.keys.find((k) => k.keyId === keyId);
  if (!parameters) {
    refuse(
      'CUSTODY_REWRAP_KEY_ABSENT',
      `The import-parameters bundle holds no parameters for key ${keyId} (it holds ${bundle.keys.map((k) => k.keyId).join(', ')}).`,
      'Fetch import parameters for this key and try again.',
    );
  }
  if (parameters.keySpec !== material.spec) {
    refuse(
      'CUSTODY_REWRAP_SPEC_MISMATCH',
      `The bundle expects ${parameters.keySpec} material for key ${keyId}, but the shares hold ${material.spec}.`,
      'Check that the shares and the bundle are for the same key.',
    );
  }
  if (request.materialExpiresAt && isAsymmetric(material.spec)) {
    refuse(
      'CUSTODY_REWRAP_EXPIRY_ASYMMETRIC',
      'Only symmetric material can expire in the KMS; imported private keys never expire.',
      'Drop the expiry.',
    );
  }
  if (request.materialExpiresAt && request.materialExpiresAt.getTime() <= now.getTime()) {
    refuse(
      'CUSTODY_REWRAP_EXPIRY_PAST',
      `The expiry ${request.materialExpiresAt.toISOString()} is not in the future.`,
      'Give a future expiry, or none.',
    );
  }
  const wrappingKey = loadWrappingPublicKey(parameters.wrappingKey.spkiDer);
  if (wrappingKey.fingerprint !== parameters.wrappingKey.fingerprint) {
    refuse(
      'WRAPPING_KEY_CHANGED',
      `The wrapping key of key ${keyId} does not match its recorded fingerprint.`,
      'Fetch the import parameters again.',
    );
  }
  const wrapped = wrapKeyMaterial({ material, wrappingKey, algorithm: parameters.wrappingAlgorithm });
  const key: BundleKey = {
    keyId,
    keySpec: parameters.keySpec,
    wrappingAlgorithm: wrapped.algorithm,
    wrappingKeyFingerprint: wrapped.evidence.wrappingKeyFingerprint,
    importTokenSha256: parameters.importToken?.sha256 ?? null,
    encryptedKeyMaterial: wrapped.encryptedKeyMaterial,
    encryptedPrivateKey: wrapped.encryptedPrivateKey ?? null,
    publicKeyDer: wrapped.publicKeySpkiDer ?? null,
    keyCheckValue: wrapped.evidence.keyCheckValue ?? null,
    materialExpiresAt: request.materialExpiresAt?.toISOString() ?? null,
  };
  const written = await writeWrappedMaterialBundle(
    request.wrappedOutDir,
    { ceremonyId: bundle.manifest.ceremonyId, keys: [key] },
    { now },
  );
  return {
    ceremonyId: bundle.manifest.ceremonyId,
    wrappingKeyFingerprint: wrappingKey.fingerprint,
    digest: written.digest,
    dir: written.dir,
    files: written.manifest.files.map((f) => ({ name: f.name, size: f.size, sha256: f.sha256 })),
  };
}
