/**
 * The key specs and wrapping algorithms Keyferry accepts, and the reasons it refuses the rest.
 * Never silently accept a spec or algorithm we cannot produce correctly.
 */
import { KeyferryError } from '../errors';

export const KEY_SPECS = ['AES_256', 'RSA_2048', 'RSA_3072', 'RSA_4096', 'EC_P256', 'EC_P384'] as const;
export type KeySpec = (typeof KEY_SPECS)[number];

export const WRAPPING_ALGORITHMS = ['RSAES_OAEP_SHA_256', 'RSAES_OAEP_SHA_1'] as const;
export type WrappingAlgorithm = (typeof WRAPPING_ALGORITHMS)[number];
export const DEFAULT_WRAPPING_ALGORITHM: WrappingAlgorithm = 'RSAES_OAEP_SHA_256';

export type KeyUsage = 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY';

export interface KeySpecInfo {
  readonly spec: KeySpec;
  readonly kind: 'symmetric' | 'rsa' | 'ec';
  /** RSA modulus bits, or AES key bits. */
  readonly bits?: number;
  /** Node's curve name for EC specs. */
  readonly namedCurve?: 'prime256v1' | 'secp384r1';
  readonly defaultUsage: KeyUsage;
  /** The console's file name for the wrapped private key (asymmetric specs). */
  readonly wrappedPrivateKeyFile?: 'out_rsa_private_key.der' | 'out_ec_private_key.der';
}

export const KEY_SPEC_INFO: Readonly<Record<KeySpec, KeySpecInfo>> = {
  AES_256: { spec: 'AES_256', kind: 'symmetric', bits: 256, defaultUsage: 'ENCRYPT_DECRYPT' },
  RSA_2048: {
    spec: 'RSA_2048',
    kind: 'rsa',
    bits: 2048,
    defaultUsage: 'SIGN_VERIFY',
    wrappedPrivateKeyFile: 'out_rsa_private_key.der',
  },
  RSA_3072: {
    spec: 'RSA_3072',
    kind: 'rsa',
    bits: 3072,
    defaultUsage: 'SIGN_VERIFY',
    wrappedPrivateKeyFile: 'out_rsa_private_key.der',
  },
  RSA_4096: {
    spec: 'RSA_4096',
    kind: 'rsa',
    bits: 4096,
    defaultUsage: 'SIGN_VERIFY',
    wrappedPrivateKeyFile: 'out_rsa_private_key.der',
  },
  EC_P256: {
    spec: 'EC_P256',
    kind: 'ec',
    namedCurve: 'prime256v1',
    defaultUsage: 'SIGN_VERIFY',
    wrappedPrivateKeyFile: 'out_ec_private_key.der',
  },
  EC_P384: {
    spec: 'EC_P384',
    kind: 'ec',
    namedCurve: 'secp384r1',
    defaultUsage: 'SIGN_VERIFY',
    wrappedPrivateKeyFile: 'out_ec_private_key.der',
  },
};

export function isAsymmetric(spec: KeySpec): boolean {
  return KEY_SPEC_INFO[spec].kind !== 'symmetric';
}

/** Parses a key spec given by a user or a file; refuses the unimportable and unsupported with the reason. */
export function parseKeySpec(value: string): KeySpec {
  const upper = value.trim().toUpperCase();
  if ((KEY_SPECS as readonly string[]).includes(upper)) return upper as KeySpec;
  if (upper.startsWith('HMAC')) {
    throw new KeyferryError(
      'SPEC_NOT_IMPORTABLE',
      `Key spec ${upper} cannot be imported: the KMS does not support importing key material for HMAC keys.`,
      'Let the KMS generate HMAC keys (origin kms), or choose AES_256, RSA_2048/3072/4096, EC_P256 or EC_P384.',
    );
  }
  if (/^(SM4|SM2|ED25519|SECP256K1)/.test(upper)) {
    throw new KeyferryError(
      'SPEC_NOT_SUPPORTED',
      `Key spec ${upper} is not supported yet: its import format is not confirmed, so Keyferry cannot promise a correct wrap.`,
      'Choose AES_256, RSA_2048, RSA_3072, RSA_4096, EC_P256 or EC_P384.',
    );
  }
  throw new KeyferryError('SPEC_UNKNOWN', `Unknown key spec "${value}".`, `Choose one of ${KEY_SPECS.join(', ')}.`);
}

/** Parses a wrapping algorithm; refuses PKCS#1 v1.5 and SM2 with the reason. */
export function parseWrappingAlgorithm(value: string): WrappingAlgorithm {
  const upper = value.trim().toUpperCase();
  if ((WRAPPING_ALGORITHMS as readonly string[]).includes(upper)) return upper as WrappingAlgorithm;
  if (upper === 'RSAES_PKCS1_V1_5') {
    throw new KeyferryError(
      'ALGORITHM_REFUSED',
      'Wrapping algorithm RSAES_PKCS1_V1_5 is refused: PKCS#1 v1.5 encryption is open to padding-oracle attacks.',
      'Fetch import parameters with RSAES_OAEP_SHA_256 (or RSAES_OAEP_SHA_1 where the region offers nothing newer).',
    );
  }
  if (upper === 'SM2_ENCRYPT') {
    throw new KeyferryError(
      'ALGORITHM_NOT_SUPPORTED',
      'Wrapping algorithm SM2_ENCRYPT is not supported yet: its ciphertext layout is not confirmed.',
      'Fetch import parameters with RSAES_OAEP_SHA_256.',
    );
  }
  throw new KeyferryError(
    'ALGORITHM_UNKNOWN',
    `Unknown wrapping algorithm "${value}".`,
    `Choose one of ${WRAPPING_ALGORITHMS.join(', ')}.`,
  );
}
