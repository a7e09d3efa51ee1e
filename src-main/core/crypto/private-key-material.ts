/**
 * Existing private keys as key material: PEM or DER, PKCS#1, PKCS#8 or SEC1, encrypted PEM or
 * PKCS#8 with a passphrase. The key must match the spec (type, RSA size, curve) exactly.
 * The file bytes stay the caller's to wipe; the PKCS#8 DER made here is owned by SecretBytes.
 */
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { KeyferryError, selectedProblem } from '../errors';
import { keyObjectValues } from './key-description';
import { createKeyMaterial, type KeyMaterial } from './key-material';
import { KEY_SPEC_INFO, type KeySpec } from './key-spec';
import { hasLegacyPemEncryption, looksLikePem, pemLabels, quotedLabels } from './pem';
import { SecretBytes } from './secret-bytes';

const PRIVATE_LABELS = ['PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY'];
const PUBLIC_LABELS = ['PUBLIC KEY', 'RSA PUBLIC KEY', 'CERTIFICATE', 'TRUSTED CERTIFICATE'];

function passphraseChecks(encrypted: boolean, passphrase: string | undefined): void {
  if (encrypted && passphrase === undefined) {
    throw new KeyferryError('MATERIAL_PASSPHRASE_MISSING');
  }
  if (!encrypted && passphrase !== undefined) {
    throw selectedProblem('MATERIAL_NOT_ENCRYPTED', { kind: 'privateKey' });
  }
}

function wrongPassphrase(cause: unknown): never {
  throw new KeyferryError('MATERIAL_PASSPHRASE_WRONG', {}, { cause });
}

