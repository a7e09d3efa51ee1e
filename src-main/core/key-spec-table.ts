/**
 * The one table of key specs Keyferry can import: for each, its kind, sizes, default usage, how
 * people check the material without seeing it (check-value method), and the console's file name
 * for a wrapped private key. The core (crypto/key-spec.ts), the zod schemas (ipc/schemas/common.ts),
 * the KMS simulator and the renderer all derive from it; tests/core/key-spec-table.test.ts proves
 * they do. Renderer-safe: imports nothing.
 *
 * To add a spec: a row here (the compiler then asks for every field), generation and loading in
 * core/crypto, its check-value method in crypto/evidence.ts if it is a new one, the simulator's
 * material, and its interop test (docs/ARCHITECTURE.md, "Adding a key spec").
 */

/** Every spec, in a fixed order (custody slip payloads carry a spec as its index here: append only). */
export const KEY_SPECS = ['AES_256', 'RSA_2048', 'RSA_3072', 'RSA_4096', 'EC_P256', 'EC_P384'] as const;
export type KeySpec = (typeof KEY_SPECS)[number];

export const WRAPPING_ALGORITHMS = ['RSAES_OAEP_SHA_256', 'RSAES_OAEP_SHA_1'] as const;
export type WrappingAlgorithm = (typeof WRAPPING_ALGORITHMS)[number];

export type KeyUsage = 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY';

/*
 * `checkValue` says how people compare material without seeing it. `aes-ecb-zero-block`: the
 * classic key check value, AES-<bits>-ECB of one zero block, first 3 bytes. `public-key-sha256`:
 * SHA-256 of the public key (SPKI DER). A symmetric spec of another cipher (SM4) needs a method of
 * its own.
 */
interface SymmetricSpec {
  readonly kind: 'symmetric';
  /** Key bits; the material is exactly `materialBytes` = bits / 8 raw bytes. */
  readonly bits: number;
  readonly materialBytes: number;
  readonly checkValue: 'aes-ecb-zero-block';
  readonly defaultUsage: KeyUsage;
  readonly namedCurve?: undefined;
  readonly wrappedPrivateKeyFile?: undefined;
}
interface RsaSpec {
  readonly kind: 'rsa';
  /** Modulus bits. */
  readonly bits: number;
  readonly checkValue: 'public-key-sha256';
  readonly defaultUsage: KeyUsage;
  readonly wrappedPrivateKeyFile: 'out_rsa_private_key.der';
  readonly namedCurve?: undefined;
}
interface EcSpec {
  readonly kind: 'ec';
  /** Node's curve name. */
  readonly namedCurve: 'prime256v1' | 'secp384r1';
  readonly checkValue: 'public-key-sha256';
  readonly defaultUsage: KeyUsage;
  readonly wrappedPrivateKeyFile: 'out_ec_private_key.der';
  readonly bits?: undefined;
}
type KeySpecRow = SymmetricSpec | RsaSpec | EcSpec;

const rsa = (bits: number): RsaSpec => ({
  kind: 'rsa',
  bits,
  checkValue: 'public-key-sha256',
  defaultUsage: 'SIGN_VERIFY',
  wrappedPrivateKeyFile: 'out_rsa_private_key.der',
});
const ec = (namedCurve: EcSpec['namedCurve']): EcSpec => ({
  kind: 'ec',
  namedCurve,
  checkValue: 'public-key-sha256',
  defaultUsage: 'SIGN_VERIFY',
  wrappedPrivateKeyFile: 'out_ec_private_key.der',
});

export const KEY_SPEC_TABLE: { readonly [S in KeySpec]: KeySpecRow } = {
  AES_256: {
    kind: 'symmetric',
    bits: 256,
    materialBytes: 32,
    checkValue: 'aes-ecb-zero-block',
    defaultUsage: 'ENCRYPT_DECRYPT',
  },
  RSA_2048: rsa(2048),
  RSA_3072: rsa(3072),
  RSA_4096: rsa(4096),
  EC_P256: ec('prime256v1'),
  EC_P384: ec('secp384r1'),
};
