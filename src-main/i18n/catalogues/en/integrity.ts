/**
 * Ceremony integrity: credentials bound to the endpoint and project they were entered for, wrapped
 * bundles completed only after their receipt, and wrapping keys Huawei's import accepts.
 */
export const enIntegrity = {
  'problem.WRAPPING_KEY_NOT_IMPORTABLE':
    '{source, select, file {The wrapping key in {name}} other {The wrapping key of key {name}}} is RSA-{bits}: material wrapped under it is {length} base64 characters, but Huawei KMS import-key-material accepts encrypted_key_material of {min} to {max} characters only (one RSA-2048 ciphertext). The import would be refused, so nothing was generated or wrapped.',
  'problem.WRAPPING_KEY_NOT_IMPORTABLE.next':
    'Huawei KMS issues RSA-2048 wrapping keys: treat these parameters as not from the KMS, and fetch new import parameters on the online workstation.',
} as const;
