/**
 * The wrapping engine: key material and wrapping keys read from files, key specs and algorithms,
 * AES key wrap, RSA-OAEP and unwrapping. PEM labels, sizes, specs and algorithms are values.
 */

/** A key's type and size as found ("An RSA-1024 key"), from `keyObjectValues` in core/crypto/key-description.ts. */
const KEY_FOUND =
  '{keyType, select, rsa {An RSA-{keySize} key} rsaPss {An RSA-PSS-{keySize} key (restricted to PSS signatures)} ec {An EC {keySize} key} ed25519 {An Ed25519 key} ed448 {An Ed448 key} x25519 {An X25519 key} x448 {An X448 key} dsa {A DSA-{keySize} key} other {A key of type {keySize}}}';
const SYMMETRIC_STEP =
  'Give exactly 32 bytes: a 32-byte binary file (e.g. "openssl rand -out key.bin 32"), 64 hex digits or 44 base64 characters.';
const FORMATS_STEP = 'Give the private key as PEM or DER (PKCS#8, PKCS#1 or SEC1), for example from "openssl genpkey".';
const WRAPPING_KEY_STEP =
  'Use the wrapping key downloaded with the import token (wrappingKey_<KeyID>, PublicKey.bin or PublicKey.b64).';
const UNWRAP_STEP = 'Wrap the key material again with the wrapping key of this import token.';
const WRAPPING_KEY_SOURCE = '{source, select, base64 {base64 text} other {DER}}';

