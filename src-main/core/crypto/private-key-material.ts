/**
 * Existing private keys as key material: PEM or DER, PKCS#1, PKCS#8 or SEC1, encrypted PEM or
 * PKCS#8 with a passphrase. The key must match the spec (type, RSA size, curve) exactly.
 * The file bytes stay the caller's to wipe; the PKCS#8 DER made here is owned by SecretBytes.
 */
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { KeyferryError } from '../errors';
import { capitalize, describeKeyObject } from './key-description';
import { createKeyMaterial, type KeyMaterial } from './key-material';
import { KEY_SPEC_INFO, type KeySpec } from './key-spec';
import { hasLegacyPemEncryption, looksLikePem, pemLabels } from './pem';
import { SecretBytes } from './secret-bytes';

const PRIVATE_LABELS = ['PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY'];
const PUBLIC_LABELS = ['PUBLIC KEY', 'RSA PUBLIC KEY', 'CERTIFICATE', 'TRUSTED CERTIFICATE'];

function refuse(code: string, message: string, nextStep: string, cause?: unknown): never {
  throw new KeyferryError(code, message, nextStep, cause === undefined ? undefined : { cause });
}

const FORMATS_STEP = 'Give the private key as PEM or DER (PKCS#8, PKCS#1 or SEC1), for example from "openssl genpkey".';

function passphraseChecks(encrypted: boolean, passphrase: string | undefined): void {
  if (encrypted && passphrase === undefined) {
    refuse(
      'MATERIAL_PASSPHRASE_MISSING',
      'The private key file is encrypted and no passphrase was given.',
      'Give the passphrase (on the command line: --passphrase-env NAME, with the passphrase in that environment variable).',
    );
  }
  if (!encrypted && passphrase !== undefined) {
    refuse(
      'MATERIAL_NOT_ENCRYPTED',
      'A passphrase was given but the private key file is not encrypted.',
      'Check that this is the file you meant; drop the passphrase for an unencrypted key.',
    );
  }
}

function wrongPassphrase(cause: unknown): never {
  return refuse(
    'MATERIAL_PASSPHRASE_WRONG',
    'The private key file could not be decrypted with the passphrase given (wrong passphrase or damaged file).',
    'Check the passphrase and try again.',
    cause,
  );
}

function privateKeyFromPem(bytes: Buffer, passphrase: string | undefined): KeyObject {
  const labels = pemLabels(bytes);
  const privateBlocks = labels.filter((l) => PRIVATE_LABELS.includes(l));
  if (privateBlocks.length === 0) {
    if (labels.some((l) => PUBLIC_LABELS.includes(l))) {
      refuse(
        'MATERIAL_IS_PUBLIC_KEY',
        `The key material file holds a public key or certificate (PEM "${labels.join('", "')}"), not a private key.`,
        FORMATS_STEP,
      );
    }
    refuse(
      'MATERIAL_UNREADABLE',
      `The key material file is PEM with block(s) "${labels.join('", "')}", none of them a private key.`,
      FORMATS_STEP,
    );
  }
  if (privateBlocks.length > 1) {
    refuse(
      'MATERIAL_AMBIGUOUS',
      `The key material file holds ${privateBlocks.length} private keys; Keyferry will not guess which one to import.`,
      'Give a file holding exactly one private key.',
    );
  }
  const encrypted = privateBlocks[0] === 'ENCRYPTED PRIVATE KEY' || hasLegacyPemEncryption(bytes);
  passphraseChecks(encrypted, passphrase);
  try {
    return createPrivateKey(encrypted ? { key: bytes, format: 'pem', passphrase } : { key: bytes, format: 'pem' });
  } catch (error) {
    if (encrypted) wrongPassphrase(error);
    return refuse(
      'MATERIAL_UNREADABLE',
      `The key material file is PEM "${privateBlocks[0]}" but could not be read as a private key.`,
      FORMATS_STEP,
      error,
    );
  }
}

