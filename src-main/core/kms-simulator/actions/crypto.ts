/** encrypt-data, decrypt-data, sign, verify and get-publickey, with the key's own material. */
import {
  constants,
  createPrivateKey,
  createPublicKey,
  privateDecrypt,
  publicEncrypt,
  type KeyObject,
} from 'node:crypto';
import { isAsymmetric } from '../../crypto/key-spec';
import { ciphertextKeyId, openCiphertext, sealCiphertext } from '../ciphertext';
import { findKey, requireEnabled, type ActionHandler } from '../context';
import {
  base64Field,
  checkSequence,
  enumString,
  keyIdField,
  optionalString,
  requiredString,
  type Body,
} from '../fields';
import { simError } from '../sim-error';
import { algorithmFitsSpec, digestOf, hashOf, SIGNING_ALGORITHMS, signDigest, verifyDigest } from '../signing';
import type { SimKey } from '../state';

const ENCRYPTION_ALGORITHMS = ['SYMMETRIC_DEFAULT', 'RSAES_OAEP_SHA_256', 'RSAES_OAEP_SHA_1'] as const;
const MAX_DATA_BYTES = 4096;

function materialOf(key: SimKey): Buffer {
  if (key.material === undefined) throw simError('KMS.1301', 'The key holds no key material.');
  return Buffer.from(key.material, 'base64');
}

function privateKeyOf(key: SimKey): KeyObject {
  const der = materialOf(key);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    der.fill(0);
  }
}

function algorithmFor(key: SimKey, body: Body): (typeof ENCRYPTION_ALGORITHMS)[number] {
  const algorithm = enumString(body, 'encryption_algorithm', ENCRYPTION_ALGORITHMS, 'SYMMETRIC_DEFAULT');
  if (key.usage !== 'ENCRYPT_DECRYPT') throw simError('KMS.0308', 'Invalid key_usage: the key is not for encryption.');
  if ((algorithm === 'SYMMETRIC_DEFAULT') === isAsymmetric(key.spec))
    throw simError('KMS.0308', 'Invalid encryption_algorithm for this key.');
  return algorithm;
}

const oaep = (algorithm: string) => ({
  padding: constants.RSA_PKCS1_OAEP_PADDING,
  oaepHash: algorithm === 'RSAES_OAEP_SHA_1' ? 'sha1' : 'sha256',
});

export const encryptData: ActionHandler = (ctx, body) => {
  const keyId = keyIdField(body);
  const text = requiredString(body, 'plain_text');
  checkSequence(body);
  const key = findKey(ctx, keyId);
  const plaintext = Buffer.from(text, 'utf8');
  if (plaintext.length > MAX_DATA_BYTES) throw simError('KMS.2101');
  const algorithm = algorithmFor(key, body);
  requireEnabled(key);
  let cipherText: string;
  if (algorithm === 'SYMMETRIC_DEFAULT') {
    const aesKey = materialOf(key);
    cipherText = sealCiphertext(key.keyId, aesKey, plaintext);
    aesKey.fill(0);
  } else {
    try {
      cipherText = publicEncrypt({ key: createPublicKey(privateKeyOf(key)), ...oaep(algorithm) }, plaintext).toString(
        'base64',
      );
    } catch {
      throw simError('KMS.2101', 'The data is too long for this key.');
    }
  }
  return { body: { key_id: key.keyId, cipher_text: cipherText }, changed: false };
};

export const decryptData: ActionHandler = (ctx, body) => {
  const blob = base64Field(requiredString(body, 'cipher_text'), 'cipher_text');
  const requested = optionalString(body, 'key_id');
  checkSequence(body);
  const named = ciphertextKeyId(blob);
  const keyId = requested === undefined ? named : keyIdField(body);
  if (keyId === undefined) throw simError('KMS.2201');
  const key = findKey(ctx, keyId);
  const algorithm = algorithmFor(key, body);
  requireEnabled(key);
  let plaintext: Buffer | undefined;
  if (algorithm === 'SYMMETRIC_DEFAULT') {
    if (named !== key.keyId) throw simError('KMS.2201');
    const aesKey = materialOf(key);
    plaintext = openCiphertext(aesKey, blob);
    aesKey.fill(0);
  } else {
    try {
      plaintext = privateDecrypt({ key: privateKeyOf(key), ...oaep(algorithm) }, blob);
    } catch {
      plaintext = undefined;
    }
  }
  if (!plaintext) throw simError('KMS.2201');
  return {
    body: {
      key_id: key.keyId,
      plain_text: plaintext.toString('utf8'),
      plain_text_base64: plaintext.toString('base64'),
    },
    changed: false,
  };
};

/** The key, algorithm and digest of a sign or verify request, after every check. */
function signingRequest(ctx: Parameters<ActionHandler>[0], body: Body) {
  const keyId = keyIdField(body);
  const message = base64Field(requiredString(body, 'message'), 'message');
  const algorithm = enumString(body, 'signing_algorithm', SIGNING_ALGORITHMS);
  const messageType = enumString(body, 'message_type', ['DIGEST', 'RAW'] as const, 'DIGEST');
  checkSequence(body);
  const key = findKey(ctx, keyId);
  if (key.usage !== 'SIGN_VERIFY') throw simError('KMS.0308', 'Invalid key_usage: the key is not for signing.');
  if (!algorithmFitsSpec(algorithm, key.spec))
    throw simError('KMS.0308', `Invalid signing_algorithm for a ${key.spec} key.`);
  const digestLength = hashOf(algorithm) === 'sha384' ? 48 : 32;
  if (messageType === 'DIGEST' ? message.length !== digestLength : message.length > MAX_DATA_BYTES) {
    throw simError('KMS.0308', 'Invalid message: a DIGEST must be exactly one hash long; RAW at most 4096 bytes.');
  }
  requireEnabled(key);
  return { key, algorithm, digest: digestOf(algorithm, message, messageType) };
}

export const sign: ActionHandler = (ctx, body) => {
  const { key, algorithm, digest } = signingRequest(ctx, body);
  const signature = signDigest(privateKeyOf(key), algorithm, digest);
  return { body: { key_id: key.keyId, signature: signature.toString('base64') }, changed: false };
};

export const verify: ActionHandler = (ctx, body) => {
  const signature = base64Field(requiredString(body, 'signature'), 'signature');
  const { key, algorithm, digest } = signingRequest(ctx, body);
  const valid = verifyDigest(createPublicKey(privateKeyOf(key)), algorithm, digest, signature);
  return { body: { key_id: key.keyId, signature_valid: valid ? 'true' : 'false' }, changed: false };
};

export const getPublicKey: ActionHandler = (ctx, body) => {
  const keyId = keyIdField(body);
  checkSequence(body);
  const key = findKey(ctx, keyId);
  if (!isAsymmetric(key.spec)) throw simError('KMS.0308', 'Invalid key_id: a symmetric key has no public key.');
  requireEnabled(key);
  const pem = createPublicKey(privateKeyOf(key)).export({ type: 'spki', format: 'pem' });
  return { body: { key_id: key.keyId, public_key: pem }, changed: false };
};
