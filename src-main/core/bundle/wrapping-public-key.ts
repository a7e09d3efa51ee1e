/**
 * Checks a wrapping public key found in a bundle or a console file: DER SubjectPublicKeyInfo,
 * RSA, at least 2048 bits, no trailing bytes.
 *
 * TODO(crypto): switch to `loadWrappingPublicKey` from `../crypto` once it exists; this small
 * check keeps bundles independent of the wrapping engine meanwhile.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { KeyferryError } from '../errors';
import { sha256Hex } from '../fs/durable-file';

export interface WrappingPublicKey {
  /** The DER SubjectPublicKeyInfo bytes. */
  readonly spkiDer: Buffer;
  /** SHA-256 of `spkiDer`, lower-case hex. */
  readonly fingerprint: string;
  /** RSA modulus length. */
  readonly bits: number;
}

export const MIN_WRAPPING_KEY_BITS = 2048;
export const MAX_WRAPPING_KEY_BITS = 8192;

/** Parses and checks a wrapping key; `where` names it in the error ("the wrapping key of key X"). */
export function checkWrappingPublicKey(der: Uint8Array, where: string, code = 'WRAPPING_KEY_INVALID'): WrappingPublicKey {
  const spkiDer = Buffer.from(der);
  let key: KeyObject;
  try {
    key = createPublicKey({ key: spkiDer, format: 'der', type: 'spki' });
  } catch {
    throw invalid(code, `${where} is not a DER public key (SubjectPublicKeyInfo).`);
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw invalid(code, `${where} is a ${key.asymmetricKeyType ?? 'unknown'} key; the KMS wraps with RSA keys only.`);
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_WRAPPING_KEY_BITS || bits > MAX_WRAPPING_KEY_BITS) {
    throw invalid(code, `${where} is RSA-${bits}; Keyferry wraps only under RSA keys of ${MIN_WRAPPING_KEY_BITS} to ${MAX_WRAPPING_KEY_BITS} bits.`);
  }
  const canonical = key.export({ format: 'der', type: 'spki' });
  if (!canonical.equals(spkiDer)) {
    throw invalid(code, `${where} has extra or non-canonical bytes around the public key.`);
  }
  return { spkiDer, fingerprint: sha256Hex(spkiDer), bits };
}

function invalid(code: string, message: string): KeyferryError {
  return new KeyferryError(code, message, 'Fetch the wrapping key again (get-parameters-for-import or the console download) and use that file.');
}
