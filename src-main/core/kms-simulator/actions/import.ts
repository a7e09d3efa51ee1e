/**
 * get-parameters-for-import, import-key-material and delete-imported-key-material, with every
 * check the KMS makes, in its order: fields, key, token, wrapped material, private key, binding.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  ENCRYPTED_KEY_MATERIAL_PATTERN,
  ENCRYPTED_PRIVATE_KEY_PATTERN,
  IMPORT_TOKEN_PATTERN,
} from '../../kms/api-schemas';
import { isAsymmetric } from '../../crypto/key-spec';
import { findKey, type ActionHandler, type SimContext } from '../context';
import { checkSequence, enumString, keyIdField, optionalInteger, patternString } from '../fields';
import { openImportToken, sealImportToken } from '../import-token';
import { decryptKeyMaterial, privateKeyForSpec, unwrapPrivateKey } from '../material';
import { simError } from '../sim-error';
import type { SimKey } from '../state';

const IMPORT_TOKEN_VALIDITY_MS = 24 * 60 * 60 * 1000;
const WRAPPING_ALGORITHMS = ['RSAES_OAEP_SHA_256', 'RSAES_OAEP_SHA_1'] as const;

function requireExternalPendingImport(key: SimKey): void {
  if (key.origin !== 'external') throw simError('KMS.0309');
  if (key.state !== 5) throw simError('KMS.0310');
}

export const getParametersForImport: ActionHandler = async (ctx, body) => {
  const keyId = keyIdField(body);
  const algorithm = enumString(body, 'wrapping_algorithm', WRAPPING_ALGORITHMS);
  checkSequence(body);
  requireExternalPendingImport(findKey(ctx, keyId));
  const pair = await ctx.pool.take();
  const expiresAt = ctx.now() + IMPORT_TOKEN_VALIDITY_MS;
  const token = sealImportToken(Buffer.from(ctx.state.tokenSecret, 'base64'), {
    keyId,
    wrappingAlgorithm: algorithm,
    wrappingKeyId: pair.id,
    expiresAt,
    privateKeyDer: pair.privateKeyDer,
  });
  pair.privateKeyDer.fill(0);
  return {
    body: {
      key_id: keyId,
      import_token: token,
      expiration_time: Math.floor(expiresAt / 1000),
      public_key: pair.publicKeyDer.toString('base64'),
    },
    changed: false,
  };
};

function fingerprint(ctx: SimContext, material: Buffer): string {
  return createHmac('sha256', Buffer.from(ctx.state.fingerprintSecret, 'base64')).update(material).digest('hex');
}

/** Decrypts and checks the wrapped material; returns the material to store (AES key or PKCS#8). */
function unwrapMaterial(
  key: SimKey,
  wrappingKey: Buffer,
  algorithm: string,
  encrypted: Buffer,
  encryptedPrivateKey: Buffer | undefined,
): Buffer {
  const decrypted = decryptKeyMaterial(wrappingKey, algorithm, encrypted);
  if (!isAsymmetric(key.spec)) {
    if (decrypted.length !== 32) {
      decrypted.fill(0);
      throw simError('KMS.2604');
    }
    return decrypted;
  }
  try {
    if (decrypted.length !== 16 && decrypted.length !== 32) throw simError('KMS.2610');
    if (!encryptedPrivateKey) throw simError('KMS.2608');
    const pkcs8 = unwrapPrivateKey(decrypted, encryptedPrivateKey);
    try {
      return privateKeyForSpec(key.spec, pkcs8).export({ type: 'pkcs8', format: 'der' });
    } finally {
      pkcs8.fill(0);
    }
  } finally {
    decrypted.fill(0);
  }
}

export const importKeyMaterial: ActionHandler = (ctx, body) => {
  const keyId = keyIdField(body);
  const token = patternString(body, 'import_token', IMPORT_TOKEN_PATTERN, true);
  const encrypted = patternString(body, 'encrypted_key_material', ENCRYPTED_KEY_MATERIAL_PATTERN, true);
  const encryptedPrivateKey = patternString(body, 'encrypted_privatekey', ENCRYPTED_PRIVATE_KEY_PATTERN, false);
  const expirationSeconds = optionalInteger(body, 'expiration_time', 'KMS.0202');
  checkSequence(body);

  const key = findKey(ctx, keyId);
  requireExternalPendingImport(key);
  const asymmetric = isAsymmetric(key.spec);
  if (asymmetric && !encryptedPrivateKey) throw simError('KMS.2608');
  if (!asymmetric && encryptedPrivateKey)
    throw simError('KMS.0308', 'Invalid encrypted_privatekey: a symmetric key takes no private key.');

  const claims = openImportToken(Buffer.from(ctx.state.tokenSecret, 'base64'), token);
  if (!claims) throw simError('KMS.2605');
  if (claims.keyId !== keyId) throw simError('KMS.2603');
  const now = ctx.now();
  if (claims.expiresAt <= now) throw simError('KMS.2601');

  if (expirationSeconds !== undefined) {
    if (asymmetric) throw simError('KMS.0308', 'Invalid expiration_time: imported asymmetric material never expires.');
    if (expirationSeconds * 1000 <= now) throw simError('KMS.2602');
  }

  const material = unwrapMaterial(
    key,
    claims.privateKeyDer,
    claims.wrappingAlgorithm,
    Buffer.from(encrypted, 'base64'),
    encryptedPrivateKey ? Buffer.from(encryptedPrivateKey, 'base64') : undefined,
  );
  claims.privateKeyDer.fill(0);
  try {
    const print = fingerprint(ctx, material);
    if (
      key.materialFingerprint &&
      !timingSafeEqual(Buffer.from(key.materialFingerprint, 'hex'), Buffer.from(print, 'hex'))
    ) {
      throw simError('KMS.2606');
    }
    key.materialFingerprint = print;
    key.material = material.toString('base64');
  } finally {
    material.fill(0);
  }
  key.state = 2;
  if (expirationSeconds !== undefined) key.materialExpiresAt = expirationSeconds * 1000;
  else delete key.materialExpiresAt;
  ctx.importsApplied.set(keyId, (ctx.importsApplied.get(keyId) ?? 0) + 1);
  return { body: {}, changed: true };
};

export const deleteImportedKeyMaterial: ActionHandler = (ctx, body) => {
  const keyId = keyIdField(body);
  checkSequence(body);
  const key = findKey(ctx, keyId);
  if (key.origin !== 'external') throw simError('KMS.0309');
  if (isAsymmetric(key.spec)) throw simError('KMS.2702');
  if (key.state !== 2 && key.state !== 3) throw simError('KMS.2701');
  delete key.material;
  delete key.materialExpiresAt;
  key.state = 5;
  return { body: {}, changed: true };
};
