/**
 * The key specs and wrapping algorithms Keyferry accepts, and the reasons it refuses the rest.
 * Never silently accept a spec or algorithm we cannot produce correctly.
 */
import { KeyferryError } from '../errors';
import {
  KEY_SPECS,
  KEY_SPEC_TABLE,
  WRAPPING_ALGORITHMS,
  type KeySpec,
  type WrappingAlgorithm,
} from '../key-spec-table';

export {
  KEY_SPECS,
  KEY_SPEC_TABLE as KEY_SPEC_INFO,
  WRAPPING_ALGORITHMS,
  type KeySpec,
  type KeyUsage,
  type WrappingAlgorithm,
} from '../key-spec-table';
import { listValue } from '../../i18n/list';

export const DEFAULT_WRAPPING_ALGORITHM: WrappingAlgorithm = 'RSAES_OAEP_SHA_256';

/** The raw size of a symmetric spec's material in bytes (refuses asymmetric specs: a programming error). */
export function symmetricMaterialBytes(spec: KeySpec): number {
  const row = KEY_SPEC_TABLE[spec];
  if (row.kind !== 'symmetric') throw new Error(`${spec} material is a private key, not raw bytes`);
  return row.materialBytes;
}

export function isAsymmetric(spec: KeySpec): boolean {
  return KEY_SPEC_TABLE[spec].kind !== 'symmetric';
}

/** Parses a key spec given by a user or a file; refuses the unimportable and unsupported with the reason. */
export function parseKeySpec(value: string): KeySpec {
  const upper = value.trim().toUpperCase();
  if ((KEY_SPECS as readonly string[]).includes(upper)) return upper as KeySpec;
  if (upper.startsWith('HMAC')) {
    throw new KeyferryError('SPEC_NOT_IMPORTABLE', { spec: upper });
  }
  if (/^(SM4|SM2|ED25519|SECP256K1)/.test(upper)) {
    throw new KeyferryError('SPEC_NOT_SUPPORTED', { spec: upper, specsList: listValue(KEY_SPECS) });
  }
  throw new KeyferryError('SPEC_UNKNOWN', { value, specsList: listValue(KEY_SPECS) });
}

/** Parses a wrapping algorithm; refuses PKCS#1 v1.5 and SM2 with the reason. */
export function parseWrappingAlgorithm(value: string): WrappingAlgorithm {
  const upper = value.trim().toUpperCase();
  if ((WRAPPING_ALGORITHMS as readonly string[]).includes(upper)) return upper as WrappingAlgorithm;
  if (upper === 'RSAES_PKCS1_V1_5') {
    throw new KeyferryError('ALGORITHM_REFUSED', { algorithm: upper });
  }
  if (upper === 'SM2_ENCRYPT') {
    throw new KeyferryError('ALGORITHM_NOT_SUPPORTED', { algorithm: upper });
  }
  throw new KeyferryError('ALGORITHM_UNKNOWN', { value, algorithmsList: listValue(WRAPPING_ALGORITHMS) });
}
