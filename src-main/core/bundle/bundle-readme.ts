/** README.txt of each bundle kind: what the files are and how to finish by hand in the console. */

interface ReadmeFacts {
  readonly ceremonyId: string;
  readonly createdAt: string;
  readonly keys: readonly unknown[];
}

export function importParametersReadme(m: ReadmeFacts): string {
  return [
    `Keyferry import-parameters bundle, ceremony ${m.ceremonyId}, written ${m.createdAt}.`,
    `It carries the wrapping key and import token of ${m.keys.length} key(s) to the air-gapped workstation.`,
    '',
    'Check it with: keyferry bundle verify <this folder>   (compare the digest with the receipt).',
    '',
    'By hand, for each folder keys/<KeyID>/:',
    '  PublicKey.b64    the wrapping key as the API returned it (base64)',
    '  PublicKey.bin    the same key as DER, for: openssl pkeyutl -encrypt -pubin -keyform der -inkey PublicKey.bin',
    '                   -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha256 -in PlaintextKeyMaterial.bin -out EncryptedKeyMaterial.bin',
    '  ImportToken.b64  the import token, to enter in the console\'s "Key import token" field',
    'The wrapping key and token are valid 24 hours; after that, fetch new parameters.',
    '',
  ].join('\n');
}

export function wrappedMaterialReadme(m: ReadmeFacts): string {
  return [
    `Keyferry wrapped-material bundle, ceremony ${m.ceremonyId}, written ${m.createdAt}.`,
    `It carries the wrapped key material of ${m.keys.length} key(s) to the online workstation. Nothing in it is plaintext.`,
    '',
    'Check it with: keyferry bundle verify <this folder>   (compare the digest with the receipt).',
    '',
    "By hand, for each folder keys/<KeyID>/, in the console's Import Key Material dialog:",
    '  EncryptedKeyMaterial.bin   the "Key material" (symmetric keys) or temporary key material (asymmetric keys)',
    '  out_rsa_private_key.der / out_ec_private_key.der   the private key ciphertext (asymmetric keys only)',
    '  public_key.der             the public key of the imported material, to compare after import (asymmetric keys)',
    '',
  ].join('\n');
}
