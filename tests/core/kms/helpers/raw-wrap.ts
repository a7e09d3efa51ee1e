/** Hand-made wrapped material (bad on purpose) with Node's crypto, independent of the wrapping engine. */
import {
  constants,
  createCipheriv,
  createPublicKey,
  generateKeyPairSync,
  publicEncrypt,
  randomBytes,
} from 'node:crypto';
import { testRsaKeyPair } from '../../crypto/helpers/test-rsa-keys';

const KWP_IV = Buffer.from('A65959A6', 'hex');

/** RSA-OAEP-SHA-256 of `plaintext` under the SPKI DER wrapping key. */
export function oaepWrap(publicKeyDer: Buffer, plaintext: Buffer): Buffer {
  return publicEncrypt(
    {
      key: createPublicKey({ key: publicKeyDer, format: 'der', type: 'spki' }),
      padding: constants.RSA_PKCS1_OAEP_PADDING,
      oaepHash: 'sha256',
    },
    plaintext,
  );
}

/** RFC 5649 wrap of `data` under `kek` (16, 24 or 32 bytes). */
export function kwpWrap(kek: Buffer, data: Buffer): Buffer {
  const cipher = createCipheriv(`id-aes${kek.length * 8}-wrap-pad`, kek, KWP_IV);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

/** A PKCS#8 DER private key of the given kind: RSA a committed test key (never a simulator's wrapping key), EC a fresh one. */
export function pkcs8(kind: 'rsa2048' | 'rsa3072' | 'p256' | 'p384'): { der: Buffer; spki: Buffer } {
  const pair =
    kind === 'rsa2048' || kind === 'rsa3072'
      ? testRsaKeyPair(kind === 'rsa2048' ? 'rsa2048-other' : 'rsa3072')
      : generateKeyPairSync('ec', { namedCurve: kind === 'p256' ? 'prime256v1' : 'secp384r1' });
  return {
    der: pair.privateKey.export({ type: 'pkcs8', format: 'der' }),
    spki: pair.publicKey.export({ type: 'spki', format: 'der' }),
  };
}

/** An asymmetric import: temporary key (of `temporaryKeyBytes`) wrapping `privateKeyDer`. */
export function asymmetricWrap(
  publicKeyDer: Buffer,
  privateKeyDer: Buffer,
  temporaryKeyBytes = 32,
): { encryptedKeyMaterial: Buffer; encryptedPrivateKey: Buffer } {
  const temporary = randomBytes(temporaryKeyBytes);
  return {
    encryptedKeyMaterial: oaepWrap(publicKeyDer, temporary),
    encryptedPrivateKey: kwpWrap(temporary, privateKeyDer),
  };
}
