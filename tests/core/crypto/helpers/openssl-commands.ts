/**
 * The guide's OpenSSL command lines as argument lists for `openssl` (openssl.ts runs them). No
 * Vitest import here: bench/ceremony.bench.ts builds the guide's encrypt command too, outside Vitest.
 */
/**
 * The guide's `openssl pkeyutl -encrypt`: `input` under the DER public key in `publicKey` with
 * RSAES-OAEP and digest `md`, into `output` (the console's EncryptedKeyMaterial.bin).
 */
export function oaepEncryptArgs(input: string, publicKey: string, output: string, md: string): string[] {
  return [
    'pkeyutl',
    '-in',
    input,
    '-inkey',
    publicKey,
    '-out',
    output,
    '-keyform',
    'der',
    '-pubin',
    '-encrypt',
    '-pkeyopt',
    'rsa_padding_mode:oaep',
    '-pkeyopt',
    `rsa_oaep_md:${md}`,
  ];
}

/** The KMS side's `openssl pkeyutl -decrypt` of `input` with `privateKey`: RSAES-OAEP, digest `md`, MGF1 digest `mgf1`. */
export function oaepDecryptArgs(privateKey: string, input: string, md: string, mgf1 = md): string[] {
  return [
    'pkeyutl',
    '-decrypt',
    '-inkey',
    privateKey,
    '-in',
    input,
    '-pkeyopt',
    'rsa_padding_mode:oaep',
    '-pkeyopt',
    `rsa_oaep_md:${md}`,
    '-pkeyopt',
    `rsa_mgf1_md:${mgf1}`,
  ];
}

/** The guide's `openssl enc -d -id-aes256-wrap-pad` of `input` with the temporary AES key `kek` (RFC 5649, IV A65959A6). */
export function kwpUnwrapArgs(kek: Buffer, input: string): string[] {
  return ['enc', '-d', '-id-aes256-wrap-pad', '-K', kek.toString('hex'), '-iv', 'A65959A6', '-in', input];
}
