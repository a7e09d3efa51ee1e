/**
 * Wrapping material inside the HSM for import, the guide's "Method 1":
 * - AES_256: C_WrapKey(CKM_RSA_PKCS_OAEP) of the key under the KMS wrapping key, imported as a
 *   session public key; hash and MGF1 match the wrapping algorithm.
 * - RSA/EC: a temporary AES-256 session key; C_WrapKey(KWP or RFC 5649-exact PAD) of the private
 *   key under it; C_WrapKey(OAEP) of the temporary key; the temporary key is then destroyed.
 * The key check value is computed inside the HSM. Only ciphertext and public data come back.
 */
import { KEY_SPEC_INFO, type KeySpec, type WrappingAlgorithm } from '../crypto/key-spec';
import type { WrappedKeyMaterial } from '../crypto/wrap';
import type { WrappingPublicKey } from '../crypto/wrapping-key';
import { derFingerprint } from '../crypto/evidence';
import { KeyferryError } from '../errors';
import { CKA, CKK, CKO } from './attributes';
import { hsmCall } from './hsm-error';
import { generateAesKey, generateKeyPair, type HsmMaterialKey } from './hsm-keys';
import type { HsmSession } from './hsm-session';
import { CKZ_DATA_SPECIFIED, MECHANISM, MGF1 } from './mechanisms';
import { attributeValuesSchema, handleSchema, wrappedBytesSchema } from './pkcs11-answers';

const CK_PARAMS_RSA_OAEP = 4;

/** How this token computes an AES key check value: the CKA_CHECK_VALUE attribute, or AES-ECB of a zero block. */
export type KcvMethod = 'check-value' | 'ecb';

/** The private-key wrap mechanism chosen for this token. */
export type PrivateKeyWrapMechanism = typeof MECHANISM.CKM_AES_KEY_WRAP_KWP | typeof MECHANISM.CKM_AES_KEY_WRAP_PAD;

/** The CKM_RSA_PKCS_OAEP mechanism with hash and MGF1 matching `algorithm`. */
function oaepMechanism(algorithm: WrappingAlgorithm): {
  mechanism: number;
  parameter: { type: number; hashAlg: number; mgf: number; source: number };
} {
  const sha256 = algorithm === 'RSAES_OAEP_SHA_256';
  return {
    mechanism: MECHANISM.CKM_RSA_PKCS_OAEP,
    parameter: {
      type: CK_PARAMS_RSA_OAEP,
      hashAlg: sha256 ? MECHANISM.CKM_SHA256 : MECHANISM.CKM_SHA_1,
      mgf: sha256 ? MGF1.SHA256 : MGF1.SHA_1,
      source: CKZ_DATA_SPECIFIED,
    },
  };
}

/** Imports the KMS wrapping public key as a session object allowed only to wrap. */
export function importWrappingKey(session: HsmSession, wrappingKey: WrappingPublicKey): Buffer {
  const jwk = wrappingKey.keyObject.export({ format: 'jwk' });
  const { n, e } = jwk;
  if (jwk.kty !== 'RSA' || !n || !e) throw new TypeError('importWrappingKey: not an RSA key');
  const handle = handleSchema.parse(
    hsmCall('import', () =>
      session.p11.C_CreateObject(session.handle, [
        { type: CKA.CLASS, value: CKO.PUBLIC_KEY },
        { type: CKA.KEY_TYPE, value: CKK.RSA },
        { type: CKA.TOKEN, value: false },
        { type: CKA.LABEL, value: `keyferry wrapping key ${wrappingKey.fingerprint.slice(0, 16)}` },
        { type: CKA.WRAP, value: true },
        { type: CKA.ENCRYPT, value: false },
        { type: CKA.VERIFY, value: false },
        { type: CKA.MODULUS, value: Buffer.from(n, 'base64url') },
        { type: CKA.PUBLIC_EXPONENT, value: Buffer.from(e, 'base64url') },
      ]),
    ),
  );
  return session.trackTemporary(handle);
}

function wrapKey(session: HsmSession, mechanism: object, wrapping: Buffer, key: Buffer): Buffer {
  const out = Buffer.alloc(16 * 1024);
  return Buffer.from(
    wrappedBytesSchema.parse(
      hsmCall('wrap', () => session.p11.C_WrapKey(session.handle, mechanism as never, wrapping, key, out)),
    ),
  );
}

/** The fewest base64 characters the KMS's import-key-material takes as encrypted_privatekey (200-6144). */
const KMS_MIN_ENCRYPTED_PRIVATE_KEY_CHARS = 200;

/**
 * How many base64 characters a wrapped private key is when the KMS would refuse it as too short
 * (a token whose PKCS#8 leaves out the optional public key, as SoftHSM's EC keys); null when long enough.
 */
export function privateKeyWrapTooShort(encryptedPrivateKey: Buffer): number | null {
  const chars = encryptedPrivateKey.toString('base64').length;
  return chars < KMS_MIN_ENCRYPTED_PRIVATE_KEY_CHARS ? chars : null;
}

/**
 * The capability check's trial of a private-key wrap (DESIGN rule 9): a session key pair of `spec`
 * (gone with the session, destroyed here) wrapped with `mechanism` under a session AES key, as the
 * ceremony's wrap does; the base64 length the KMS would refuse as too short, else null.
 */