function privateKeyFromPem(bytes: Buffer, passphrase: string | undefined): KeyObject {
  const labels = pemLabels(bytes);
  const privateBlocks = labels.filter((l) => PRIVATE_LABELS.includes(l));
  if (privateBlocks.length === 0) {
    if (labels.some((l) => PUBLIC_LABELS.includes(l))) {
      throw selectedProblem('MATERIAL_IS_PUBLIC_KEY', { format: 'pem', labels: quotedLabels(labels) });
    }
    throw selectedProblem('MATERIAL_UNREADABLE', { reason: 'pemBlocks', labels: quotedLabels(labels) });
  }
  if (privateBlocks.length > 1) {
    throw new KeyferryError('MATERIAL_AMBIGUOUS', { count: privateBlocks.length });
  }
  const encrypted = privateBlocks[0] === 'ENCRYPTED PRIVATE KEY' || hasLegacyPemEncryption(bytes);
  passphraseChecks(encrypted, passphrase);
  try {
    return createPrivateKey(encrypted ? { key: bytes, format: 'pem', passphrase } : { key: bytes, format: 'pem' });
  } catch (error) {
    if (encrypted) wrongPassphrase(error);
    throw selectedProblem(
      'MATERIAL_UNREADABLE',
      { reason: 'pemContents', labels: quotedLabels(privateBlocks.slice(0, 1)) },
      { cause: error },
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
    throw selectedProblem('MATERIAL_UNREADABLE', { reason: 'der', size: bytes.length });
  }
  throw selectedProblem('MATERIAL_IS_PUBLIC_KEY', { format: 'der' });
}

/** Refuses a private key whose type, RSA size or curve differs from `spec`, saying what it is. */
function checkPrivateKeyMatchesSpec(spec: KeySpec, key: KeyObject): void {
  const info = KEY_SPEC_INFO[spec];
  const details = key.asymmetricKeyDetails ?? {};
  const matches =
    (info.kind === 'rsa' && key.asymmetricKeyType === 'rsa' && details.modulusLength === info.bits) ||
    (info.kind === 'ec' && key.asymmetricKeyType === 'ec' && details.namedCurve === info.namedCurve);
  if (!matches) {
    throw new KeyferryError('MATERIAL_SPEC_MISMATCH', { ...keyObjectValues(key), spec });
  }
}

const SELF_TEST_MESSAGE = Buffer.from('keyferry key material self-test');

function refuseInconsistent(ok: boolean): void {
  if (!ok) {
    throw new KeyferryError('MATERIAL_INCONSISTENT');
  }
}

/** Signs and verifies one message to prove the private and public halves belong together. */
function selfTest(key: KeyObject, publicKey: KeyObject): void {
  let ok = false;
  try {
    ok = verify('sha256', SELF_TEST_MESSAGE, publicKey, sign('sha256', SELF_TEST_MESSAGE, key));
  } catch {
    ok = false;
  }
  refuseInconsistent(ok);
}

/**
 * `selfTest` signed and verified on libuv's thread pool (Node's crypto with a callback): an
 * RSA-4096 signature takes about 7 ms, which the event loop no longer waits for (issue 15).
 */
async function selfTestInBackground(key: KeyObject, publicKey: KeyObject): Promise<void> {
  const signature = await promisify(sign)('sha256', SELF_TEST_MESSAGE, key).catch(() => undefined);
  const ok =
    signature !== undefined &&
    (await promisify(verify)('sha256', SELF_TEST_MESSAGE, publicKey, signature).catch(() => false));
  refuseInconsistent(ok);
}

/** The public half of a private key that matches `spec` (else refused, saying what it is). */
function publicKeyOf(spec: KeySpec, key: KeyObject): KeyObject {
  checkPrivateKeyMatchesSpec(spec, key);
  return createPublicKey(key);
}

/** Checks a private key against `spec` and a sign/verify self-test; returns its public key as SPKI DER. */
export function inspectPrivateKey(spec: KeySpec, key: KeyObject): Buffer {
  const publicKey = publicKeyOf(spec, key);
  selfTest(key, publicKey);
  return publicKey.export({ type: 'spki', format: 'der' });
}

/** A checked private key as KeyMaterial (PKCS#8 DER) with its public key. */
function keyMaterialOf(spec: KeySpec, key: KeyObject, publicKey: KeyObject): KeyMaterial {
  const spkiDer = publicKey.export({ type: 'spki', format: 'der' });
  return createKeyMaterial(spec, SecretBytes.from(key.export({ type: 'pkcs8', format: 'der' })), spkiDer);
}

/** The private key of a file: PEM or DER; PKCS#8, PKCS#1 or SEC1; optionally encrypted. */
function privateKeyFromFile(spec: KeySpec, fileBytes: Buffer, passphrase: string | undefined): KeyObject {
  if (looksLikePem(fileBytes)) return privateKeyFromPem(fileBytes, passphrase);
  if (fileBytes[0] === 0x30) return privateKeyFromDer(fileBytes, passphrase);
  throw selectedProblem('MATERIAL_UNREADABLE', { reason: 'neither', size: fileBytes.length, spec });
}

/** Reads a private key file (PEM or DER; PKCS#8, PKCS#1 or SEC1; optionally encrypted) for `spec`. */
export function loadPrivateKeyMaterial(spec: KeySpec, fileBytes: Buffer, passphrase?: string): KeyMaterial {
  const key = privateKeyFromFile(spec, fileBytes, passphrase);
  const publicKey = publicKeyOf(spec, key);
  selfTest(key, publicKey);
  return keyMaterialOf(spec, key, publicKey);
}

/** `loadPrivateKeyMaterial` with its self-test on libuv's thread pool: the same material, the same refusals. */
export async function loadPrivateKeyMaterialInBackground(
  spec: KeySpec,
  fileBytes: Buffer,
  passphrase?: string,
): Promise<KeyMaterial> {
  const key = privateKeyFromFile(spec, fileBytes, passphrase);
  const publicKey = publicKeyOf(spec, key);
  await selfTestInBackground(key, publicKey);
  return keyMaterialOf(spec, key, publicKey);
}
