/**
 * The proof that rebuilt material is the material that was split: the AES key check value, or
 * for RSA/EC the SHA-256 of the public key derived from the rebuilt PKCS#8 private key.
 * Computed only through the crypto engine (evidence.ts, load-key-material.ts).
 */
import { timingSafeEqual } from 'node:crypto';
import { derFingerprint, keyCheckValue } from '../crypto/evidence';
import { createKeyMaterial, type KeyMaterial } from '../crypto/key-material';
import { isAsymmetric, symmetricMaterialBytes, type KeySpec } from '../crypto/key-spec';
import { loadKeyMaterial } from '../crypto/load-key-material';
import { SecretBytes } from '../crypto/secret-bytes';
import { KeyferryError, isKeyferryError } from '../errors';
import type { MaterialCheck } from './custody-share';

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Parses asymmetric material with the crypto engine and returns it, or a reason it is not a
 * PKCS#8 private key of `spec` exactly as the engine encodes it. `bytes` stay the caller's.
 */
function loadExactPkcs8(spec: KeySpec, bytes: Buffer): KeyMaterial | string {
  let loaded: KeyMaterial;
  try {
    loaded = loadKeyMaterial(spec, bytes);
  } catch (error) {
    return isKeyferryError(error) ? error.message : `it is not a ${spec} private key`;
  }
  const exact = loaded.secret.use((canonical) => sameBytes(canonical, bytes));
  if (!exact || !loaded.publicKeySpkiDer) {
    loaded.dispose();
    return `it is not a ${spec} private key in PKCS#8 DER exactly as Keyferry encodes it`;
  }
  return loaded;
}

/**
 * The check recorded on every share of `material`. Refuses material that could not be proven
 * after a restore (wrong AES length, non-PKCS#8 or mismatched public key for RSA/EC).
 */
export function materialCheckOf(material: KeyMaterial): MaterialCheck {
  const refuse = (reason: string): never => {
    throw new KeyferryError(
      'CUSTODY_MATERIAL_INVALID',
      `The ${material.spec} key material cannot be split: ${reason}.`,
      'Load the key material again with the right key spec.',
    );
  };
  if (!isAsymmetric(material.spec)) {
    const bytes = symmetricMaterialBytes(material.spec);
    if (material.secret.length !== bytes) refuse(`it holds ${material.secret.length} bytes, not ${bytes}`);
    return { kind: 'kcv', value: keyCheckValue(material.spec, material.secret) };
  }
  const loaded = material.secret.use((bytes) => loadExactPkcs8(material.spec, bytes));
  if (typeof loaded === 'string') return refuse(loaded);
  try {
    const spki = loaded.publicKeySpkiDer as Buffer;
    if (material.publicKeySpkiDer && !sameBytes(material.publicKeySpkiDer, spki))
      refuse('its recorded public key does not belong to its private key');
    return { kind: 'spki-sha256', value: derFingerprint(spki) };
  } finally {
    loaded.dispose();
  }
}

/**
 * Proves `rebuilt` against the recorded check. On success returns KeyMaterial owning `rebuilt`;
 * otherwise returns the reason and zero-fills `rebuilt`.
 */
export function proveRebuiltMaterial(spec: KeySpec, rebuilt: Buffer, expected: MaterialCheck): KeyMaterial | string {
  if (!isAsymmetric(spec)) {
    const bytes = symmetricMaterialBytes(spec);
    if (rebuilt.length !== bytes) {
      rebuilt.fill(0);
      return `the rebuilt material is ${rebuilt.length} bytes, not the ${bytes} of ${spec}`;
    }
    const secret = SecretBytes.from(rebuilt);
    const kcv = keyCheckValue(spec, secret);
    if (expected.kind !== 'kcv' || kcv !== expected.value) {
      secret.dispose();
      return `the rebuilt key's check value ${kcv} differs from the recorded ${expected.value}`;
    }
    return createKeyMaterial(spec, secret);
  }
  const loaded = loadExactPkcs8(spec, rebuilt);
  if (typeof loaded === 'string') {
    rebuilt.fill(0);
    return `the rebuilt bytes do not form the key: ${loaded.replace(/\.$/, '')}`;
  }
  const spki = loaded.publicKeySpkiDer as Buffer;
  loaded.dispose();
  const fingerprint = derFingerprint(spki);
  if (expected.kind !== 'spki-sha256' || fingerprint !== expected.value) {
    rebuilt.fill(0);
    return `the rebuilt key's public-key SHA-256 ${fingerprint} differs from the recorded ${expected.value}`;
  }
  return createKeyMaterial(spec, SecretBytes.from(rebuilt), spki);
}
