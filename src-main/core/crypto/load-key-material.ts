/**
 * Existing key material from a file. AES_256: exactly 32 bytes, given raw, as hex text or as
 * base64 text. RSA/EC: a private key (see private-key-material.ts). Decoding intermediates are
 * wiped; the file bytes stay the caller's to wipe.
 */
import { KeyferryError } from '../errors';
import { createKeyMaterial, type KeyMaterial } from './key-material';
import { KEY_SPEC_INFO, symmetricMaterialBytes, type KeySpec } from './key-spec';
import { looksLikePem, pemLabels } from './pem';
import { loadPrivateKeyMaterial } from './private-key-material';
import { SecretBytes } from './secret-bytes';
import { decodeBase64Bytes, decodeHexBytes } from './text-codec';

const MAX_MATERIAL_FILE = 64 * 1024;
const SYMMETRIC_STEP =
  'Give exactly 32 bytes: a 32-byte binary file (e.g. "openssl rand -out key.bin 32"), 64 hex digits or 44 base64 characters.';

function symmetricMaterial(spec: KeySpec, fileBytes: Buffer, passphrase: string | undefined): KeyMaterial {
  if (passphrase !== undefined) {
    throw new KeyferryError(
      'MATERIAL_NOT_ENCRYPTED',
      `A passphrase was given but ${spec} key material is never encrypted.`,
      'Drop the passphrase.',
    );
  }
  if (looksLikePem(fileBytes)) {
    throw new KeyferryError(
      'MATERIAL_WRONG_KIND',
      `A PEM file ("${pemLabels(fileBytes).join('", "')}") was given for ${spec}; ${spec} material is 32 bytes, not a PEM key.`,
      SYMMETRIC_STEP,
    );
  }
  const { bytes, description } = decodeSymmetric(fileBytes);
  const needed = symmetricMaterialBytes(spec);
  if (bytes.length !== needed) {
    const found = bytes.length;
    bytes.fill(0);
    throw new KeyferryError(
      'MATERIAL_WRONG_LENGTH',
      `The key material file holds ${found} bytes (${description}); ${spec} needs exactly ${needed}.`,
      SYMMETRIC_STEP,
    );
  }
  refuseImplausible(spec, bytes, description);
  return createKeyMaterial(spec, SecretBytes.from(bytes));
}

/** Refuses 32 bytes that cannot be random key material: all one value, or printable text. */
function refuseImplausible(spec: KeySpec, bytes: Buffer, description: string): void {
  const uniform = bytes.every((b) => b === bytes[0]);
  const text = description === 'raw bytes' && bytes.every((b) => b >= 0x20 && b <= 0x7e);
  if (!uniform && !text) return;
  bytes.fill(0);
  throw new KeyferryError(
    'MATERIAL_NOT_RANDOM',
    uniform
      ? `The ${spec} key material file holds 32 identical bytes, which cannot be a random key.`
      : `The ${spec} key material file holds 32 characters of printable text, not 32 random bytes.`,
    SYMMETRIC_STEP,
  );
}

/** Reads hex text, base64 text or raw bytes into a fresh Buffer (the caller's file bytes are untouched). */
function decodeSymmetric(fileBytes: Buffer): { bytes: Buffer; description: string } {
  const hex = decodeHexBytes(fileBytes);
  if (hex) return { bytes: hex, description: 'as hex text' };
  const base64 = decodeBase64Bytes(fileBytes);
  if (base64) return { bytes: base64, description: 'as base64 text' };
  const raw = Buffer.alloc(fileBytes.length);
  fileBytes.copy(raw);
  return { bytes: raw, description: 'raw bytes' };
}

/**
 * Loads existing key material for `spec` from file bytes. Refuses material that does not match
 * the spec, saying what was found. `passphrase` is for encrypted private keys only.
 */
export function loadKeyMaterial(spec: KeySpec, fileBytes: Buffer, passphrase?: string): KeyMaterial {
  if (fileBytes.length > MAX_MATERIAL_FILE) {
    throw new KeyferryError(
      'MATERIAL_TOO_LARGE',
      `The key material file is ${fileBytes.length} bytes; key material is at most a few kilobytes.`,
      'Check that you chose the key material file.',
    );
  }
  if (fileBytes.every((c) => c === 0x20 || (c >= 0x09 && c <= 0x0d))) {
    throw new KeyferryError(
      'MATERIAL_EMPTY',
      'The key material file is empty.',
      'Check that you chose the key material file and that it was copied completely.',
    );
  }
  if (KEY_SPEC_INFO[spec].kind === 'symmetric') return symmetricMaterial(spec, fileBytes, passphrase);
  return loadPrivateKeyMaterial(spec, fileBytes, passphrase);
}
