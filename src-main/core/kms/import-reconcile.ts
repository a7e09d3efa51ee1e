/**
 * import-key-material is never repeated blindly. When its answer is lost (timeout after sending,
 * dropped connection, 5xx), describe-key decides:
 * - Enabled, with the expiry (and for asymmetric keys the public key) this import asked for:
 *   the import took effect → reported as imported.
 * - still Pending import: it did not take effect → one retry with the same token, if the token
 *   has not expired.
 * - anything else: the outcome is unknown, and the user is told so plainly.
 * A key already Enabled before the import is refused (KMS_KEY_NOT_PENDING_IMPORT), unless the caller
 * says an earlier import of this material was sent and may have taken effect with its answer lost
 * (an earlier session stopped after sending it): then the same comparison decides, as for a lost
 * answer. `beforeSend` runs just before each request goes out, the retry's too (the caller journals each).
 */
import { KmsError, isKmsError, kmsClientError } from './errors';
import { KeyState, type ImportKeyMaterialInput, type ImportOutcome, type KmsKeyInfo } from './types';

interface ImportPort {
  /** One import-key-material call, without retries. */
  sendImport(body: Record<string, unknown>): Promise<void>;
  /** describe-key (a safe read; may retry). */
  describeKey(keyId: string): Promise<KmsKeyInfo>;
  /** get-publickey, as SPKI DER. */
  getPublicKeyDer(keyId: string): Promise<Buffer>;
  now(): Date;
}

/** The request body of import-key-material for `input`. */
function importRequestBody(input: ImportKeyMaterialInput): Record<string, unknown> {
  return {
    key_id: input.keyId,
    import_token: input.importToken,
    encrypted_key_material: input.encryptedKeyMaterial.toString('base64'),
    ...(input.encryptedPrivateKey ? { encrypted_privatekey: input.encryptedPrivateKey.toString('base64') } : {}),
    ...(input.materialExpiresAt ? { expiration_time: Math.floor(input.materialExpiresAt.getTime() / 1000) } : {}),
  };
}

function unknownOutcome(cause: KmsError, info: KmsKeyInfo | undefined): KmsError {
  return kmsClientError(
    'KMS_IMPORT_OUTCOME_UNKNOWN',
    { cause: cause.code, state: info ? String(info.state) : 'none' },
    { ambiguous: true, cause },
  );
}

async function mismatch(
  port: ImportPort,
  input: ImportKeyMaterialInput,
  info: KmsKeyInfo,
): Promise<'expiry' | 'publicKey' | undefined> {
  const wanted = input.materialExpiresAt ? Math.floor(input.materialExpiresAt.getTime() / 1000) * 1000 : undefined;
  if (wanted !== info.materialExpiresAt?.getTime()) return 'expiry';
  if (input.expectedPublicKeyDer) {
    const actual = await port.getPublicKeyDer(input.keyId);
    if (!actual.equals(input.expectedPublicKeyDer)) return 'publicKey';
  }
  return undefined;
}

async function reconcile(
  port: ImportPort,
  input: ImportKeyMaterialInput,
  body: Record<string, unknown>,
  cause: KmsError,
  retried: boolean,
): Promise<ImportOutcome> {
  let info: KmsKeyInfo;
  try {
    info = await port.describeKey(input.keyId);
  } catch {
    throw unknownOutcome(cause, undefined);
  }
  if (info.state === KeyState.Enabled) {
    const differs = await mismatch(port, input, info).catch(() => 'unknown');
    if (differs === 'unknown') throw unknownOutcome(cause, info);
    if (differs) {
      throw kmsClientError('KMS_IMPORT_CONFLICT', { differs }, { cause });
    }
    return { keyId: input.keyId, state: KeyState.Enabled, confirmation: retried ? 'retried' : 'reconciled' };
  }
  if (info.state !== KeyState.PendingImport) throw unknownOutcome(cause, info);
  if (retried) {
    throw kmsClientError('KMS_IMPORT_NOT_APPLIED', {}, { cause });
  }
  if (input.tokenExpiresAt && port.now().getTime() >= input.tokenExpiresAt.getTime()) {
    throw kmsClientError('KMS_IMPORT_TOKEN_EXPIRED', {}, { cause });
  }
  await input.beforeSend?.({ retry: true });
  try {
    await port.sendImport(body);
    return { keyId: input.keyId, state: KeyState.Enabled, confirmation: 'retried' };
  } catch (error) {
    // KMS.0310 here means the first attempt landed after describe-key looked: check again.
    if (isKmsError(error) && (error.ambiguous || error.code === 'KMS.0310'))
      return reconcile(port, input, body, error, true);
    throw error;
  }
}

/** Imports key material, reconciling a lost answer as described above. */
export async function importWithReconciliation(
  port: ImportPort,
  input: ImportKeyMaterialInput,
): Promise<ImportOutcome> {
  const body = importRequestBody(input);
  const before = await port.describeKey(input.keyId);
  if (before.state === KeyState.Enabled && input.earlierAttemptMayHaveLanded) {
    const differs = await mismatch(port, input, before);
    if (differs) throw kmsClientError('KMS_IMPORT_CONFLICT', { differs });
    return { keyId: input.keyId, state: KeyState.Enabled, confirmation: 'reconciled' };
  }
  if (before.state !== KeyState.PendingImport) {
    throw kmsClientError('KMS_KEY_NOT_PENDING_IMPORT', { state: String(before.state) });
  }
  // An earlier send may have landed, so the caller let an expired token through to look: the key is
  // still Pending import, so nothing took effect, and the expired token is not sent (the KMS would refuse it).
  const expired = input.tokenExpiresAt !== undefined && port.now().getTime() >= input.tokenExpiresAt.getTime();
  if (input.earlierAttemptMayHaveLanded && expired) {
    throw kmsClientError('KMS_IMPORT_TOKEN_EXPIRED', {});
  }
  await input.beforeSend?.({ retry: false });
  try {
    await port.sendImport(body);
    return { keyId: input.keyId, state: KeyState.Enabled, confirmation: 'answered' };
  } catch (error) {
    if (!isKmsError(error) || !error.ambiguous) throw error;
    return reconcile(port, input, body, error, false);
  }
}