export function trialPrivateKeyWrapTooShort(session: HsmSession, spec: KeySpec, mechanism: number): number | null {
  const pair = generateKeyPair(session, spec, {
    token: false,
    label: 'keyferry capability trial',
    id: Buffer.from('trial'),
  });
  const temporary = generateAesKey(
    session,
    { token: false, label: 'keyferry temporary key', id: Buffer.from('temporary') },
    { encrypt: false, wrap: true },
  );
  try {
    return privateKeyWrapTooShort(wrapKey(session, { mechanism }, temporary, pair.handle));
  } finally {
    session.destroy(temporary);
    session.destroy(pair.handle);
  }
}

/** C_WrapKey with OAEP; the result must be exactly one RSA block of the wrapping key. */
export function oaepWrap(
  session: HsmSession,
  wrappingKey: WrappingPublicKey,
  wrappingHandle: Buffer,
  key: Buffer,
  algorithm: WrappingAlgorithm,
): Buffer {
  const wrapped = wrapKey(session, oaepMechanism(algorithm), wrappingHandle, key);
  if (wrapped.length !== Math.ceil(wrappingKey.bits / 8)) {
    throw new KeyferryError('HSM_WRAP_INVALID', {
      detail: `OAEP wrap of ${wrapped.length} bytes under an RSA-${wrappingKey.bits} key (expected ${Math.ceil(wrappingKey.bits / 8)})`,
    });
  }
  return wrapped;
}

/** The key check value of an AES key inside the HSM: first 3 bytes of AES-ECB(key, zero block), upper-case hex. */
export function hsmKeyCheckValue(session: HsmSession, key: Buffer, method: KcvMethod): string {
  if (method === 'check-value') {
    const answer = attributeValuesSchema.parse(
      hsmCall('kcv', () => session.p11.C_GetAttributeValue(session.handle, key, [{ type: CKA.CHECK_VALUE }])),
    );
    const value = answer[0]?.value;
    if (!value || value.length < 3)
      throw new KeyferryError('HSM_ANSWER_INVALID', { detail: 'CKA_CHECK_VALUE shorter than 3 bytes' });
    return value.subarray(0, 3).toString('hex').toUpperCase();
  }
  return encryptAesBlock(session, key, Buffer.alloc(16)).subarray(0, 3).toString('hex').toUpperCase();
}

/** `block` (16 bytes) encrypted under the AES key `key` in the token (CKM_AES_ECB; the key must allow encrypting). */
export function encryptAesBlock(session: HsmSession, key: Buffer, block: Buffer): Buffer {
  const encrypted = hsmCall('kcv', () => {
    session.p11.C_EncryptInit(session.handle, { mechanism: MECHANISM.CKM_AES_ECB }, key);
    return session.p11.C_Encrypt(session.handle, block, Buffer.alloc(16));
  });
  if (encrypted.length !== 16)
    throw new KeyferryError('HSM_ANSWER_INVALID', { detail: `CKM_AES_ECB block of ${encrypted.length} bytes` });
  return encrypted;
}

interface HsmWrapOptions {
  readonly algorithm: WrappingAlgorithm;
  readonly wrappingKey: WrappingPublicKey;
  readonly kcvMethod: KcvMethod;
  readonly privateKeyWrap: PrivateKeyWrapMechanism | null;
}

/**
 * Wraps one HSM material key for import. Returns the same shape as the software wrap, so the
 * bundle, receipt and proofs treat both alike. Temporary objects are destroyed before returning.
 */
export function wrapHsmKey(session: HsmSession, material: HsmMaterialKey, options: HsmWrapOptions): WrappedKeyMaterial {
  const { algorithm, wrappingKey } = options;
  const wrappingHandle = importWrappingKey(session, wrappingKey);
  try {
    if (KEY_SPEC_INFO[material.spec].kind === 'symmetric') {
      const keyCheckValue = hsmKeyCheckValue(session, material.handle, options.kcvMethod);
      const encryptedKeyMaterial = oaepWrap(session, wrappingKey, wrappingHandle, material.handle, algorithm);
      return {
        spec: material.spec,
        algorithm,
        encryptedKeyMaterial,
        evidence: { wrappingKeyFingerprint: wrappingKey.fingerprint, keyCheckValue },
      };
    }
    if (!material.publicKeySpkiDer) throw new TypeError('wrapHsmKey: asymmetric material without a public key');
    if (options.privateKeyWrap === null) {
      throw new KeyferryError('HSM_AES_WRAP_MISSING', {
        token: session.identity.label,
        spec: material.spec,
        listed: 0,
      });
    }
    const temporary = generateAesKey(
      session,
      { token: false, label: 'keyferry temporary key', id: Buffer.from('temporary') },
      { encrypt: false, wrap: true },
    );
    try {
      const encryptedPrivateKey = wrapKey(session, { mechanism: options.privateKeyWrap }, temporary, material.handle);
      if (encryptedPrivateKey.length % 8 !== 0 || encryptedPrivateKey.length < 24) {
        throw new KeyferryError('HSM_WRAP_INVALID', {
          detail: `AES key wrap of ${encryptedPrivateKey.length} bytes, not whole 8-byte blocks`,
        });
      }
      const encryptedKeyMaterial = oaepWrap(session, wrappingKey, wrappingHandle, temporary, algorithm);
      return {
        spec: material.spec,
        algorithm,
        encryptedKeyMaterial,
        encryptedPrivateKey,
        publicKeySpkiDer: material.publicKeySpkiDer,
        evidence: {
          wrappingKeyFingerprint: wrappingKey.fingerprint,
          publicKeyFingerprint: derFingerprint(material.publicKeySpkiDer),
        },
      };
    } finally {
      session.destroy(temporary);
    }
  } finally {
    session.destroy(wrappingHandle);
  }
}