export const enCrypto = {
  'problem.KWP_BAD_KEK_LENGTH': 'The key-wrapping key is {length} bytes long; AES key wrap needs 16, 24 or 32 bytes.',
  'problem.KWP_BAD_KEK_LENGTH.next': 'Use a 32-byte temporary key (AES-256), as the KMS expects.',
  'problem.KWP_BAD_INPUT_LENGTH': 'AES key wrap was given {length} bytes; it wraps between 1 byte and {max} bytes.',
  'problem.KWP_BAD_INPUT_LENGTH.next': 'Check that the key material was loaded completely.',
  'problem.KWP_BAD_CIPHERTEXT_LENGTH':
    'The wrapped data is {length} bytes long; AES key wrap output is a multiple of 8 bytes, at least 16.',
  'problem.KWP_BAD_CIPHERTEXT_LENGTH.next': 'Check that the wrapped private key file was copied completely.',
  'problem.KWP_UNWRAP_FAILED':
    'The wrapped private key did not pass the AES key wrap integrity check: wrong temporary key or damaged data.',
  'problem.KWP_UNWRAP_FAILED.next':
    'Check that the wrapped private key and the encrypted key material come from the same wrap.',
  'problem.KEYGEN_FAILED':
    'Generating {spec} key material failed{errorCode, select, none {} other { (the crypto library answered {errorCode})}}.',
  'problem.KEYGEN_FAILED.next':
    'Nothing was written. Try again; if it keeps failing, the machine’s crypto library may be broken.',
  'problem.SPEC_NOT_IMPORTABLE':
    'Key spec {spec} cannot be imported: the KMS does not support importing key material for HMAC keys.',
  'problem.SPEC_NOT_IMPORTABLE.next':
    'Let the KMS generate HMAC keys (origin kms), or choose AES_256, RSA_2048/3072/4096, EC_P256 or EC_P384.',
  'problem.SPEC_NOT_SUPPORTED':
    'Key spec {spec} is not supported yet: its import format is not confirmed, so Keyferry cannot promise a correct wrap.',
  'problem.SPEC_NOT_SUPPORTED.next': 'Choose {specsList}.',
  'problem.SPEC_UNKNOWN': 'Unknown key spec "{value}".',
  'problem.SPEC_UNKNOWN.next': 'Choose one of {specsList}.',
  'problem.ALGORITHM_REFUSED':
    'Wrapping algorithm {algorithm} is refused: PKCS#1 v1.5 encryption is open to padding-oracle attacks.',
  'problem.ALGORITHM_REFUSED.next':
    'Fetch import parameters with RSAES_OAEP_SHA_256 (or RSAES_OAEP_SHA_1 where the region offers nothing newer).',
  'problem.ALGORITHM_NOT_SUPPORTED':
    'Wrapping algorithm {algorithm} is not supported yet: its ciphertext layout is not confirmed.',
  'problem.ALGORITHM_NOT_SUPPORTED.next': 'Fetch import parameters with RSAES_OAEP_SHA_256.',
  'problem.ALGORITHM_UNKNOWN': 'Unknown wrapping algorithm "{value}".',
  'problem.ALGORITHM_UNKNOWN.next': 'Choose one of {algorithmsList}.',
  'problem.MATERIAL_NOT_ENCRYPTED':
    '{kind, select, symmetric {A passphrase was given but {spec} key material is never encrypted.} other {A passphrase was given but the private key file is not encrypted.}}',
  'problem.MATERIAL_NOT_ENCRYPTED.next':
    '{kind, select, symmetric {Drop the passphrase.} other {Check that this is the file you meant; drop the passphrase for an unencrypted key.}}',
  'problem.MATERIAL_WRONG_KIND':
    'A PEM file ({labels}) was given for {spec}; {spec} material is 32 bytes, not a PEM key.',
  'problem.MATERIAL_WRONG_KIND.next': SYMMETRIC_STEP,
  'problem.MATERIAL_WRONG_LENGTH':
    'The key material file holds {found} bytes ({encoding, select, hex {as hex text} base64 {as base64 text} other {raw bytes}}); {spec} needs exactly {needed}.',
  'problem.MATERIAL_WRONG_LENGTH.next': SYMMETRIC_STEP,
  'problem.MATERIAL_NOT_RANDOM':
    '{reason, select, uniform {The {spec} key material file holds 32 identical bytes, which cannot be a random key.} other {The {spec} key material file holds 32 characters of printable text, not 32 random bytes.}}',
  'problem.MATERIAL_NOT_RANDOM.next': SYMMETRIC_STEP,
  'problem.MATERIAL_TOO_LARGE': 'The key material file is {size} bytes; key material is at most a few kilobytes.',
  'problem.MATERIAL_TOO_LARGE.next': 'Check that you chose the key material file.',
  'problem.MATERIAL_EMPTY': 'The key material file is empty.',
  'problem.MATERIAL_EMPTY.next': 'Check that you chose the key material file and that it was copied completely.',
  'problem.MATERIAL_PASSPHRASE_MISSING': 'The private key file is encrypted and no passphrase was given.',
  'problem.MATERIAL_PASSPHRASE_MISSING.next':
    '{surface, select, app {Type the passphrase in “Passphrase (encrypted PEM only)”, then press “Load the material” again.} other {Give the passphrase (on the command line: --passphrase-env NAME, with the passphrase in that environment variable).}}',
  'problem.MATERIAL_PASSPHRASE_WRONG':
    'The private key file could not be decrypted with the passphrase given (wrong passphrase or damaged file).',
  'problem.MATERIAL_PASSPHRASE_WRONG.next': 'Check the passphrase and try again.',
  'problem.MATERIAL_IS_PUBLIC_KEY':
    '{format, select, pem {The key material file holds a public key or certificate (PEM {labels}), not a private key.} other {The key material file holds a public key (DER SubjectPublicKeyInfo), not a private key.}}',
  'problem.MATERIAL_IS_PUBLIC_KEY.next': FORMATS_STEP,
  'problem.MATERIAL_UNREADABLE':
    '{reason, select, pemBlocks {The key material file is PEM with block(s) {labels}, none of them a private key.} pemContents {The key material file is PEM {labels} but could not be read as a private key.} der {The key material file ({size} bytes of DER) is not a PKCS#8, PKCS#1 or SEC1 private key.} other {The key material file ({size} bytes) is neither PEM nor DER; {spec} needs a private key.}}',
  'problem.MATERIAL_UNREADABLE.next': FORMATS_STEP,
  'problem.MATERIAL_AMBIGUOUS':
    'The key material file holds {count} private keys; Keyferry will not guess which one to import.',
  'problem.MATERIAL_AMBIGUOUS.next': 'Give a file holding exactly one private key.',
  'problem.MATERIAL_SPEC_MISMATCH': `${KEY_FOUND} was given for {spec}.`,
  'problem.MATERIAL_SPEC_MISMATCH.next':
    'Give a key that matches {spec}, or create the KMS key with the spec of this key.',
  'problem.MATERIAL_INCONSISTENT':
    'The private key failed a sign-and-verify self-test: its parts do not belong together.',
  'problem.MATERIAL_INCONSISTENT.next': 'The file is damaged. Use an intact copy of the private key.',
  'problem.RSA_OAEP_DECRYPT_FAILED':
    'The encrypted key material could not be decrypted with {algorithm}: wrong wrapping key, wrong algorithm or damaged data.',
  'problem.RSA_OAEP_DECRYPT_FAILED.next':
    'Wrap the material again with the wrapping key and algorithm of this import token.',
  'problem.SECRET_DISPOSED': 'The key material was already wiped from memory and cannot be used again.',
  'problem.SECRET_DISPOSED.next': 'Load or generate the key material again for this step.',
  'problem.UNWRAP_TEMPORARY_KEY_LENGTH': 'The temporary key is {length} bytes; it must be 16 or 32 (KMS.2610).',
  'problem.UNWRAP_TEMPORARY_KEY_LENGTH.next': UNWRAP_STEP,
  'problem.UNWRAP_PRIVATE_KEY_INVALID':
    'The unwrapped private key is not a valid PKCS#8 {spec} key (KMS.2609).{reason, select, refused { {cause}} other {}}',
  'problem.UNWRAP_PRIVATE_KEY_INVALID.next': UNWRAP_STEP,
  'problem.UNWRAP_PRIVATE_KEY_MISSING': '{spec} key material needs the wrapped private key as well (KMS.2608).',
  'problem.UNWRAP_PRIVATE_KEY_MISSING.next': UNWRAP_STEP,
  'problem.UNWRAP_UNEXPECTED_PRIVATE_KEY': 'A wrapped private key was given for {spec}, which is symmetric.',
  'problem.UNWRAP_UNEXPECTED_PRIVATE_KEY.next': UNWRAP_STEP,
  'problem.UNWRAP_WRONG_LENGTH': 'The decrypted {spec} key material is {found} bytes; it must be {needed} (KMS.2604).',
  'problem.UNWRAP_WRONG_LENGTH.next': UNWRAP_STEP,
  'problem.WRAPPING_KEY_IS_PRIVATE': `{format, select, pem {The wrapping key file is a private key (PEM {labels}); the wrapping key is the KMS public key.} other {The wrapping key file (${WRAPPING_KEY_SOURCE}) is a private key; the wrapping key is the KMS public key.}}`,
  'problem.WRAPPING_KEY_IS_PRIVATE.next': WRAPPING_KEY_STEP,
  'problem.WRAPPING_KEY_UNREADABLE': `{reason, select, pemBlocks {The wrapping key file is PEM with block(s) {labels}; expected one "PUBLIC KEY" block.} pemContents {The wrapping key file is PEM "PUBLIC KEY" but its contents could not be read as a public key.} der {The wrapping key file (${WRAPPING_KEY_SOURCE}, {size} bytes) is not a DER SubjectPublicKeyInfo public key.} tooLarge {The wrapping key file is {size} bytes; a wrapping key is at most a few kilobytes.} other {The wrapping key file ({size} bytes) is neither DER, base64 text nor PEM.}}`,
  'problem.WRAPPING_KEY_UNREADABLE.next': WRAPPING_KEY_STEP,
  'problem.WRAPPING_KEY_NOT_CANONICAL': `The wrapping key file (${WRAPPING_KEY_SOURCE}) holds {size} bytes but the public key in it is {keyBytes} bytes: it has extra or non-canonical data.`,
  'problem.WRAPPING_KEY_NOT_CANONICAL.next': WRAPPING_KEY_STEP,
  'problem.WRAPPING_KEY_EMPTY': 'The wrapping key file is empty.',
  'problem.WRAPPING_KEY_EMPTY.next': WRAPPING_KEY_STEP,
  'problem.WRAPPING_KEY_NOT_RSA': `${KEY_FOUND} was given as the wrapping key; the KMS wrapping key is an RSA key.`,
  'problem.WRAPPING_KEY_NOT_RSA.next': WRAPPING_KEY_STEP,
} as const;
