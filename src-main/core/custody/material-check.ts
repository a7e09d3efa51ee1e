/**
 * The proof that rebuilt material is the material that was split: the AES key check value, or
 * for RSA/EC the SHA-256 of the public key derived from the rebuilt PKCS#8 private key.
 * Computed only through the crypto engine (evidence.ts, load-key-material.ts).
 */
import { timingSafeEqual } from 'node:crypto';
import { derFingerprint, keyCheckValue } from '../crypto/evidence';
import { createKeyMaterial, type KeyMaterial } from '../crypto/key-material';
import { isAsymmetric, symmetricMaterialBytes, type KeySpec } from '../crypto/key-spec';
import { loadKeyMaterialInBackground } from '../crypto/load-key-material';
import { SecretBytes } from '../crypto/secret-bytes';
import { causeValues, isKeyferryError, selectedProblem } from '../errors';
import type { MaterialCheck } from './custody-share';

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Why bytes are not the private key of a spec: the engine's refusal (its cause), or not its exact PKCS#8. */
type NotTheKey =
  | { readonly reason: 'form'; readonly form: 'refused'; readonly cause: string; readonly causeValues: string }
  | { readonly reason: 'form'; readonly form: 'notPrivateKey' | 'notExact' };

/**
 * Why rebuilt (or to-be-split) material is not the recorded material, as the values of
 * CUSTODY_RESTORE_MISMATCH / CUSTODY_MATERIAL_INVALID.
 */
export type MaterialProblem =
  | NotTheKey
  | { readonly reason: 'length'; readonly size: number; readonly bytes: number }
  | { readonly reason: 'kcv' | 'fingerprint'; readonly actual: string; readonly expected: string }
  | { readonly reason: 'publicKey' };

export function isMaterialProblem(result: KeyMaterial | MaterialProblem): result is MaterialProblem {
  return 'reason' in result;
}

/** Lends the material's bytes to `fn` (as SecretBytes.use does), for as long as `fn` runs. */
type LendBytes = <T>(fn: (bytes: Buffer) => T) => T;

/**
 * Parses asymmetric material with the crypto engine and returns it, or why it is not a PKCS#8
 * private key of `spec` exactly as the engine encodes it. The bytes stay the caller's: they are
 * read only while lent (twice: parsed, then compared), never across the wait for the engine's
 * sign/verify self-test, which runs on libuv's thread pool (an RSA-4096 key held the event loop
 * for about 7 ms, issue 15).
 */
async function loadExactPkcs8(spec: KeySpec, lend: LendBytes): Promise<KeyMaterial | NotTheKey> {
  let loaded: KeyMaterial;
  try {
    // Parsed (and copied by the engine) before its first wait: nothing reads the bytes after `lend` returns.
    loaded = await lend((bytes) => loadKeyMaterialInBackground(spec, bytes));
  } catch (error) {
    return isKeyferryError(error)
      ? { reason: 'form', form: 'refused', ...causeValues(error) }
      : { reason: 'form', form: 'notPrivateKey' };
  }
  // The caller's material may have been disposed during the self-test's wait (a stop wipes the
  // vault): then `lend` throws, and the engine's copy is wiped before the throw goes on.
  let exact: boolean;
  try {
    exact = loaded.secret.use((canonical) => lend((bytes) => sameBytes(canonical, bytes)));
  } catch (error) {
    loaded.dispose();
    throw error;
  }
  if (!exact || !loaded.publicKeySpkiDer) {
    loaded.dispose();
    return { reason: 'form', form: 'notExact' };
  }
  return loaded;
}

/**
 * The check recorded on every share of `material`. Refuses material that could not be proven
 * after a restore (wrong AES length, non-PKCS#8 or mismatched public key for RSA/EC).
 */
export async function materialCheckOf(material: KeyMaterial): Promise<MaterialCheck> {
  const refuse = (problem: MaterialProblem): never => {
    throw selectedProblem('CUSTODY_MATERIAL_INVALID', { spec: material.spec, ...problem });
  };
  if (!isAsymmetric(material.spec)) {
    const bytes = symmetricMaterialBytes(material.spec);
    if (material.secret.length !== bytes) refuse({ reason: 'length', size: material.secret.length, bytes });
    return { kind: 'kcv', value: keyCheckValue(material.spec, material.secret) };
  }
  const loaded = await loadExactPkcs8(material.spec, (fn) => material.secret.use(fn));
  if (isMaterialProblem(loaded)) return refuse(loaded);
  try {
    const spki = loaded.publicKeySpkiDer as Buffer;
    if (material.publicKeySpkiDer && !sameBytes(material.publicKeySpkiDer, spki)) refuse({ reason: 'publicKey' });
    return { kind: 'spki-sha256', value: derFingerprint(spki) };
  } finally {
    loaded.dispose();
  }
}

/**
 * Proves `rebuilt` against the recorded check. On success returns KeyMaterial owning `rebuilt`;
 * otherwise returns the reason and zero-fills `rebuilt`.
 */
export async function proveRebuiltMaterial(
  spec: KeySpec,
  rebuilt: Buffer,
  expected: MaterialCheck,
): Promise<KeyMaterial | MaterialProblem> {
  if (!isAsymmetric(spec)) {
    const bytes = symmetricMaterialBytes(spec);
    if (rebuilt.length !== bytes) {
      const size = rebuilt.length;
      rebuilt.fill(0);
      return { reason: 'length', size, bytes };
    }
    const secret = SecretBytes.from(rebuilt);
    const kcv = keyCheckValue(spec, secret);
    if (expected.kind !== 'kcv' || kcv !== expected.value) {
      secret.dispose();
      return { reason: 'kcv', actual: kcv, expected: expected.value };
    }
    return createKeyMaterial(spec, secret);
  }
  const loaded = await loadExactPkcs8(spec, (fn) => fn(rebuilt));
  if (isMaterialProblem(loaded)) {
    rebuilt.fill(0);
    return loaded;
  }
  const spki = loaded.publicKeySpkiDer as Buffer;
  loaded.dispose();
  const fingerprint = derFingerprint(spki);
  if (expected.kind !== 'spki-sha256' || fingerprint !== expected.value) {
    rebuilt.fill(0);
    return { reason: 'fingerprint', actual: fingerprint, expected: expected.value };
  }
  return createKeyMaterial(spec, SecretBytes.from(rebuilt), spki);
}
