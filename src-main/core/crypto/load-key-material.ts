/**
 * Existing key material from a file. AES_256: exactly 32 bytes, given raw, as hex text or as
 * base64 text. RSA/EC: a private key (see private-key-material.ts). Decoding intermediates are
 * wiped; the file bytes stay the caller's to wipe.
 */
import { KeyferryError } from '../errors';
import { createKeyMaterial, type KeyMaterial } from './key-material';
import { KEY_SPEC_INFO, symmetricMaterialBytes, type KeySpec } from './key-spec';
import { looksLikePem, pemLabels, quotedLabels } from './pem';
import { loadPrivateKeyMaterial, loadPrivateKeyMaterialInBackground } from './private-key-material';
import { SecretBytes } from './secret-bytes';
import { decodeBase64Bytes, decodeHexBytes } from './text-codec';

const MAX_MATERIAL_FILE = 64 * 1024;

function symmetricMaterial(spec: KeySpec, fileBytes: Buffer, passphrase: string | undefined): KeyMaterial {
  if (passphrase !== undefined) {
    throw new KeyferryError('MATERIAL_NOT_ENCRYPTED', { kind: 'symmetric', spec });
  }
  if (looksLikePem(fileBytes)) {
    throw new KeyferryError('MATERIAL_WRONG_KIND', { labels: quotedLabels(pemLabels(fileBytes)), spec });
  }
  const { bytes, encoding } = decodeSymmetric(fileBytes);
  const needed = symmetricMaterialBytes(spec);
  if (bytes.length !== needed) {
    const found = bytes.length;
    bytes.fill(0);
    throw new KeyferryError('MATERIAL_WRONG_LENGTH', { found, encoding, spec, needed });
  }
  refuseImplausible(spec, bytes, encoding);
  return createKeyMaterial(spec, SecretBytes.from(bytes));
}

/** Refuses 32 bytes that cannot be random key material: all one value, or printable text. */
function refuseImplausible(spec: KeySpec, bytes: Buffer, encoding: Encoding): void {
  const uniform = bytes.every((b) => b === bytes[0]);
  const text = encoding === 'raw' && bytes.every((b) => b >= 0x20 && b <= 0x7e);
  if (!uniform && !text) return;
  bytes.fill(0);
  throw new KeyferryError('MATERIAL_NOT_RANDOM', { reason: uniform ? 'uniform' : 'text', spec });
}

/** How the symmetric material was written in its file. */
type Encoding = 'hex' | 'base64' | 'raw';

/** Reads hex text, base64 text or raw bytes into a fresh Buffer (the caller's file bytes are untouched). */
function decodeSymmetric(fileBytes: Buffer): { bytes: Buffer; encoding: Encoding } {
  const hex = decodeHexBytes(fileBytes);
  if (hex) return { bytes: hex, encoding: 'hex' };
  const base64 = decodeBase64Bytes(fileBytes);
  if (base64) return { bytes: base64, encoding: 'base64' };
  const raw = Buffer.alloc(fileBytes.length);
  fileBytes.copy(raw);
  return { bytes: raw, encoding: 'raw' };
}

/**
 * Loads existing key material for `spec` from file bytes. Refuses material that does not match
 * the spec, saying what was found. `passphrase` is for encrypted private keys only.
 */
export function loadKeyMaterial(spec: KeySpec, fileBytes: Buffer, passphrase?: string): KeyMaterial {
  checkMaterialFile(fileBytes);
  if (KEY_SPEC_INFO[spec].kind === 'symmetric') return symmetricMaterial(spec, fileBytes, passphrase);
  return loadPrivateKeyMaterial(spec, fileBytes, passphrase);
}

/**
 * `loadKeyMaterial` with a private key's sign/verify self-test on libuv's thread pool (an RSA-4096
 * signature held the event loop for about 7 ms): the same material, the same refusals.
 */
export async function loadKeyMaterialInBackground(
  spec: KeySpec,
  fileBytes: Buffer,
  passphrase?: string,
): Promise<KeyMaterial> {
  checkMaterialFile(fileBytes);
  if (KEY_SPEC_INFO[spec].kind === 'symmetric') return symmetricMaterial(spec, fileBytes, passphrase);
  return loadPrivateKeyMaterialInBackground(spec, fileBytes, passphrase);
}

/** Refuses a material file too large to be key material, or holding nothing but white space. */
function checkMaterialFile(fileBytes: Buffer): void {
  if (fileBytes.length > MAX_MATERIAL_FILE) {
    throw new KeyferryError('MATERIAL_TOO_LARGE', { size: fileBytes.length });
  }
  if (fileBytes.every((c) => c === 0x20 || (c >= 0x09 && c <= 0x0d))) {
    throw new KeyferryError('MATERIAL_EMPTY');
  }
}
