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
  'problem.CREDENTIALS_BOUND_ELSEWHERE':
    '{sourceKind, select, config {The credentials in the config file {sourceName}} remembered {The credentials remembered on this computer (profile {sourceName})} other {The credentials entered in this session}} are for {field, select, endpoint {the endpoint {bound}} region {the region {bound}} other {the project {bound}}}, but this connection would use them for {field, select, endpoint {the endpoint {given}} region {the region {given}} other {the project {given}}} (from {givenFromPhrase}). Nothing was sent.',
  'problem.CREDENTIALS_BOUND_ELSEWHERE.next':
    'If {given} is right, enter the credentials for it {sourceKind, select, config {in a config file of its own} other {again}}; otherwise correct {givenFromPhrase}.',
  'problem.CREDENTIALS_ENDPOINT_UNCONFIRMED':
    'The credentials from the environment would be sent to {endpoint}, which comes from {fromPhrase}, not from the command line, and is neither the KMS endpoint of the region ({regionEndpoint}) nor the local simulator. Nothing was sent.',
  'problem.CREDENTIALS_ENDPOINT_UNCONFIRMED.next':
    'If {endpoint} is the KMS you mean, give --endpoint {endpoint} on the command line; otherwise check {fromPhrase}.',
  'problem.CONFIG_CREDENTIALS_UNBOUND':
    'The config file {file} holds credentials but does not name the {missing, select, region {region} other {project}} they are for, so Keyferry cannot tell where they may be sent.',
  'problem.CONFIG_CREDENTIALS_UNBOUND.next':
    'Add "region" and "projectId" (and "endpoint" unless it is the region’s own) to {file}, next to the credentials.',
  'airgap.bundle-staged':
    'Wrapped-material bundle written, all but its manifest, which is written after the receipt (until then nothing can import it): {dir}',
  'airgap.bundle-completed':
    'Receipt written, then the manifest: the wrapped-material bundle is complete and verified: {dir}',
  'bundle.custody':
    '{kind, select, shares {Custody copy: {threshold} of {total} shares, held by {custodians}{set, select, named {, custody set {setTag} (the tag in its share files’ names)} other {}}.} hsmToken {Custody copy: the HSM token {labelled, select, yes {"{label}"} other {with no label}} {serialKnown, select, yes {(serial {serial})} other {(no serial number)}}.} materialFiles {Custody copy: the material files loaded on the air-gapped workstation.} none {{acknowledged, select, yes {No custody copy, acknowledged on the air-gapped side: after import this material exists only in the KMS.} other {No custody copy: after import this material exists only in the KMS.}}} other {The bundle does not say who keeps a copy of the material (written by an older Keyferry).}}',
  'bundle.custody.presented':
    ' {named, select, all {} other {Only the holders who came to the restore are named. }}Presented for the restore: {shares}.',
  'bundle.custody.presentedShare': 'share {shareIndex} of {custodian}, handed over by {presentedBy}',
  /** Where a connection's credentials came from (journaled as this phrase with the connection; never the secret). */
  'credentials.source.environment': 'environment variables (KEYFERRY_AK, KEYFERRY_SK or KEYFERRY_IAM_TOKEN)',
  'credentials.source.config-file': 'the config file {file}',
  'credentials.source.remembered': 'remembered on this computer (profile {profile})',
  'credentials.source.entered': 'entered in this session',
  'credentials.source.rehearsal': 'the rehearsal simulator’s own credentials',
  /** Where a connection's endpoint, region or project came from (the credential refusals name it). */
  'credentials.from.option': 'the option {option}',
  'credentials.from.config': '"{field}" in the config file {file}',
  'credentials.from.journal': 'the ceremony journal',
  'credentials.from.form': 'the connection form',
} as const;
