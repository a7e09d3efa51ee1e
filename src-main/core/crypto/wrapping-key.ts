/**
 * Loading the KMS wrapping key: the console's `wrappingKey_<KeyID>` / `PublicKey.bin` (DER
 * SubjectPublicKeyInfo), the API's `PublicKey.b64` (base64 text, any line breaks) or PEM.
 * Only a sound RSA key of 2048, 3072 or 4096 bits is accepted (rsa-public-key-check.ts); everything
 * else is refused saying what was found.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { KeyferryError } from '../errors';
import { derFingerprint } from './evidence';
import { capitalize, describeKeyObject } from './key-description';
import { looksLikePem, pemLabels } from './pem';
import { findRsaPublicKeyWeakness } from './rsa-public-key-check';

export interface WrappingPublicKey {
  readonly keyObject: KeyObject;
  /** Canonical SubjectPublicKeyInfo DER (byte-identical to the console's DER file). */
  readonly spkiDer: Buffer;
  /** RSA modulus size in bits. */
  readonly bits: number;
  /** SHA-256 of `spkiDer`, lower-case hex: `sha256sum wrappingKey_<KeyID>` prints the same. */
  readonly fingerprint: string;
}

const MAX_WRAPPING_KEY_INPUT = 64 * 1024;
const NEXT_STEP =
  'Use the wrapping key downloaded with the import token (wrappingKey_<KeyID>, PublicKey.bin or PublicKey.b64).';

function refuse(code: string, message: string, cause?: unknown): never {
  throw new KeyferryError(code, message, NEXT_STEP, cause === undefined ? undefined : { cause });
}

function isPrivateKeyDer(der: Buffer): boolean {
  for (const type of ['pkcs8', 'pkcs1', 'sec1'] as const) {
    try {
      createPrivateKey({ key: der, format: 'der', type });
      return true;
    } catch {
      // not this private key format
    }
  }
  return false;
}

function publicKeyFromPem(input: Buffer): KeyObject {
  const labels = pemLabels(input);
  if (labels.some((l) => l.includes('PRIVATE KEY'))) {
    refuse(
      'WRAPPING_KEY_IS_PRIVATE',
      `The wrapping key file is a private key (PEM "${labels.join('", "')}"); the wrapping key is the KMS public key.`,
    );
  }
  if (labels.length !== 1 || (labels[0] !== 'PUBLIC KEY' && labels[0] !== 'RSA PUBLIC KEY')) {
    refuse(
      'WRAPPING_KEY_UNREADABLE',
      `The wrapping key file is PEM with block(s) "${labels.join('", "')}"; expected one "PUBLIC KEY" block.`,
    );
  }
  try {
    return createPublicKey({ key: input, format: 'pem' });
  } catch (error) {
    return refuse(
      'WRAPPING_KEY_UNREADABLE',
      'The wrapping key file is PEM "PUBLIC KEY" but its contents could not be read as a public key.',
      error,
    );
  }
}

function publicKeyFromDer(der: Buffer, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: der, format: 'der', type: 'spki' });
  } catch (error) {
    if (isPrivateKeyDer(der)) {
      refuse(
        'WRAPPING_KEY_IS_PRIVATE',
        `The wrapping key file (${source}) is a private key; the wrapping key is the KMS public key.`,
      );
    }
    return refuse(
      'WRAPPING_KEY_UNREADABLE',
      `The wrapping key file (${source}, ${der.length} bytes) is not a DER SubjectPublicKeyInfo public key.`,
      error,
    );
  }
  const canonical = key.export({ type: 'spki', format: 'der' });
  if (!canonical.equals(der)) {
    refuse(
      'WRAPPING_KEY_NOT_CANONICAL',
      `The wrapping key file (${source}) holds ${der.length} bytes but the public key in it is ${canonical.length} bytes: it has extra or non-canonical data.`,
    );
  }
  return key;
}

function base64Der(input: Buffer): Buffer | undefined {
  const text = input.toString('latin1').replace(/\s+/g, '');
  if (text.length === 0 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  return Buffer.from(text, 'base64');
}

/**
 * Reads a wrapping public key from DER, base64 text or PEM bytes. Refuses anything but a sound RSA
 * key of 2048, 3072 or 4096 bits: this is the one check every wrapping key passes before use.
 */
export function loadWrappingPublicKey(input: Buffer): WrappingPublicKey {
  if (input.length > MAX_WRAPPING_KEY_INPUT) {
    refuse(
      'WRAPPING_KEY_UNREADABLE',
      `The wrapping key file is ${input.length} bytes; a wrapping key is at most a few kilobytes.`,
    );
  }
  if (input.toString('latin1').trim().length === 0) {
    refuse('WRAPPING_KEY_EMPTY', 'The wrapping key file is empty.');
  }
  let key: KeyObject;
  if (looksLikePem(input)) key = publicKeyFromPem(input);
  else if (input[0] === 0x30) key = publicKeyFromDer(input, 'DER');
  else {
    const der = base64Der(input);
    if (der === undefined) {
      refuse(
        'WRAPPING_KEY_UNREADABLE',
        `The wrapping key file (${input.length} bytes) is neither DER, base64 text nor PEM.`,
      );
    }
    key = publicKeyFromDer(der, 'base64 text');
  }
  if (key.asymmetricKeyType !== 'rsa') {
    refuse(
      'WRAPPING_KEY_NOT_RSA',
      `${capitalize(describeKeyObject(key))} was given as the wrapping key; the KMS wrapping key is an RSA key.`,
    );
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  const spkiDer = key.export({ type: 'spki', format: 'der' });
  const fingerprint = derFingerprint(spkiDer);
  const weakness = findRsaPublicKeyWeakness(key);
  if (weakness) {
    throw new KeyferryError('WRAPPING_KEY_WEAK', {
      fingerprint: fingerprint.slice(0, 16),
      bits: 0,
      exponent: '',
      divisor: 0,
      ...weakness,
    });
  }
  return { keyObject: key, spkiDer, bits, fingerprint };
}
