/**
 * Ceremony integrity: credentials bound to the endpoint and project they were entered for, wrapped
 * bundles completed only after their receipt, and wrapping keys Huawei's import accepts.
 */
export const enIntegrity = {
  'problem.WRAPPING_KEY_NOT_IMPORTABLE':
    '{source, select, file {The wrapping key in {name}} other {The wrapping key of key {name}}} is RSA-{bits}: material wrapped under it is {length} base64 characters, but Huawei KMS import-key-material accepts encrypted_key_material of {min} to {max} characters only (one RSA-2048 ciphertext). The import would be refused, so nothing was generated or wrapped.',
  'problem.WRAPPING_KEY_NOT_IMPORTABLE.next':
    'Huawei KMS issues RSA-2048 wrapping keys: treat these parameters as not from the KMS, and fetch new import parameters on the online workstation.',
  'progress.wrapped-bundle-staged':
    'Wrapped-material bundle written except its manifest, which follows the receipt (until then no one can import it)',
  'airgap.bundle-staged':
    'Wrapped-material bundle written, all but its manifest, which is written after the receipt (until then nothing can import it): {dir}',
  'airgap.bundle-completed':
    'Receipt written, then the manifest: the wrapped-material bundle is complete and verified: {dir}',
  'bundle.custody':
    '{kind, select, shares {Custody copy: {threshold} of {total} shares, held by {custodians}.} hsmToken {Custody copy: the HSM token "{label}" (serial {serial}).} materialFiles {Custody copy: the material files loaded on the air-gapped workstation.} none {{acknowledged, select, yes {No custody copy, acknowledged on the air-gapped side: after import this material exists only in the KMS.} other {No custody copy: after import this material exists only in the KMS.}}} other {The bundle does not say who keeps a copy of the material (written by an older Keyferry).}}',
} as const;
