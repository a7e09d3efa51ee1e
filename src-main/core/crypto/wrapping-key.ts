/**
 * Loading the KMS wrapping key: the console's `wrappingKey_<KeyID>` / `PublicKey.bin` (DER
 * SubjectPublicKeyInfo), the API's `PublicKey.b64` (base64 text, any line breaks) or PEM.
 * Only a sound RSA key of 2048, 3072 or 4096 bits is accepted (rsa-public-key-check.ts); everything
 * else is refused saying what was found.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { KeyferryError, selectedProblem } from '../errors';
import { groupHex } from '../hex-groups';
import { derFingerprint } from './evidence';
import { keyObjectValues } from './key-description';
import { looksLikePem, pemLabels, quotedLabels } from './pem';
import { findRsaPublicKeyWeakness, findRsaWeakness } from './rsa-public-key-check';
import { canonicalRsaSpki, type RsaPublicNumbers } from './rsa-spki';

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

/**
 * Keys that passed every check in this process, by the exact bytes handed in (as a latin1 string, so
 * a lookup hashes nothing: the fingerprint is the one SHA-256 the loader takes of a key). The checks
 * are a pure function of those bytes, so a key read from the bundle and loaded again to wrap (or a
 * bundle read in slices, then checked) is checked once, not twice. Refusals are not kept. Bounded:
 * inputs of MAX_REMEMBERED_INPUT bytes at most (an RSA-4096 key's PEM is about 800), forgotten once
 * full.
 */
const SOUND_KEYS = new Map<string, WrappingPublicKey>();
const MAX_SOUND_KEYS = 4096;
const MAX_REMEMBERED_INPUT = 2048;

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
    throw selectedProblem('WRAPPING_KEY_IS_PRIVATE', { format: 'pem', labels: quotedLabels(labels) });
  }
  if (labels.length !== 1 || (labels[0] !== 'PUBLIC KEY' && labels[0] !== 'RSA PUBLIC KEY')) {
    throw selectedProblem('WRAPPING_KEY_UNREADABLE', { reason: 'pemBlocks', labels: quotedLabels(labels) });
  }
  try {
    return createPublicKey({ key: input, format: 'pem' });
  } catch (error) {
    throw selectedProblem('WRAPPING_KEY_UNREADABLE', { reason: 'pemContents' }, { cause: error });
  }
}

/**
 * The key in `der`, which must be exactly its canonical SubjectPublicKeyInfo encoding (returned as
 * `spkiDer`). An RSA key in OpenSSL's own encoding is recognised as such by the strict reader
 * (rsa-spki.ts), which also gives its numbers, and its key object is made from the RSAPublicKey
 * inside (the same key, read about twenty times faster); anything else is parsed whole, exported
 * again and compared.
 */
function publicKeyFromDer(
  der: Buffer,
  source: 'der' | 'base64',
): { key: KeyObject; spkiDer: Buffer; numbers?: RsaPublicNumbers } {
  const canonical = canonicalRsaSpki(der);
  if (canonical) {
    try {
      const key = createPublicKey({ key: canonical.pkcs1, format: 'der', type: 'pkcs1' });
      return { key, spkiDer: der, numbers: canonical.numbers };
    } catch {
      // OpenSSL refuses the RSAPublicKey: the general path below says why, as for any DER.
    }
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: der, format: 'der', type: 'spki' });
  } catch (error) {
    if (isPrivateKeyDer(der)) {
      throw selectedProblem('WRAPPING_KEY_IS_PRIVATE', { format: 'der', source });
    }
    throw selectedProblem('WRAPPING_KEY_UNREADABLE', { reason: 'der', source, size: der.length }, { cause: error });
  }
  if (canonical) return { key, spkiDer: der, numbers: canonical.numbers };
  const exported = key.export({ type: 'spki', format: 'der' });
  if (!exported.equals(der)) {
    throw new KeyferryError('WRAPPING_KEY_NOT_CANONICAL', { source, size: der.length, keyBytes: exported.length });
  }
  return { key, spkiDer: exported };
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
  const known = input.length <= MAX_REMEMBERED_INPUT ? input.toString('latin1') : undefined;
  // Each caller gets its own copy of the DER bytes (the key object is immutable).
  const sound = known === undefined ? undefined : SOUND_KEYS.get(known);
  if (sound) return { ...sound, spkiDer: Buffer.from(sound.spkiDer) };
  const loaded = checkedWrappingPublicKey(input);
  if (known === undefined) return loaded;
  if (SOUND_KEYS.size >= MAX_SOUND_KEYS) SOUND_KEYS.clear();
  SOUND_KEYS.set(known, { ...loaded, spkiDer: Buffer.from(loaded.spkiDer) });
  return loaded;
}

function checkedWrappingPublicKey(input: Buffer): WrappingPublicKey {
  if (input.length > MAX_WRAPPING_KEY_INPUT) {
    throw selectedProblem('WRAPPING_KEY_UNREADABLE', { reason: 'tooLarge', size: input.length });
  }
  if (input.toString('latin1').trim().length === 0) throw new KeyferryError('WRAPPING_KEY_EMPTY');
  let loaded: { key: KeyObject; spkiDer?: Buffer; numbers?: RsaPublicNumbers };
  if (looksLikePem(input)) loaded = { key: publicKeyFromPem(input) };
  else if (input[0] === 0x30) loaded = publicKeyFromDer(input, 'der');
  else {
    const der = base64Der(input);
    if (der === undefined) {
      throw selectedProblem('WRAPPING_KEY_UNREADABLE', { reason: 'neither', size: input.length });
    }
    loaded = publicKeyFromDer(der, 'base64');
  }
  const { key } = loaded;
  if (key.asymmetricKeyType !== 'rsa') {
    throw new KeyferryError('WRAPPING_KEY_NOT_RSA', keyObjectValues(key));
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  // DER input was checked to be the canonical encoding already: exporting it again gives the same bytes.
  const spkiDer = loaded.spkiDer ?? key.export({ type: 'spki', format: 'der' });
  const fingerprint = derFingerprint(spkiDer);
  const weakness = loaded.numbers ? findRsaWeakness(loaded.numbers) : findRsaPublicKeyWeakness(key);
  if (weakness) {
    throw new KeyferryError('WRAPPING_KEY_WEAK', {
      fingerprint: groupHex(fingerprint.slice(0, 16)),
      bits: 0,
      exponent: '',
      divisor: 0,
      ...weakness,
    });
  }
  return { keyObject: key, spkiDer, bits, fingerprint };
}