function privateKeyFromDer(bytes: Buffer, passphrase: string | undefined): KeyObject {
  let encrypted = false;
  for (const type of ['pkcs8', 'pkcs1', 'sec1'] as const) {
    try {
      const key = createPrivateKey({ key: bytes, format: 'der', type });
      passphraseChecks(false, passphrase);
      return key;
    } catch (error) {
      if (error instanceof KeyferryError) throw error;
      if ((error as NodeJS.ErrnoException).code === 'ERR_MISSING_PASSPHRASE') encrypted = true;
    }
  }
  if (encrypted) {
    passphraseChecks(true, passphrase);
    try {
      return createPrivateKey({ key: bytes, format: 'der', type: 'pkcs8', passphrase });
    } catch (error) {
      return wrongPassphrase(error);
    }
  }
  try {
    createPublicKey({ key: bytes, format: 'der', type: 'spki' });
  } catch {
    return refuse(
      'MATERIAL_UNREADABLE',
      `The key material file (${bytes.length} bytes of DER) is not a PKCS#8, PKCS#1 or SEC1 private key.`,
      FORMATS_STEP,
    );
  }
  return refuse(
    'MATERIAL_IS_PUBLIC_KEY',
    'The key material file holds a public key (DER SubjectPublicKeyInfo), not a private key.',
    FORMATS_STEP,
  );
}

/** Refuses a private key whose type, RSA size or curve differs from `spec`, saying what it is. */
export function checkPrivateKeyMatchesSpec(spec: KeySpec, key: KeyObject): void {
  const info = KEY_SPEC_INFO[spec];
  const details = key.asymmetricKeyDetails ?? {};
  const matches =
    (info.kind === 'rsa' && key.asymmetricKeyType === 'rsa' && details.modulusLength === info.bits) ||
    (info.kind === 'ec' && key.asymmetricKeyType === 'ec' && details.namedCurve === info.namedCurve);
  if (!matches) {
    refuse(
      'MATERIAL_SPEC_MISMATCH',
      `${capitalize(describeKeyObject(key))} was given for ${spec}.`,
      `Give a key that matches ${spec}, or create the KMS key with the spec of this key.`,
    );
  }
}

/** Signs and verifies one message to prove the private and public halves belong together. */
function selfTest(key: KeyObject, publicKey: KeyObject): void {
  const message = Buffer.from('keyferry key material self-test');
  let ok = false;
  try {
    ok = verify('sha256', message, publicKey, sign('sha256', message, key));
  } catch {
    ok = false;
  }
  if (!ok) {
    refuse(
      'MATERIAL_INCONSISTENT',
      'The private key failed a sign-and-verify self-test: its parts do not belong together.',
      'The file is damaged. Use an intact copy of the private key.',
    );
  }
}

/** Checks a private key against `spec` and a sign/verify self-test; returns its public key as SPKI DER. */
export function inspectPrivateKey(spec: KeySpec, key: KeyObject): Buffer {
  checkPrivateKeyMatchesSpec(spec, key);
  const publicKey = createPublicKey(key);
  selfTest(key, publicKey);
  return publicKey.export({ type: 'spki', format: 'der' });
}

/** Turns a private KeyObject into KeyMaterial (PKCS#8 DER) after checking spec and consistency. */
export function keyMaterialFromPrivateKey(spec: KeySpec, key: KeyObject): KeyMaterial {
  const spkiDer = inspectPrivateKey(spec, key);
  return createKeyMaterial(spec, SecretBytes.from(key.export({ type: 'pkcs8', format: 'der' })), spkiDer);
}

/** Reads a private key file (PEM or DER; PKCS#8, PKCS#1 or SEC1; optionally encrypted) for `spec`. */
export function loadPrivateKeyMaterial(spec: KeySpec, fileBytes: Buffer, passphrase?: string): KeyMaterial {
  if (looksLikePem(fileBytes)) return keyMaterialFromPrivateKey(spec, privateKeyFromPem(fileBytes, passphrase));
  if (fileBytes[0] === 0x30) return keyMaterialFromPrivateKey(spec, privateKeyFromDer(fileBytes, passphrase));
  return refuse(
    'MATERIAL_UNREADABLE',
    `The key material file (${fileBytes.length} bytes) is neither PEM nor DER; ${spec} needs a private key.`,
    FORMATS_STEP,
  );
}
