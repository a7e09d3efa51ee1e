/**
 * Checking imported material the way the KMS does: RSA-OAEP decryption with the token's wrapping
 * key (KMS.0311), AES key wrap with padding of the private key (RFC 5649; KMS.2609), and a PKCS#8
 * private key of the key's type and size (KMS.2609).
 */
import { constants, createDecipheriv, createPrivateKey, privateDecrypt, type KeyObject } from 'node:crypto';
import { KEY_SPEC_INFO, type KeySpec } from '../crypto/key-spec';
import { simError } from './sim-error';

const KWP_IV = Buffer.from('A65959A6', 'hex');

/** RSA-OAEP decryption of `encrypted` with the wrapping private key; KMS.0311 on failure. */
export function decryptKeyMaterial(
  wrappingPrivateKeyDer: Buffer,
  wrappingAlgorithm: string,
  encrypted: Buffer,
): Buffer {
  try {
    const key = createPrivateKey({ key: wrappingPrivateKeyDer, format: 'der', type: 'pkcs8' });
    return privateDecrypt(
      {
        key,
        padding: constants.RSA_PKCS1_OAEP_PADDING,
        oaepHash: wrappingAlgorithm === 'RSAES_OAEP_SHA_1' ? 'sha1' : 'sha256',
      },
      encrypted,
    );
  } catch {
    throw simError('KMS.0311');
  }
}

/** RFC 5649 unwrap of the private key under the temporary key (16 or 32 bytes); KMS.2609 on failure. */
export function unwrapPrivateKey(temporaryKey: Buffer, wrapped: Buffer): Buffer {
  try {
    const cipher = temporaryKey.length === 16 ? 'id-aes128-wrap-pad' : 'id-aes256-wrap-pad';
    const decipher = createDecipheriv(cipher, temporaryKey, KWP_IV);
    return Buffer.concat([decipher.update(wrapped), decipher.final()]);
  } catch {
    throw simError('KMS.2609', 'The private key could not be unwrapped.');
  }
}

/** Parses a PKCS#8 DER private key and checks it fits `spec`; KMS.2609 otherwise. */
export function privateKeyForSpec(spec: KeySpec, pkcs8Der: Buffer): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pkcs8Der, format: 'der', type: 'pkcs8' });
  } catch {
    throw simError('KMS.2609', 'The private key is not PKCS#8 DER.');
  }
  const info = KEY_SPEC_INFO[spec];
  const details = key.asymmetricKeyDetails ?? {};
  const fits =
    info.kind === 'rsa'
      ? key.asymmetricKeyType === 'rsa' && details.modulusLength === info.bits
      : key.asymmetricKeyType === 'ec' && details.namedCurve === info.namedCurve;
  if (!fits) throw simError('KMS.2609', `The private key is not a ${spec} key.`);
  return key;
}
